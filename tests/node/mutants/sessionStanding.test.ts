import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountStatement } from '../../../shared/serverApi/serverApi';
import { adoptCredential, applyStatement, operatorRow, removeAccess, serverCertOf, verifyStatement } from '../../../src-main/session/operatorState';
import { serverConnectionFrom } from '../../../src-main/session/serverConnection';
import { openCache, type CacheDatabase } from '../../../src-main/store/cacheDatabase';
import { Keyring } from '../../../src-main/store/keyring';
import { issueTestProfile, signTestStatement, type TestProfile } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';

/*
 * Issue 22 (session module): the rules by which the workstation's cache keeps each operator's
 * standing from the server's signed statements (src-main/session/operatorState.ts), and the
 * connection secrets it reads back. In-process, on a real encrypted cache and keyring.
 */

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

let profile: TestProfile;
beforeAll(async () => {
  profile = await issueTestProfile({ operators: [] });
});

const credential = (n: number) => n.toString(16).padStart(32, '0');
const workstationId = 'ws-standing';

function cache(options: { cert?: string | null; row?: boolean } = {}): { db: CacheDatabase; keyring: Keyring; dir: string } {
  const temp = tempDir('bala-standing-');
  const db = openCache(path.join(temp.dir, 'cache.db'), crypto.randomBytes(32), { create: true });
  cleanups.push(() => {
    db.close();
    temp.cleanup();
  });
  if (options.row !== false) {
    db.prepare(
      "INSERT INTO workstation (id, name, agency_json, scope_json, server_url, tls_server_name, ca_cert_pem, client_key_pem, client_cert_pem, profile_id, profile_expires_at, activated_at, server_cert_pem) VALUES (?, 'w', '{}', '{}', 'https://server.test/', 'server.test', 'CA', 'KEY', 'CERT', 'p', 'e', 'a', ?)",
    ).run(workstationId, options.cert === undefined ? profile.serverCertPem : options.cert);
  }
  const keyring = Keyring.create(temp.dir, workstationId, 'escrow');
  return { db, keyring, dir: temp.dir };
}

/** An operator as activation records one: holding credential 1, under a statement of 2026-11-01. */
function holding(db: CacheDatabase, keyring: Keyring, username: string, fields: { credential?: string | null; previous?: string | null; legacy?: number; mustChange?: number; wrap?: boolean } = {}) {
  db.prepare(
    "INSERT INTO operators (username, display_name, role, credential_id, previous_credential_id, valid_until, disabled, must_change_password, statement_at, legacy) VALUES (?, ?, 'data_holder', ?, ?, '2027-01-01T00:00:00.000Z', 0, ?, '2026-11-01T00:00:00.000Z', ?)",
  ).run(username, username, fields.credential === undefined ? credential(1) : fields.credential, fields.previous ?? null, fields.mustChange ?? 0, fields.legacy ?? 0);
  if (fields.wrap !== false) {
    const id = keyring.idOf(username);
    keyring.upsert({ kind: 'account', id, kdf: { algorithm: 'scrypt', N: 1024, r: 8, p: 1, salt: 'c2FsdA==' }, credentialId: fields.credential ?? credential(1), wrap: { ephemeralPub: 'AA==', iv: 'AA==', ciphertext: 'AA==', tag: 'AA==' }, failedAttempts: 0, lockedUntil: null });
  }
}

const statement = (fields: Partial<AccountStatement> = {}): AccountStatement => ({
  workstationId,
  username: 'aigul',
  credentialId: credential(1),
  validUntil: '2027-06-30T00:00:00.000Z',
  disabled: false,
  mustChangePassword: false,
  issuedAt: '2026-11-10T00:00:00.000Z',
  ...fields,
});

const now = new Date('2026-11-20T10:00:00.000Z');
const row = (db: CacheDatabase, username = 'aigul') => operatorRow(db, username);
const audit = (db: CacheDatabase) => db.prepare('SELECT at, actor, action, details_json FROM audit_log ORDER BY id').all();
const waitingChange = (db: CacheDatabase, username: string, request: string | null = '[]') =>
  db.prepare("INSERT INTO pending_password_changes (username, current_hash, new_hash, new_kdf_json, changed_at, request_json) VALUES (?, '', '', '', 'x', ?)").run(username, request);

describe('the server’s signed word on an operator', () => {
  it('accepts a statement only if the server’s key signed exactly those bytes', () => {
    const signed = signTestStatement(statement(), profile.serverKeyPem);
    expect(verifyStatement(signed, profile.serverCertPem)).toEqual(statement());
    const tampered = { ...signed, statement: Buffer.from(JSON.stringify(statement({ disabled: true }))).toString('base64') };
    expect(verifyStatement(tampered, profile.serverCertPem)).toBeNull();
    // Signed, but not a statement (a wrong shape or not JSON): nothing is believed.
    const shapeless = Buffer.from(JSON.stringify({ username: 'aigul' }));
    expect(verifyStatement({ statement: shapeless.toString('base64'), signature: crypto.sign('sha256', shapeless, profile.serverKeyPem).toString('base64') }, profile.serverCertPem)).toBeNull();
    const notJson = Buffer.from('not json');
    expect(verifyStatement({ statement: notJson.toString('base64'), signature: crypto.sign('sha256', notJson, profile.serverKeyPem).toString('base64') }, profile.serverCertPem)).toBeNull();
    expect(verifyStatement(signed, 'not a certificate')).toBeNull();
  });

  it('reads the server certificate the cache keeps, or none', () => {
    expect(serverCertOf(cache().db)).toBe(profile.serverCertPem);
    expect(serverCertOf(cache({ cert: null }).db)).toBeNull();
    expect(serverCertOf(cache({ row: false }).db)).toBeNull();
  });

  it('finds an operator whatever the case of the name typed', () => {
    const { db, keyring } = cache();
    holding(db, keyring, 'aigul');
    expect(operatorRow(db, 'AIGUL')).toMatchObject({ username: 'aigul' });
    expect(operatorRow(db, 'bakyt')).toBeUndefined();
  });

  it('records the statement’s validity, must-change flag and date for the operator it names', () => {
    const { db, keyring } = cache();
    holding(db, keyring, 'aigul', { previous: credential(9) });
    expect(applyStatement(db, keyring, statement({ username: 'AIGUL', mustChangePassword: true }), now)).toEqual({ removed: false });
    expect(row(db)).toMatchObject({ valid_until: '2027-06-30T00:00:00.000Z', disabled: 0, must_change_password: 1, statement_at: '2026-11-10T00:00:00.000Z', credential_id: credential(1), previous_credential_id: null });
    expect(keyring.wrapOf('aigul')).toMatchObject({ kind: 'account' });
    expect(audit(db)).toEqual([]);
  });

  it('ignores a statement for another workstation or an operator it does not know', () => {
    const { db, keyring } = cache();
    holding(db, keyring, 'aigul');
    expect(applyStatement(db, keyring, statement({ workstationId: 'ws-other', disabled: true }), now)).toEqual({ removed: false });
    expect(applyStatement(db, keyring, statement({ username: 'stranger', disabled: true }), now)).toEqual({ removed: false });
    expect(row(db)).toMatchObject({ disabled: 0, statement_at: '2026-11-01T00:00:00.000Z' });
    expect(keyring.wrapOf('aigul')).toBeDefined();
  });

  it('ignores a replayed older statement, and applies one of the same moment', () => {
    const { db, keyring } = cache();
    holding(db, keyring, 'aigul');
    expect(applyStatement(db, keyring, statement({ disabled: true, issuedAt: '2026-10-31T23:59:59.999Z' }), now)).toEqual({ removed: false });
    expect(row(db)).toMatchObject({ disabled: 0, credential_id: credential(1) });
    expect(applyStatement(db, keyring, statement({ validUntil: '2028-01-01T00:00:00.000Z', issuedAt: '2026-11-01T00:00:00.000Z' }), now)).toEqual({ removed: false });
    expect(row(db)).toMatchObject({ valid_until: '2028-01-01T00:00:00.000Z' });
  });

  it('destroys a disabled operator’s wrap, clears the pending change and writes the audit line', () => {
    const { db, keyring, dir } = cache();
    holding(db, keyring, 'aigul', { previous: credential(7) });
    waitingChange(db, 'aigul');
    expect(applyStatement(db, keyring, statement({ disabled: true }), now)).toEqual({ removed: true });
    expect(row(db)).toMatchObject({ disabled: 1, credential_id: null, previous_credential_id: null, legacy: 0 });
    expect(Keyring.load(dir)?.find('aigul')).toMatchObject({ kind: 'removed', reason: 'disabled' });
    expect(db.prepare('SELECT count(*) AS n FROM pending_password_changes').get()).toEqual({ n: 0 });
    expect(audit(db)).toEqual([{ at: now.toISOString(), actor: 'aigul', action: 'session.accessRemoved', details_json: '{"reason":"disabled"}' }]);
  });

  it('answers removed for a disabled operator who already lost access, without a second audit line', () => {
    const { db, keyring } = cache();
    holding(db, keyring, 'aigul', { credential: null, wrap: false });
    expect(applyStatement(db, keyring, statement({ disabled: true }), now)).toEqual({ removed: true });
    expect(audit(db)).toEqual([]);
  });

  it('removes a disabled legacy operator, and one with a wrap but no credential recorded', () => {
    const legacy = cache();
    holding(legacy.db, legacy.keyring, 'aigul', { credential: null, legacy: 1, wrap: false });
    expect(applyStatement(legacy.db, legacy.keyring, statement({ disabled: true }), now)).toEqual({ removed: true });
    expect(legacy.keyring.find('aigul')).toMatchObject({ kind: 'removed', reason: 'disabled' });
    expect(audit(legacy.db)).toHaveLength(1);
    const wrapped = cache();
    holding(wrapped.db, wrapped.keyring, 'aigul', { credential: null });
    expect(applyStatement(wrapped.db, wrapped.keyring, statement({ disabled: true }), now)).toEqual({ removed: true });
    expect(wrapped.keyring.find('aigul')).toMatchObject({ kind: 'removed', reason: 'disabled' });
  });

  it('clears a credential the cache still records without a wrap in the keyring, disabled or replaced, and audits it', () => {
    const disabled = cache();
    holding(disabled.db, disabled.keyring, 'aigul', { wrap: false });
    expect(applyStatement(disabled.db, disabled.keyring, statement({ disabled: true }), now)).toEqual({ removed: true });
    expect(row(disabled.db)).toMatchObject({ disabled: 1, credential_id: null });
    expect(audit(disabled.db)).toEqual([{ at: now.toISOString(), actor: 'aigul', action: 'session.accessRemoved', details_json: '{"reason":"disabled"}' }]);
    const replaced = cache();
    holding(replaced.db, replaced.keyring, 'aigul', { wrap: false });
    expect(applyStatement(replaced.db, replaced.keyring, statement({ credentialId: credential(2) }), now)).toEqual({ removed: true });
    expect(row(replaced.db)).toMatchObject({ disabled: 0, credential_id: null });
    expect(audit(replaced.db)).toEqual([{ at: now.toISOString(), actor: 'aigul', action: 'session.accessRemoved', details_json: '{"reason":"credentialChanged"}' }]);
  });

  it('destroys the wrap when the server names another credential (reset or changed elsewhere)', () => {
    const { db, keyring, dir } = cache();
    holding(db, keyring, 'aigul');
    expect(applyStatement(db, keyring, statement({ credentialId: credential(2) }), now)).toEqual({ removed: true });
    expect(Keyring.load(dir)?.find('aigul')).toMatchObject({ kind: 'removed', reason: 'credentialChanged' });
    expect(row(db)).toMatchObject({ credential_id: null, disabled: 0 });
  });

  it('leaves an operator without access alone when the server names another credential', () => {
    const { db, keyring } = cache();
    holding(db, keyring, 'aigul', { credential: null, wrap: false });
    expect(applyStatement(db, keyring, statement({ credentialId: credential(2) }), now)).toEqual({ removed: false });
    expect(audit(db)).toEqual([]);
  });

  it('destroys a wrap the keyring still holds, though the cache records no credential, when the server names another', () => {
    const { db, keyring } = cache();
    holding(db, keyring, 'aigul', { credential: null });
    expect(applyStatement(db, keyring, statement({ credentialId: credential(2) }), now)).toEqual({ removed: true });
    expect(keyring.find('aigul')).toMatchObject({ kind: 'removed', reason: 'credentialChanged' });
  });

  it('keeps a legacy operator’s wrap whatever credential the server names, and their previous one too', () => {
    const { db, keyring } = cache();
    holding(db, keyring, 'aigul', { credential: null, previous: credential(5), legacy: 1 });
    expect(applyStatement(db, keyring, statement({ credentialId: credential(2) }), now)).toEqual({ removed: false });
    expect(keyring.wrapOf('aigul')).toBeDefined();
    expect(row(db)).toMatchObject({ previous_credential_id: credential(5), legacy: 1 });
  });

  it('while a change made here waits, keeps the wrap and the operator’s must-change flag under a statement of the old password', () => {
    const { db, keyring } = cache();
    holding(db, keyring, 'aigul', { credential: credential(2), previous: credential(1), mustChange: 0 });
    waitingChange(db, 'aigul');
    expect(applyStatement(db, keyring, statement({ credentialId: credential(1), mustChangePassword: true }), now)).toEqual({ removed: false });
    expect(row(db)).toMatchObject({ credential_id: credential(2), previous_credential_id: credential(1), must_change_password: 0 });
    expect(keyring.wrapOf('aigul')).toBeDefined();
  });

  it('does not count a change as waiting once its request is gone, nor under a statement of another credential', () => {
    const cleared = cache();
    holding(cleared.db, cleared.keyring, 'aigul', { credential: credential(2), previous: credential(1) });
    waitingChange(cleared.db, 'aigul', null);
    expect(applyStatement(cleared.db, cleared.keyring, statement({ credentialId: credential(1) }), now)).toEqual({ removed: true });
    const other = cache();
    holding(other.db, other.keyring, 'aigul', { credential: credential(2), previous: credential(1) });
    waitingChange(other.db, 'aigul');
    expect(applyStatement(other.db, other.keyring, statement({ credentialId: credential(3) }), now)).toEqual({ removed: true });
  });

  it('records whom the new wrap opens for, dropping the legacy flag', () => {
    const { db, keyring } = cache();
    holding(db, keyring, 'aigul', { credential: null, legacy: 1 });
    adoptCredential(db, 'AIGUL', credential(4), credential(3));
    expect(row(db)).toMatchObject({ credential_id: credential(4), previous_credential_id: credential(3), legacy: 0 });
  });

  it('removes access by the name typed in any case, keeping other operators', () => {
    const { db, keyring } = cache();
    holding(db, keyring, 'aigul');
    holding(db, keyring, 'bakyt');
    waitingChange(db, 'aigul');
    waitingChange(db, 'bakyt');
    removeAccess(db, keyring, 'AIGUL', 'notOnWorkstation', now);
    expect(keyring.find('aigul')).toMatchObject({ kind: 'removed', reason: 'notOnWorkstation' });
    expect(row(db)).toMatchObject({ credential_id: null });
    expect(row(db, 'bakyt')).toMatchObject({ credential_id: credential(1) });
    expect(db.prepare('SELECT username FROM pending_password_changes').all()).toEqual([{ username: 'bakyt' }]);
  });
});

describe('the connection secrets', () => {
  it('reads the server address and keys from the cache, with one install id made once', () => {
    const { db } = cache();
    const first = serverConnectionFrom(db);
    expect(first).toEqual({ url: 'https://server.test/', tlsServerName: 'server.test', caCertPem: 'CA', clientKeyPem: 'KEY', clientCertPem: 'CERT', installId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown });
    expect(serverConnectionFrom(db).installId).toBe(first.installId);
    expect(db.prepare("SELECT value FROM sync_state WHERE key = 'installId'").all()).toEqual([{ value: first.installId }]);
  });

  it('keeps an install id made at activation', () => {
    const { db } = cache();
    db.prepare("INSERT INTO sync_state (key, value) VALUES ('installId', 'from-activation')").run();
    expect(serverConnectionFrom(db).installId).toBe('from-activation');
  });

  it('refuses a cache without its workstation', () => {
    expect(() => serverConnectionFrom(cache({ row: false }).db)).toThrow('cache has no workstation row');
  });
});
