import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterAll, afterEach, vi } from 'vitest';
import type { SignInResult, AccountStatement, AccountPublic } from '../../../shared/serverApi/serverApi';
import { createBackend } from '../../../src-main/backend';
import { EventBus } from '../../../src-main/events/eventBus';
import { credentialIdOf, deriveAccountKeys } from '../../../src-main/security/accountKeys';
import { newScryptParams } from '../../../src-main/security/scrypt';
import { SessionService } from '../../../src-main/session/sessionService';
import { Keyring, type AccountEntry } from '../../../src-main/store/keyring';
import { issueTestProfile, signTestStatement, type TestOperator, type TestProfile } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';
import { fakeServer } from './sessionFakeServer';

/*
 * Workstations for the session module's in-process mutant tests: activated offline from a test
 * profile, a SessionService on a fixed clock whose describe() shows the catalogue key and values,
 * and the server's signed answers (sessionFakeServer.ts plays the server).
 */

/** What the service's describe() makes of a catalogue key: the key and its values, to be asserted. */
export const described = (key: string, params?: Record<string, string>): string => (params ? `${key} ${JSON.stringify(params)}` : key);

export interface Station {
  dataDir: string;
  profile: TestProfile;
  workstationId: string;
  events: { name: string; payload: unknown }[];
  clock: { now: Date };
  idleMinutes: { value: number };
  service: SessionService;
  /** A new service on the same data folder (a restarted workstation). */
  restart(): SessionService;
  keyring(): Keyring;
  /** The account the server holds for a password: the profile's when `kdfOf` names the operator. */
  account(password: string, kdfOf?: string): Promise<AccountPublic>;
  statement(fields: Partial<AccountStatement> & { username: string; credentialId: string }): AccountStatement;
  sign(statement: AccountStatement): SignInResult['statement'];
  signInResult(username: string, account: AccountPublic, fields?: { user?: Partial<SignInResult['user']>; statement?: Partial<AccountStatement>; expiresAt?: string }): SignInResult;
}

/** Workstations activated once per set of operators; each test works on a copy of the folder. */
const templates = new Map<string, Promise<{ dir: string; profile: TestProfile }>>();

async function activatedTemplate(operators: TestOperator[]): Promise<{ dir: string; profile: TestProfile }> {
  const temp = tempDir('bala-session-template-');
  const profile = await issueTestProfile({ operators });
  const backend = createBackend({ dataDir: temp.dir, mode: 'test', locales: ['en'] });
  const activated = await backend.call('activation.activate', { source: { kind: 'file', name: 'x.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code });
  await backend.close();
  if (!activated.ok) throw new Error(`activation failed: ${activated.error.code}`);
  return { dir: temp.dir, profile };
}

/** Removes the activated folders the copies were made from (afterAll of each test file). */
export async function forgetStations(): Promise<void> {
  for (const template of templates.values()) fs.rmSync((await template).dir, { recursive: true, force: true });
  templates.clear();
}

/** An activated workstation (offline activation from a test profile) and a session service on it. */
export async function station(operators: TestOperator[]): Promise<Station & { cleanup: () => void }> {
  const key = JSON.stringify(operators);
  if (!templates.has(key)) templates.set(key, activatedTemplate(operators));
  const { dir, profile } = await (templates.get(key) as Promise<{ dir: string; profile: TestProfile }>);
  const temp = tempDir('bala-session-mutants-');
  fs.cpSync(dir, temp.dir, { recursive: true });
  const workstationId = profile.body.workstation.id;
  // The server's later statements: a minute after the ones activation recorded (older ones are ignored).
  const afterActivation = new Date(Date.parse(profile.body.issuedAt) + 60_000).toISOString();
  const events: Station['events'] = [];
  const clock = { now: new Date('2026-11-20T09:30:00.000Z') };
  const idleMinutes = { value: 15 };
  const made: SessionService[] = [];
  const make = () => {
    const bus = new EventBus();
    bus.subscribe((event) => events.push({ name: event.name, payload: event.payload }));
    const service = new SessionService({ dataDir: temp.dir, events: bus, language: () => 'en', idleLockMinutes: () => idleMinutes.value, now: () => clock.now, describe: described });
    made.push(service);
    return service;
  };
  const result: Station & { cleanup: () => void } = {
    dataDir: temp.dir,
    profile,
    workstationId,
    events,
    clock,
    idleMinutes,
    service: make(),
    restart: make,
    keyring: () => Keyring.load(temp.dir) as Keyring,
    async account(password, kdfOf) {
      const entry = kdfOf ? (Keyring.load(temp.dir)?.wrapOf(kdfOf) as AccountEntry | undefined) : undefined;
      return (await deriveAccountKeys(password, entry?.kdf ?? newScryptParams())).public;
    },
    statement: (fields) => ({ workstationId, validUntil: '2027-06-30T00:00:00.000Z', disabled: false, mustChangePassword: false, issuedAt: afterActivation, ...fields }),
    sign: (statement) => signTestStatement(statement, profile.serverKeyPem),
    signInResult(username, account, fields = {}) {
      const statement = result.statement({ username, credentialId: credentialIdOf(account), ...fields.statement });
      return {
        user: { username, displayName: `${username} (server)`, role: 'central_reader', agencyId: 'agency-1', validUntil: statement.validUntil, mustChangePassword: statement.mustChangePassword, ...fields.user },
        session: { token: crypto.randomBytes(32).toString('base64url'), expiresAt: fields.expiresAt ?? new Date(clock.now.getTime() + 3_600_000).toISOString() },
        account,
        statement: result.sign(statement),
      };
    },
    cleanup: () => {
      for (const service of made) service.close();
      temp.cleanup();
    },
  };
  return result;
}

/**
 * For a test file: workstations removed after each test (with the scripted server reset and real
 * timers back), the activated folders after the file. `station` makes one that way; `twoOperators`
 * makes aigul's and bakyt's, aigul's password to be changed when `aigulMustChange`.
 */
/** When twoOperators' accounts end. */
export const operatorsValidUntil = '2027-03-01T00:00:00.000Z';

export function stationsPerTest() {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    vi.useRealTimers();
    fakeServer.reset();
    cleanups.splice(0).forEach((cleanup) => cleanup());
  });
  afterAll(forgetStations);
  const tracked = async (operators: TestOperator[]): Promise<Station> => {
    const made = await station(operators);
    cleanups.push(made.cleanup);
    return made;
  };
  return {
    station: tracked,
    /** Runs `cleanup` after this test. */
    afterThisTest: (cleanup: () => void) => cleanups.push(cleanup),
    twoOperators: (aigulMustChange: boolean) =>
      tracked([
        { username: 'aigul', password: 'Aigul-Pass-2026', displayName: 'Айгүл', validUntil: operatorsValidUntil, mustChangePassword: aigulMustChange },
        { username: 'bakyt', password: 'Bakyt-Pass-2026', displayName: 'Бакыт', validUntil: operatorsValidUntil, mustChangePassword: false },
      ]),
  };
}
