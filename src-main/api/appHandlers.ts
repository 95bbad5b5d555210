import type { DomainHandlers } from './handlers';

export const appHandlers: DomainHandlers<'app'> = {
  'app.info': (_input, ctx) => ({
    name: 'Bala',
    version: ctx.version,
    mode: ctx.mode,
    platform: process.platform,
    arch: process.arch,
    dataDir: ctx.dataDir,
    systemLanguage: ctx.systemLanguage,
    language: ctx.language(),
    languageChosen: ctx.settings.get().language !== null,
  }),
};
