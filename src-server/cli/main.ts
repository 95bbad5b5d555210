import { Command, CommanderError, Option } from 'commander';
import { languages } from '../../shared/i18n/languages';
import { translatorFor } from '../../shared/i18n/translator';
import { initServer, type InitResult } from '../admin/initServer';
import { osActor } from '../admin/openAdmin';
import { readServerConfig } from '../config/serverConfig';
import { createStderrServerLogger } from '../log/serverLogger';
import { registerAgencyCommands } from './agencyCommands';
import { createCliContext, type GlobalOptions } from './cliContext';
import { processIo, table, type CliIo } from './cliOutput';
import { serverLanguage } from './serverLanguage';
import { registerUserCommands } from './userCommands';
import { registerRecordCommands } from './recordCommands';
import { registerWorkstationCommands } from './workstationCommands';
import { registerVerifyCommand } from './verifyCommand';
import { registerImportCommand } from './importCommand';
import { registerAuditCommands } from './auditCommands';
import { registerBackupCommands } from './backupCommands';

export interface ServerCliEnvironment {
  io?: CliIo;
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** Resolves when `serve` should stop: SIGINT or SIGTERM by default. */
  waitForStop?: () => Promise<void>;
}

const untilSignal = () =>
  new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

const numberOrText = (value: string | undefined) => (value === undefined ? undefined : /^\d+$/.test(value) ? Number(value) : value);

/**
 * `bala-server`: the central server's administration and its HTTPS service. Answers the exit
 * code: 0 done, 1 refused (message on stderr, or JSON with --json), 2 wrong usage.
 */
export async function runServerCli(argv: readonly string[], environment: ServerCliEnvironment = {}): Promise<number> {
  const io = environment.io ?? processIo;
  const env = environment.env ?? process.env;
  const language = serverLanguage(argv, env);
  const t = translatorFor(language);
  let exitCode = 0;

  const program = new Command('bala-server')
    .description(t('server.cli.description'))
    .option('--data <dir>', t('server.cli.optData'))
    .option('--pg <url>', t('server.cli.optPg'))
    .option('--json', t('server.cli.optJson'))
    .addOption(new Option('--lang <language>', t('server.cli.optLang')).choices([...languages]))
    .showHelpAfterError()
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  const cli = createCliContext({
    io,
    t,
    language,
    env,
    globals: () => program.opts<GlobalOptions>(),
    exit: (code) => {
      exitCode = code;
    },
    now: environment.now ?? (() => new Date()),
  });

  program
    .command('init')
    .description(t('server.cli.cmdInit'))
    .option('--hosts <names>', t('server.cli.optHosts'))
    .option('--url <url>', t('server.cli.optUrl'))
    .option('--ca-name <name>', t('server.cli.optCaName'))
    .addOption(new Option('--key-bits <bits>', t('server.cli.optKeyBits')).choices(['2048', '3072', '4096']))
    .action(async (options: { hosts?: string; url?: string; caName?: string; keyBits?: string }) => {
      const dataDir = cli.dataDir();
      if (dataDir === null) return;
      await cli.finish(
        () =>
          initServer({
            dataDir,
            pgUrl: cli.pgUrl(),
            hosts: options.hosts?.split(','),
            serverUrl: options.url,
            caName: options.caName,
            keyBits: options.keyBits ? Number(options.keyBits) : undefined,
            actor: osActor(),
            now: cli.now(),
          }),
        (result: InitResult) =>
          [
            t('server.cli.initDone', { dir: result.dataDir }),
            table([
              [t('server.cli.serverUrl'), result.serverUrl],
              [t('server.cli.tlsName'), result.tlsServerName],
              [t('server.cli.hosts'), result.hosts.join(', ')],
              [t('server.cli.storage'), t(`server.cli.storage_${result.storage}`)],
              [t('server.cli.caFingerprint'), result.caFingerprint],
              [t('server.cli.caFile'), result.caCertFile],
            ]),
            t('server.cli.initNext', { dir: result.dataDir, port: result.port }),
          ].join('\n'),
      );
    });

  program
    .command('serve')
    .description(t('server.cli.cmdServe'))
    .option('--port <port>', t('server.cli.optPort'))
    .option('--host <address>', t('server.cli.optListen'), '0.0.0.0')
    .action(async (options: { port?: string; host: string }) => {
      const dataDir = cli.dataDir();
      if (dataDir === null) return;
      options.port ??= String(configuredPort(dataDir));
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535) {
        io.err(t('server.cli.badPort', { port: options.port }));
        exitCode = 2;
        return;
      }
      // The HTTPS service loads only for serve: every other verb starts without Fastify.
      const { startServer } = await import('../http/startServer');
      let running: Awaited<ReturnType<typeof startServer>> | null = null;
      await cli.finish(
        async () => {
          running = await startServer({ dataDir, pgUrl: cli.pgUrl(), port, host: options.host, t, log: createStderrServerLogger((line) => io.err(line)) });
          return { url: running.url, port: running.port, storage: running.db.kind };
        },
        (value) => t('server.cli.serving', { url: value.url, storage: t(`server.cli.storage_${value.storage === 'pglite' ? 'pglite' : 'postgres'}`) }),
      );
      const server = running as Awaited<ReturnType<typeof startServer>> | null;
      if (!server) return;
      await (environment.waitForStop ?? untilSignal)();
      io.err(t('server.cli.stopping'));
      await server.close();
    });

  program
    .command('audit')
    .description(t('server.cli.cmdAudit'))
    .option('--limit <n>', t('server.cli.optLimit'), '50')
    .action(async (options: { limit: string }) => {
      await cli.run(
        (admin) => admin.call('audit.read', { limit: numberOrText(options.limit) }),
        (records) =>
          records.length === 0
            ? t('server.cli.noneFound')
            : records
                .map((record) => [record.at, record.actor, record.action, record.target ?? '-', JSON.stringify(record.details)].join('  '))
                .join('\n'),
      );
    });

  registerAgencyCommands(program, cli);
  registerUserCommands(program, cli);
  registerWorkstationCommands(program, cli);
  registerRecordCommands(program, cli);
  registerVerifyCommand(program, cli);
  registerImportCommand(program, cli);
  registerAuditCommands(program, cli);
  registerBackupCommands(program, cli);

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return exitCode;
}

/** serve's port when none is given: the one of the URL `init` recorded (what workstations dial), else 8443. */
function configuredPort(dataDir: string): number {
  try {
    const url = readServerConfig(dataDir)?.serverUrl;
    if (!url) return 8443;
    const parsed = new URL(url);
    return parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 8443;
  } catch {
    return 8443; // a damaged server.json is reported by serve itself
  }
}
