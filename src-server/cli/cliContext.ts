import path from 'node:path';
import type { TFunction } from 'i18next';
import type { Language } from '../../shared/i18n/languages';
import type { AdminContext } from '../admin/adminContext';
import { adminChannelOffered, callAdminChannel } from '../admin/adminChannel';
import { AdminError } from '../admin/adminError';
import { adminVerbs, type AdminVerb, type AdminVerbResult } from '../admin/adminVerbs';
import { openAdmin, osActor } from '../admin/openAdmin';
import { cliError, report, type CliIo, type CliResult } from './cliOutput';

export interface GlobalOptions {
  data?: string;
  pg?: string;
  json?: boolean;
  lang?: string;
}

/** The administration verbs, run on the database here or, while `serve` holds the embedded one, in the server. */
export interface AdminPort {
  call<V extends AdminVerb>(verb: V, input?: unknown): Promise<AdminVerbResult<V>>;
  /** The database opened by this process; null when the verbs go through the running server. */
  direct: AdminContext | null;
}

/** What every command needs: where to print, the language, and the data folder and database. */
export interface CliContext {
  io: CliIo;
  t: TFunction;
  language: Language;
  env: NodeJS.ProcessEnv;
  globals: () => GlobalOptions;
  json: () => boolean;
  /** --data, else BALA_SERVER_DATA; null (after saying so) when neither is given. */
  dataDir: () => string | null;
  pgUrl: () => string | undefined;
  exit: (code: number) => void;
  now: () => Date;
  /** Runs verbs against the server's database and reports the result. */
  run<T>(action: (port: AdminPort) => Promise<T>, human: (value: T) => string): Promise<void>;
  /** Reports a result computed without the database (init). */
  finish<T>(action: () => Promise<T>, human: (value: T) => string): Promise<void>;
}

export function createCliContext(options: {
  io: CliIo;
  t: TFunction;
  language: Language;
  env: NodeJS.ProcessEnv;
  globals: () => GlobalOptions;
  exit: (code: number) => void;
  now: () => Date;
}): CliContext {
  const { io, t, env, globals, exit } = options;
  const json = () => globals().json === true;
  const dataDir = (): string | null => {
    const dir = globals().data ?? env.BALA_SERVER_DATA;
    if (dir) return path.resolve(dir);
    report(io, { ok: false, error: { code: 'INVALID_INPUT', message: t('server.cli.needData') } }, json(), () => '');
    exit(2);
    return null;
  };
  const pgUrl = () => globals().pg ?? (env.BALA_PG_URL || undefined);

  const finish = async <T>(action: () => Promise<T>, human: (value: T) => string): Promise<void> => {
    let result: CliResult<T>;
    try {
      result = { ok: true, value: await action() };
    } catch (error) {
      if (!(error instanceof AdminError)) throw error;
      result = { ok: false, error: cliError(error, t) };
    }
    exit(report(io, result, json(), human));
  };

  /** The database itself, or — when a running server holds the embedded one — that server. */
  const openPort = async (dir: string): Promise<{ port: AdminPort; close: () => Promise<void> }> => {
    try {
      const admin = await openAdmin({ dataDir: dir, pgUrl: pgUrl(), now: options.now });
      return {
        port: { direct: admin, call: (verb, input) => adminVerbs[verb](admin, input) as Promise<AdminVerbResult<typeof verb>> },
        close: () => admin.db.close(),
      };
    } catch (error) {
      if (!(error instanceof AdminError && error.code === 'STORAGE_BUSY' && adminChannelOffered(dir))) throw error;
      const actor = osActor();
      return { port: { direct: null, call: (verb, input) => callAdminChannel(dir, verb, input, actor) }, close: () => Promise.resolve() };
    }
  };

  return {
    io,
    t,
    language: options.language,
    env,
    globals,
    json,
    dataDir,
    pgUrl,
    exit,
    now: options.now,
    finish,
    run: async (action, human) => {
      const dir = dataDir();
      if (dir === null) return;
      let close = () => Promise.resolve();
      try {
        await finish(async () => {
          const opened = await openPort(dir);
          close = opened.close;
          return action(opened.port);
        }, human);
      } finally {
        await close();
      }
    },
  };
}
