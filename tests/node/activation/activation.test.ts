import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openProfile } from '../../../src-main/activation/profileReader';
import { findProfiles } from '../../../src-main/activation/profileSearch';
import { createBackend } from '../../../src-main/backend';
import { issueTestProfile, type TestProfile } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
const fresh = () => {
  const temp = tempDir();
  cleanups.push(temp.cleanup);
  return temp.dir;
};

let profile: TestProfile;
beforeAll(async () => {
  profile = await issueTestProfile({ operators: [{ username: 'aigul', password: 'Generated-Pass-1' }] });
});

const refusal = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject;

describe('reading a connection profile', () => {
  const now = () => new Date();

  it('opens with the right code, forgiving case, spaces and look-alike letters', async () => {
    const opened = await openProfile(profile.file, ` ${profile.code.toLowerCase().replace(/0/g, 'o')} `, now(), 'en');
    expect(opened.secret.operators[0]?.username).toBe('aigul');
    expect(opened.body.workstation.id).toBe(profile.body.workstation.id);
  });

  it('refuses a wrong code, a code of the wrong shape, and something that is not a profile — distinctly', async () => {
    await refusal(openProfile(profile.file, 'ABCDE-ABCDE-ABCDE-ABCDE', now(), 'en'))({ code: 'ACTIVATION_CODE_WRONG' });
    await refusal(openProfile(profile.file, '1234', now(), 'en'))({ code: 'ACTIVATION_CODE_FORMAT' });
    await refusal(openProfile(Buffer.from('%PDF-1.7 not a profile'), profile.code, now(), 'en'))({ code: 'PROFILE_UNREADABLE' });
    await refusal(openProfile(Buffer.from('{"format":"bala-profile"}'), profile.code, now(), 'en'))({ code: 'PROFILE_UNREADABLE' });
  });

  it('notices any change to the signed body (tamper-evidence)', async () => {
    const envelope = JSON.parse(profile.file.toString()) as { body: string };
    const body = JSON.parse(Buffer.from(envelope.body, 'base64').toString()) as { server: { url: string } };
    body.server.url = 'https://evil.example/';
    const altered = Buffer.from(JSON.stringify({ ...envelope, body: Buffer.from(JSON.stringify(body)).toString('base64') }));
    await refusal(openProfile(altered, profile.code, now(), 'en'))({ code: 'PROFILE_TAMPERED' });
  });

  it('refuses an expired profile, saying when it expired', async () => {
    const later = new Date(Date.parse(profile.body.expiresAt) + 86_400_000);
    await refusal(openProfile(profile.file, profile.code, later, 'ru'))({ code: 'PROFILE_EXPIRED' });
  });
});

describe('activation through the API', () => {
  it('activates once; the data folder then holds the cache, the keyring and the identity — and nothing half-written', async () => {
    const dataDir = fresh();
    const backend = createBackend({ dataDir, mode: 'test', locales: ['en'] });
    const wrong = await backend.call('activation.activate', { source: { kind: 'file', name: 'p.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: 'AAAAA-AAAAA-AAAAA-AAAAA' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'ACTIVATION_CODE_WRONG' } });
    expect(fs.readdirSync(dataDir).sort()).toEqual([]);

    const done = await backend.call('activation.activate', { source: { kind: 'file', name: 'p.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code });
    expect(done).toMatchObject({ ok: true, value: { state: 'signedOut', workstationName: 'Test workstation', agencyName: 'Test agency' } });
    expect(fs.readdirSync(dataDir).sort()).toEqual(['cache.db', 'keyring.json', 'workstation.json']);
    expect(fs.readFileSync(path.join(dataDir, 'keyring.json'), 'utf8')).not.toContain('aigul');

    const again = await backend.call('activation.activate', { source: { kind: 'file', name: 'p.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code });
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_ACTIVATED' } });

    const foreign = await issueTestProfile({ operators: [{ username: 'other', password: 'Generated-Pass-1' }], serverUrl: 'https://other-bank.example:8443' });
    const refused = await backend.call('activation.activate', { source: { kind: 'file', name: 'q.balaprofile', contentBase64: foreign.file.toString('base64') }, activationCode: foreign.code });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PROFILE_OTHER_SERVER' } });
    if (!refused.ok) expect(refused.error.message).toContain(profile.body.server.url);
    expect(fs.readdirSync(dataDir).sort()).toEqual(['cache.db', 'keyring.json', 'workstation.json']);
  });

  it('moves leftovers of an interrupted activation aside instead of deleting them', async () => {
    const dataDir = fresh();
    fs.writeFileSync(path.join(dataDir, 'cache.db'), 'leftover');
    const backend = createBackend({ dataDir, mode: 'test', locales: ['en'] });
    const done = await backend.call('activation.activate', { source: { kind: 'file', name: 'p.balaprofile', contentBase64: profile.file.toString('base64') }, activationCode: profile.code });
    expect(done.ok).toBe(true);
    const aside = fs.readdirSync(dataDir).find((name) => name.startsWith('.incomplete-activation-'));
    expect(aside).toBeDefined();
    expect(fs.readFileSync(path.join(dataDir, aside ?? '', 'cache.db'), 'utf8')).toBe('leftover');
  });

  it('finds profiles beside the installer, in the machine folder and on removable drives', () => {
    const root = fresh();
    const places = { installer: [path.join(root, 'setup')], machine: [path.join(root, 'etc')], removable: [path.join(root, 'usb'), path.join(root, 'absent')] };
    for (const [dir, name] of [['setup', 'a.balaprofile'], ['etc', 'b.BALAPROFILE'], ['usb', 'c.balaprofile'], ['usb', 'notes.txt']] as const) {
      fs.mkdirSync(path.join(root, dir), { recursive: true });
      fs.writeFileSync(path.join(root, dir, name), '{}');
    }
    const found = findProfiles(places);
    expect(found.map((f) => [f.source, f.fileName]).sort()).toEqual([
      ['installer', 'a.balaprofile'],
      ['machine', 'b.BALAPROFILE'],
      ['removable', 'c.balaprofile'],
    ]);
  });
});
