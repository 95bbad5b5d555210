import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { BalaClient } from '../../shared/api/client';
import { settingsSchema } from '../../shared/api/settings';
import { formatDate } from '../../shared/i18n/format';
import { defaultLanguage, isLanguage, languages, nativeLanguageNames, pickLanguage } from '../../shared/i18n/languages';
import { translatorFor } from '../../shared/i18n/translator';
import { createBackend, type Backend } from '../backend';
import { createStderrLogger } from '../log/logger';
import { defaultDataDir } from '../paths/dataDir';
import { systemLocales } from '../paths/systemLocales';
import { inProcessClient } from '../transport/inProcessClient';
import { processIo, report, table, type CliIo } from './output';
import { registerRecordCommands } from './recordCommands';
import { registerRecoverCommand } from './recoverCommand';
import { registerReportCommands } from './reportCommands';
import { registerSessionCommands } from './sessionCommands';
import { registerSyncCommands } from './syncCommands';
import { registerPrintCommands } from './printCommands';
import { registerHandoverCommands } from './handoverCommands';

interface GlobalOptions {
  data?: string;
  json?: boolean;
  lang?: string;
}

/**
 * `bala`: the workstation's API in-process, for administrators' scripts. Answers the exit code:
 * 0 done, 1 refused (message on stderr), 2 wrong usage.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  // Help texts are translated before the data folder is known: --lang, else the system language.
  const langArg = argv[argv.indexOf('--lang') + 1];
  const backends: Backend[] = [];
  const open = (options: GlobalOptions): { client: BalaClient; backend: Backend } => {
    const backend = createBackend({
      dataDir: path.resolve(options.data ?? defaultDataDir()),
      mode: 'cli',
      ...(isLanguage(options.lang) ? { language: options.lang } : {}),
      log: createStderrLogger('bala'),
    });
    backends.push(backend);
    return { client: inProcessClient(backend), backend };
  };
  const helpT = translatorFor(isLanguage(langArg) ? langArg : (pickLanguage(systemLocales()) ?? defaultLanguage));

  const program = new Command('bala')
    .description(helpT('cli.description'))
    .option('--data <dir>', helpT('cli.optData'))
    .option('--json', helpT('cli.optJson'))
    .addOption(new Option('--lang <language>', helpT('cli.optLang')).choices([...languages]))
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  let exitCode = 0;

  program
    .command('info')
    .description(helpT('cli.cmdInfo'))
    .action(async () => {
      const options = program.opts<GlobalOptions>();
      const { client, backend } = open(options);
      const t = backend.ctx.t();
      const language = backend.ctx.language();
      exitCode = report(io, await client.call('app.info'), options.json === true, (info) =>
        table([
          [t('info.version'), `${info.name} ${info.version}`],
          [t('info.mode'), t(`mode.${info.mode}`)],
          [t('info.dataFolder'), info.dataDir],
          [t('language.label'), nativeLanguageNames[info.language]],
          [t('cli.systemLanguage'), info.systemLanguage ? nativeLanguageNames[info.systemLanguage] : t('cli.notDetected')],
          [t('info.today'), formatDate(new Date(), language)],
        ]),
      );
    });

  const settings = program.command('settings').description(helpT('cli.cmdSettings'));
  const showSettings = (t: (key: string) => string) => (value: { language: string | null; idleLockMinutes: number }) =>
    table([
      [t('language.label'), value.language ?? '—'],
      [t('cli.idleLock'), String(value.idleLockMinutes)],
    ]);
  settings
    .command('get')
    .description(helpT('cli.cmdSettingsGet'))
    .action(async () => {
      const options = program.opts<GlobalOptions>();
      const { client, backend } = open(options);
      exitCode = report(io, await client.call('settings.get'), options.json === true, showSettings(backend.ctx.t()));
    });
  settings
    .command('set <key> <value>')
    .description(helpT('cli.cmdSettingsSet'))
    .action(async (key: string, value: string) => {
      const options = program.opts<GlobalOptions>();
      const { client, backend } = open(options);
      const known = Object.keys(settingsSchema.shape);
      if (!known.includes(key)) {
        io.err(backend.ctx.t()('cli.unknownSetting', { key, known: known.join(', ') }));
        exitCode = 2;
        return;
      }
      // Values arrive as text; numbers and `null` are read as JSON, anything else stays a string.
      let parsed: unknown = value;
      if (/^(-?\d+(\.\d+)?|null)$/.test(value)) parsed = JSON.parse(value);
      exitCode = report(io, await client.call('settings.update', { [key]: parsed }), options.json === true, showSettings(backend.ctx.t()));
    });

  const cliSession = {
    io,
    helpT,
    json: () => program.opts<GlobalOptions>().json === true,
    open: () => open(program.opts<GlobalOptions>()),
    exit: (code: number) => {
      exitCode = code;
    },
  };
  registerSessionCommands(program, cliSession);
  registerRecoverCommand(program, cliSession);
  registerRecordCommands(program, cliSession);
  registerReportCommands(program, cliSession);
  registerSyncCommands(program, cliSession);
  registerPrintCommands(program, cliSession);
  registerHandoverCommands(program, cliSession);

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  } finally {
    for (const backend of backends) await backend.close();
  }
  return exitCode;
}
