import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pinnedCaFingerprints } from '../../../src-main/activation/caPin';
import { caFingerprint, openProfile } from '../../../src-main/activation/profileReader';
import { createBackend } from '../../../src-main/backend';
import { issueTestProfile, type TestProfile } from '../../support/testProfile';
import { tempDir } from '../../support/tempDir';

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanups.splice(0).forEach((cleanup) => cleanup());
  delete process.env.BALA_CA_FINGERPRINT;
});
const fresh = () => {
  const temp = tempDir('bala-ca-pin-');
  cleanups.push(temp.cleanup);
  return temp.dir;
};

let ours: TestProfile;
let foreign: TestProfile;
beforeAll(async () => {
  ours = await issueTestProfile({ operators: [{ username: 'aigul', password: 'Generated-Pass-1' }] });
  // Minted by another CA (its own, inside its own signed body): signature fine, CA not ours.
  foreign = await issueTestProfile({ operators: [{ username: 'aigul', password: 'Generated-Pass-1' }] });
});

const caPemOf = (profile: TestProfile) => (profile.body as unknown as { caCertPem: string }).caCertPem;
/** What the administrator reads out: `openssl x509 -fingerprint -sha256` of the CA certificate. */
function opensslFingerprint(pem: string): string {
  const out = execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256'], { input: pem, encoding: 'utf8' });
  return (/=([0-9A-F:]+)/.exec(out)?.[1] ?? '').replace(/:/g, '');
}
const fileSource = (profile: TestProfile) => ({ kind: 'file' as const, name: 'p.balaprofile', contentBase64: profile.file.toString('base64') });

describe("the profile's CA against the CA this installation pins", () => {
  it('the fingerprint shown is the SHA-256 openssl prints for the CA, in groups of four', async () => {
    const expected = opensslFingerprint(caPemOf(ours));
    expect(expected).toMatch(/^[0-9A-F]{64}$/);
    expect(caFingerprint(caPemOf(ours))).toBe(expected);
    const backend = createBackend({ dataDir: fresh(), mode: 'test', locales: ['en'] });
    const shown = await backend.call('activation.inspect', { source: fileSource(ours) });
    expect(shown).toEqual({ ok: true, value: { caFingerprint: expected.replace(/(.{4})(?=.)/g, '$1 '), pinned: false } });
    await backend.close();
  });

  it('refuses a profile from another CA when a fingerprint is pinned — reading only the signed body, before the code is tried', async () => {
    const pin = opensslFingerprint(caPemOf(ours));
    await expect(openProfile(foreign.file, foreign.code, new Date(), 'en', { pinnedCa: [pin] })).rejects.toMatchObject({ code: 'PROFILE_UNTRUSTED_CA' });
    await expect(openProfile(foreign.file, 'AAAAA-AAAAA-AAAAA-AAAAA', new Date(), 'en', { pinnedCa: [pin] })).rejects.toMatchObject({ code: 'PROFILE_UNTRUSTED_CA' });
    // The administrator's way of writing it (colons, lower case) is the same pin.
    const colons = pin.toLowerCase().replace(/(..)(?=.)/g, '$1:');
    await expect(openProfile(ours.file, ours.code, new Date(), 'en', { pinnedCa: [colons] })).resolves.toMatchObject({ body: { caCertPem: caPemOf(ours) } });
  });

  it('through the API with BALA_CA_FINGERPRINT: the foreign profile refused in the operator language, the data folder untouched; ours activates', async () => {
    process.env.BALA_CA_FINGERPRINT = opensslFingerprint(caPemOf(ours));
    const dataDir = fresh();
    const backend = createBackend({ dataDir, mode: 'test', locales: ['ru'] });
    const inspected = await backend.call('activation.inspect', { source: fileSource(foreign) });
    expect(inspected).toMatchObject({ ok: false, error: { code: 'PROFILE_UNTRUSTED_CA' } });
    const refused = await backend.call('activation.activate', { source: fileSource(foreign), activationCode: foreign.code });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PROFILE_UNTRUSTED_CA' } });
    if (!refused.ok) expect(refused.error.message).toContain(opensslFingerprint(caPemOf(foreign)).slice(0, 4));
    if (!refused.ok) expect(refused.error.message).toContain('удостоверяющим центром');
    expect(fs.readdirSync(dataDir)).toEqual([]);
    expect(await backend.call('activation.inspect', { source: fileSource(ours) })).toMatchObject({ ok: true, value: { pinned: true } });
    expect(await backend.call('activation.activate', { source: fileSource(ours), activationCode: ours.code })).toMatchObject({ ok: true, value: { state: 'signedOut' } });
    await backend.close();
  });

  it('the pin typed for one activation (bala activate --ca-fingerprint) refuses another CA too', async () => {
    const backend = createBackend({ dataDir: fresh(), mode: 'test', locales: ['en'] });
    const refused = await backend.call('activation.activate', { source: fileSource(foreign), activationCode: foreign.code, caFingerprint: opensslFingerprint(caPemOf(ours)) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PROFILE_UNTRUSTED_CA' } });
    await backend.close();
  });

  it('resources/trusted-ca.pem pins its certificate; an unreadable pin matches nothing (refused, never unpinned)', async () => {
    const dir = fresh();
    const pem = path.join(dir, 'trusted-ca.pem');
    fs.writeFileSync(pem, caPemOf(ours));
    const pins = pinnedCaFingerprints({ env: {}, trustedCaFile: pem });
    expect(pins).toEqual([opensslFingerprint(caPemOf(ours))]);
    await expect(openProfile(foreign.file, foreign.code, new Date(), 'en', { pinnedCa: pins })).rejects.toMatchObject({ code: 'PROFILE_UNTRUSTED_CA' });
    expect(pinnedCaFingerprints({ env: {}, trustedCaFile: path.join(dir, 'absent.pem') })).toEqual([]);

    fs.writeFileSync(pem, 'not a certificate');
    const broken = pinnedCaFingerprints({ env: { BALA_CA_FINGERPRINT: 'ABCD' }, trustedCaFile: pem });
    expect(broken).toHaveLength(2);
    await expect(openProfile(ours.file, ours.code, new Date(), 'en', { pinnedCa: broken })).rejects.toMatchObject({ code: 'PROFILE_UNTRUSTED_CA' });
  });
});
