import type { TFunction } from 'i18next';
import type { BalaClient } from '../../shared/api/client';
import type { SessionStatus } from '../../shared/api/session';
import type { Backend } from '../backend';
import { secretInput } from './credentials';
import { report } from './output';
import type { CliSession } from './sessionCommands';

/** Reads a required secret or explains which variable to set; null means "give up" (exit 2 set). */
export async function need(cli: CliSession, envName: string, promptKey: string, t: TFunction): Promise<string | null> {
  const value = await secretInput(envName, t(promptKey));
  if (value === null) {
    cli.io.err(t('cli.noInput', { name: envName }));
    cli.exit(2);
  }
  return value;
}

export interface SignedInCli {
  client: BalaClient;
  backend: Backend;
  status: SessionStatus;
  password: string;
}

/** Signs the operator in with BALA_USER / BALA_PASSWORD (or prompts); never from argv. */
export async function signInFromEnvironment(cli: CliSession): Promise<SignedInCli | null> {
  const { client, backend } = cli.open();
  const t = backend.ctx.t();
  const username = await need(cli, 'BALA_USER', 'cli.promptUser', t);
  if (username === null) return null;
  const password = await need(cli, 'BALA_PASSWORD', 'cli.promptPassword', t);
  if (password === null) return null;
  const result = await client.call('session.signIn', { username, password });
  if (!result.ok) {
    cli.exit(report(cli.io, result, cli.json(), () => ''));
    return null;
  }
  return { client, backend, status: result.value, password };
}

/** Runs a verb as the signed-in operator: its answer is the exit code; the session ends either way. */
export async function runSignedIn(cli: CliSession, work: (session: SignedInCli) => Promise<number>): Promise<void> {
  const session = await signInFromEnvironment(cli);
  if (!session) return;
  try {
    cli.exit(await work(session));
  } finally {
    await session.client.call('session.signOut');
  }
}
