import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../../src-main/backend';
import { issueTestProfile, type TestOperator } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';

const backends: Backend[] = [];
const cleanups: (() => void)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const backend of backends.splice(0)) await backend.close();
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

/** An activated workstation whose server does not answer: everything here is offline. */
async function activated(operators: TestOperator[]) {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  const profile = await issueTestProfile({ operators });
  const backend = createBackend({ dataDir: temp.dir, mode: 'test', locales: ['en'] });
  backends.push(backend);
  const result = await backend.call('activation.activate', {
    source: { kind: 'file', name: 'x.balaprofile', contentBase64: profile.file.toString('base64') },
    activationCode: profile.code,
  });
  expect(result.ok).toBe(true);
  return { backend, dataDir: temp.dir };
}

describe('operator sign-in, offline', () => {
  it('signs in with the generated password, demands a new one, and then only the new one works', async () => {
    const { backend, dataDir } = await activated([{ username: 'aigul', password: 'Generated-Pass-1', displayName: 'Айгүл Сейитова' }]);
    const first = await backend.call('session.signIn', { username: 'Aigul ', password: 'Generated-Pass-1' });
    expect(first).toMatchObject({ ok: true, value: { state: 'signedIn', mustChangePassword: true, verifiedOnline: false, user: { username: 'aigul', displayName: 'Айгүл Сейитова' } } });
    expect(() => backend.ctx.session.database()).toThrow(expect.objectContaining({ code: 'PASSWORD_CHANGE_REQUIRED' }));

    const weak = await backend.call('session.changePassword', { currentPassword: 'Generated-Pass-1', newPassword: 'short' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY' } });
    if (!weak.ok) expect(weak.error.message).toContain('at least 10 characters');
    const wrongCurrent = await backend.call('session.changePassword', { currentPassword: 'nope', newPassword: 'Better-Secret-42' });
    expect(wrongCurrent).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });

    const changed = await backend.call('session.changePassword', { currentPassword: 'Generated-Pass-1', newPassword: 'Better-Secret-42' });
    expect(changed).toMatchObject({ ok: true, value: { state: 'signedIn', mustChangePassword: false } });
    expect(backend.ctx.session.database().prepare('SELECT count(*) AS n FROM pending_password_changes').get()).toEqual({ n: 1 });
    expect(await backend.call('session.signOut', undefined)).toMatchObject({ ok: true, value: { state: 'signedOut' } });

    // A fresh process: the old password is gone, the new one opens the cache offline.
    const restarted = createBackend({ dataDir, mode: 'test', locales: ['en'] });
    backends.push(restarted);
    expect(await restarted.call('session.signIn', { username: 'aigul', password: 'Generated-Pass-1' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    expect(await restarted.call('session.signIn', { username: 'aigul', password: 'Better-Secret-42' })).toMatchObject({
      ok: true,
      value: { state: 'signedIn', mustChangePassword: false },
    });
    const actions = (restarted.ctx.session.database().prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((row) => row.action);
    expect(actions).toEqual(['workstation.activated', 'session.signedIn', 'session.passwordChanged', 'session.signedOut', 'session.signedIn']);
  });

  it('gives one refusal for an unknown user and a wrong password, and locks after five failures', async () => {
    const { backend } = await activated([{ username: 'aigul', password: 'Generated-Pass-1' }]);
    expect(await backend.call('session.signIn', { username: 'nobody', password: 'x' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(await backend.call('session.signIn', { username: 'aigul', password: `wrong-${attempt}` })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    }
    const locked = await backend.call('session.signIn', { username: 'aigul', password: 'Generated-Pass-1' });
    expect(locked).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } });
  });

  it('refuses an account past its validity, even with the right password', async () => {
    const { backend } = await activated([{ username: 'old', password: 'Generated-Pass-1', validUntil: new Date(Date.now() - 86_400_000).toISOString() }]);
    expect(await backend.call('session.signIn', { username: 'old', password: 'Generated-Pass-1' })).toMatchObject({ ok: false, error: { code: 'ACCOUNT_EXPIRED' } });
  });

  it('locks after the idle time and closes the cache; another operator can sign in', async () => {
    const { backend } = await activated([
      { username: 'aigul', password: 'Generated-Pass-1', mustChangePassword: false },
      { username: 'bakyt', password: 'Generated-Pass-2', mustChangePassword: false },
    ]);
    await backend.call('settings.update', { idleLockMinutes: 1 });
    const events: string[] = [];
    backend.events.subscribe((event) => event.name === 'session.changed' && events.push(event.payload.state));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect((await backend.call('session.signIn', { username: 'aigul', password: 'Generated-Pass-1' })).ok).toBe(true);
    vi.advanceTimersByTime(50_000);
    await backend.call('session.activity', undefined);
    vi.advanceTimersByTime(50_000);
    expect((await backend.call('session.status', undefined)).ok && (await backend.call('session.status', undefined))).toMatchObject({ value: { state: 'signedIn' } });
    vi.advanceTimersByTime(11_000);
    expect(await backend.call('session.status', undefined)).toMatchObject({ ok: true, value: { state: 'locked', username: 'aigul' } });
    expect(() => backend.ctx.session.database()).toThrow(expect.objectContaining({ code: 'SIGNED_OUT' }));
    expect(events).toEqual(['signedIn', 'locked']);
    vi.useRealTimers();
    expect(await backend.call('session.signIn', { username: 'bakyt', password: 'Generated-Pass-2' })).toMatchObject({ ok: true, value: { user: { username: 'bakyt' } } });
  });

  it('leaves no trace of personal data in any file of the data folder', async () => {
    const distinctive = 'Зарылбекова Чолпонай QXZV';
    const { backend, dataDir } = await activated([{ username: 'cholpon', password: 'Generated-Pass-1', displayName: distinctive, mustChangePassword: false }]);
    await backend.call('session.signIn', { username: 'cholpon', password: 'Generated-Pass-1' });
    backend.ctx.session.database().prepare("INSERT INTO audit_log (at, actor, action, details_json) VALUES ('t', 'cholpon', 'note', ?)").run(JSON.stringify({ name: distinctive }));
    const needles = [distinctive, 'Зарылбекова', 'QXZV', 'cholpon'].flatMap((text) => [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')]);
    const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const check = () => {
      const files = walk(dataDir);
      expect(files.some((file) => file.endsWith('cache.db-wal') || file.endsWith('cache.db'))).toBe(true);
      for (const file of files) {
        const bytes = fs.readFileSync(file);
        for (const needle of needles) expect(bytes.includes(needle), `${path.basename(file)} contains ${needle.toString()}`).toBe(false);
      }
    };
    check(); // while signed in: the WAL holds the fresh rows
    await backend.call('session.signOut', undefined);
    check();
  });
});
