import type { DomainHandlers } from './handlers';

export const settingsHandlers: DomainHandlers<'settings'> = {
  'settings.get': (_input, ctx) => ctx.settings.get(),
  'settings.update': (input, ctx) => ctx.settings.update(input),
};
