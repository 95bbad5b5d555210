import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordProblems } from '../../../shared/profile/passwordPolicy';
import { operatorKdfCost as workstationKdfCost, scryptHash as workstationScryptHash } from '../../../src-main/security/scrypt';
import { AdminError } from '../../../src-server/admin/adminError';
import { addAgency, findAgency } from '../../../src-server/admin/agencies';
import { readAudit } from '../../../src-server/admin/auditLog';
import { disableUser, enableUser, findUser, listUsers, resetPassword } from '../../../src-server/admin/users';
import { changeWorkstationStatus, issueWorkstation, listWorkstations } from '../../../src-server/admin/workstations';
import { newActivationCode } from '../../../src-server/security/generatedSecrets';
import { newScryptParams, operatorKdfCost, passwordMatches, scryptHash } from '../../../src-server/security/passwordHash';
import { deriveAccountKeys } from '../../../src-server/security/accountKeys';
import { verifyStatement } from '../../../src-server/security/accountStatements';
import { openIssuedProfile, testAgency, testServerSetup, testUser, type TestServerSetup } from '../../support/serverAdmin';
import { describeStorages } from '../../support/serverStorage';

const refusal = (code: string): unknown => expect.objectContaining({ name: 'AdminError', code });

describe('server password verifier', () => {
  it('is byte for byte the workstation’s (the profile hands it over)', async () => {
    expect(operatorKdfCost).toEqual(workstationKdfCost);
    const params = newScryptParams();
    for (const password of ['Generated-Pass-1', 'Ｐａｓｓ-ｗｏｒｄ-1', 'Құпия-сөз-2026']) {
      expect((await scryptHash(password, params)).equals(await workstationScryptHash(password, params))).toBe(true);
    }
  });

  it('activation codes are 20 Crockford base32 characters in groups of five', () => {
    const codes = Array.from({ length: 50 }, newActivationCode);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    expect(new Set(codes).size).toBe(50);
  });
});

describeStorages('administration verbs', (storage) => {
  let setup: TestServerSetup;
  beforeAll(async () => {
    setup = testServerSetup(await storage.fresh());
  });
  afterAll(() => setup.cleanup());

  it('registers agencies with their country’s TIN rules and finds them by id or TIN', async () => {
    const { admin } = setup;
    const kg = await addAgency(admin, { name: ' Ош облустук балдар үйү ', kind: 'childrens_home', country: 'kg', territory: '41706', tin: '02345678901234', id: 'osh-home' });
    expect(kg).toMatchObject({ id: 'osh-home', name: 'Ош облустук балдар үйү', country: 'KG', tin: '02345678901234' });
    expect((await findAgency(admin.db, '02345678901234')).id).toBe('osh-home');
    await expect(addAgency(admin, { name: 'Again', kind: 'childrens_home', country: 'KG', territory: '41706', tin: '02345678901234' })).rejects.toEqual(refusal('AGENCY_EXISTS'));
    await expect(addAgency(admin, { name: 'Short', kind: 'childrens_home', country: 'KG', territory: '1', tin: '1234567890' })).rejects.toEqual(refusal('TIN_INVALID'));
    // Kazakhstan's БИН carries a check digit: 12 digits alone are not enough.
    await expect(addAgency(admin, { name: 'KZ', kind: 'ministry', country: 'KZ', territory: '75', tin: '123456789012' })).rejects.toEqual(refusal('TIN_INVALID'));
    expect(await addAgency(admin, { name: 'KZ', kind: 'ministry', country: 'KZ', territory: '75', tin: '000740000728' })).toMatchObject({ country: 'KZ' });
    expect(await addAgency(admin, { name: 'AZ', kind: 'ministry_justice', country: 'AZ', territory: 'BA', tin: '1400057421' })).toMatchObject({ country: 'AZ' });
    const invalid = await addAgency(admin, { name: '', kind: 'Bad Kind', country: 'RU', territory: '', tin: 'x' }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(AdminError);
    expect((invalid as AdminError).issues.map((issue) => issue.path[0]).sort()).toEqual(['country', 'kind', 'name', 'territory', 'tin']);
  });

  it('creates a user with a generated strong password, keeping only its scrypt hash, valid for N days', async () => {
    const { admin } = setup;
    const agency = await testAgency(admin);
    // The administrator's clock is the test's: "valid for 30 days" is exact, however slow the machine.
    const at = new Date();
    setup.setNow(at);
    const issued = await testUser(admin, ' Aigul.S ', agency.tin, { validDays: 30, displayName: 'Айгүл Сейитова' }).finally(() => setup.setNow(null));
    expect(issued.user).toMatchObject({ username: 'aigul.s', agencyId: agency.id, role: 'data_holder', mustChangePassword: true, disabled: false });
    expect(passwordProblems(issued.password, 'aigul.s')).toEqual([]);
    expect(Date.parse(issued.user.validUntil) - at.getTime()).toBe(30 * 86_400_000);

    const row = await findUser(admin.db, 'aigul.s');
    expect(row).not.toBeNull();
    const serialised = JSON.stringify(row);
    expect(serialised).not.toContain(issued.password);
    expect(row?.kdf).toMatchObject({ algorithm: 'scrypt', ...operatorKdfCost });
    expect(await passwordMatches(issued.password, { hash: row?.password_hash ?? '', kdf: row?.kdf ?? newScryptParams() })).toBe(true);
    // The account keys: their own salt, public halves only, derived from the generated password.
    expect(row?.account_kdf).toMatchObject({ algorithm: 'scrypt', ...operatorKdfCost });
    expect(row?.account_kdf?.salt).not.toBe(row?.kdf.salt);
    expect((await deriveAccountKeys(issued.password, row?.account_kdf ?? newScryptParams())).public).toEqual({ kdf: row?.account_kdf, signPub: row?.sign_pub, wrapPub: row?.wrap_pub });

    await expect(testUser(admin, 'AIGUL.S', agency.id)).rejects.toEqual(refusal('USER_EXISTS'));
    await expect(testUser(admin, 'nobody', 'no-such-agency')).rejects.toEqual(refusal('AGENCY_NOT_FOUND'));
    await expect(testUser(admin, 'x', agency.id)).rejects.toEqual(refusal('INVALID_INPUT'));
    const other = await testUser(admin, 'other.user', agency.id);
    expect(other.password).not.toBe(issued.password);
  });

  it('resets a password (the old one stops matching, the lock is lifted), disables and enables', async () => {
    const { admin } = setup;
    const agency = await testAgency(admin);
    const first = await testUser(admin, 'bakyt', agency.id);
    await admin.db.query("UPDATE users SET failed_attempts = 3, locked_until = now() + interval '1 hour' WHERE username = 'bakyt'");
    const reset = await resetPassword(admin, { username: 'Bakyt' });
    expect(reset.password).not.toBe(first.password);
    const row = await findUser(admin.db, 'bakyt');
    expect(row).toMatchObject({ failed_attempts: 0, locked_until: null, must_change_password: true });
    const stored = { hash: row?.password_hash ?? '', kdf: row?.kdf ?? newScryptParams() };
    expect(await passwordMatches(first.password, stored)).toBe(false);
    expect(await passwordMatches(reset.password, stored)).toBe(true);
    // New account keys: the old password's public keys no longer name this account.
    expect((await deriveAccountKeys(reset.password, row?.account_kdf ?? newScryptParams())).public.signPub).toBe(row?.sign_pub);
    expect((await deriveAccountKeys(first.password, row?.account_kdf ?? newScryptParams())).public.signPub).not.toBe(row?.sign_pub);

    expect(await disableUser(admin, { username: 'bakyt', reason: 'left the agency' })).toMatchObject({ disabled: true, disabledReason: 'left the agency' });
    await expect(disableUser(admin, { username: 'bakyt', reason: '' })).rejects.toEqual(refusal('INVALID_INPUT'));
    await expect(disableUser(admin, { username: 'ghost', reason: 'no such person' })).rejects.toEqual(refusal('USER_NOT_FOUND'));
    expect(await enableUser(admin, { username: 'bakyt' })).toMatchObject({ disabled: false, disabledReason: null });
    expect((await listUsers(admin, { agency: agency.id })).map((user) => user.username)).toEqual(['bakyt']);
  });

  it('issues a workstation: a certificate named by its id and a profile the workstation can open with the code', async () => {
    const { admin, pki } = setup;
    const agency = await testAgency(admin, 'Нарын балдар үйү');
    const aigul = await testUser(admin, 'nurlan', agency.id, { displayName: 'Нурлан Токтогулов' });
    await testUser(admin, 'cholpon', agency.id);
    const issued = await issueWorkstation(admin, { agency: agency.id, users: ['Nurlan', 'cholpon'], name: 'Нарын — кабыл алуу' });
    expect(issued.workstation).toMatchObject({ agencyId: agency.id, status: 'active', users: ['cholpon', 'nurlan'], name: 'Нарын — кабыл алуу' });
    expect(issued.activationCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);

    const opened = await openIssuedProfile(issued.profile, issued.activationCode.toLowerCase());
    expect(opened.body).toMatchObject({
      workstation: { id: issued.workstation.id, name: 'Нарын — кабыл алуу' },
      agency: { id: agency.id, name: 'Нарын балдар үйү', kind: 'childrens_home', country: 'KG', territory: '41711' },
      scope: { country: 'KG', territory: '41711', agencyId: agency.id },
      server: { url: 'https://localhost:8443', tlsServerName: 'localhost', certPem: pki.serverCertPem },
      caCertPem: pki.ca.certPem,
      expiresAt: issued.workstation.profileExpiresAt,
    });
    const nurlan = opened.secret.operators.find((operator) => operator.username === 'nurlan');
    expect(nurlan).toMatchObject({ displayName: 'Нурлан Токтогулов', role: 'data_holder', mustChangePassword: true });
    // The account's public keys (derived from the password with their own salt) and the server's statement; never its hash.
    expect((await deriveAccountKeys(aigul.password, nurlan?.account.kdf ?? newScryptParams())).public).toEqual(nurlan?.account);
    expect(verifyStatement(pki.serverCertPem, nurlan?.statement ?? { statement: '', signature: '' })).toMatchObject({ workstationId: issued.workstation.id, username: 'nurlan', disabled: false, mustChangePassword: true });
    const stored = await findUser(admin.db, 'nurlan');
    expect(JSON.stringify(opened.secret)).not.toContain(stored?.password_hash ?? '?');
    expect(JSON.stringify(opened.secret)).not.toContain(stored?.kdf.salt ?? '?');

    const cert = new crypto.X509Certificate(opened.secret.clientCertPem);
    expect(cert.subject).toContain(`CN=${issued.workstation.id}`);
    expect(cert.verify(new crypto.X509Certificate(pki.ca.certPem).publicKey)).toBe(true);
    expect(cert.serialNumber.toLowerCase()).toBe(issued.workstation.certSerial);
    expect(cert.fingerprint256.replace(/:/g, '').toLowerCase()).toBe(issued.workstation.certFingerprint);
    expect(crypto.createPublicKey(opened.secret.clientKeyPem).equals(cert.publicKey)).toBe(true);

    // The profile names no secret in the clear: not the key, not a verifier.
    const text = issued.profile.toString('utf8') + Buffer.from((JSON.parse(issued.profile.toString('utf8')) as { body: string }).body, 'base64').toString('utf8');
    expect(text).not.toContain('PRIVATE KEY');
    expect(text).not.toContain(stored?.password_hash ?? '?');
  });

  it('refuses to put on a workstation a user of another agency, a disabled or an expired one', async () => {
    const { admin } = setup;
    const home = await testAgency(admin);
    const away = await testAgency(admin);
    await testUser(admin, 'home.user', home.id);
    await testUser(admin, 'away.user', away.id);
    await testUser(admin, 'gone.user', home.id);
    await disableUser(admin, { username: 'gone.user', reason: 'retired' });
    await expect(issueWorkstation(admin, { agency: home.id, users: ['home.user', 'away.user'] })).rejects.toEqual(refusal('USER_OTHER_AGENCY'));
    await expect(issueWorkstation(admin, { agency: home.id, users: ['gone.user'] })).rejects.toEqual(refusal('USER_UNUSABLE'));
    await expect(issueWorkstation(admin, { agency: home.id, users: ['nobody.here'] })).rejects.toEqual(refusal('USER_NOT_FOUND'));
    await expect(issueWorkstation(admin, { agency: home.id, users: [] })).rejects.toEqual(refusal('INVALID_INPUT'));
    await testUser(admin, 'brief.user', home.id, { validDays: 1 });
    setup.setNow(new Date(Date.now() + 2 * 86_400_000));
    try {
      await expect(issueWorkstation(admin, { agency: home.id, users: ['brief.user'] })).rejects.toEqual(refusal('USER_UNUSABLE'));
    } finally {
      setup.setNow(null);
    }
  });

  it('issues nothing when the profile cannot be handed over', async () => {
    const { admin } = setup;
    const agency = await testAgency(admin);
    await testUser(admin, 'dina', agency.id);
    const before = (await listWorkstations(admin)).length;
    await expect(issueWorkstation(admin, { agency: agency.id, users: ['dina'] }, () => Promise.reject(new AdminError('FILE_EXISTS', { file: 'x' })))).rejects.toEqual(
      refusal('FILE_EXISTS'),
    );
    expect(await listWorkstations(admin)).toHaveLength(before);
  });

  it('suspends, restricts, resumes and revokes a workstation with a reason; revocation is final', async () => {
    const { admin } = setup;
    const agency = await testAgency(admin);
    await testUser(admin, 'erlan', agency.id);
    const { workstation } = await issueWorkstation(admin, { agency: agency.id, users: ['erlan'] });
    const id = workstation.id;
    expect(await changeWorkstationStatus(admin, { id, change: 'suspend', reason: 'virus attack on the server' })).toMatchObject({ status: 'suspended', reason: 'virus attack on the server' });
    expect(await changeWorkstationStatus(admin, { id, change: 'restrict', reason: 'wrong data were sent' })).toMatchObject({ status: 'restricted', reason: 'wrong data were sent' });
    expect(await changeWorkstationStatus(admin, { id, change: 'resume', reason: 'checked and fixed' })).toMatchObject({ status: 'active', reason: null });
    await expect(changeWorkstationStatus(admin, { id, change: 'suspend', reason: '' })).rejects.toEqual(refusal('INVALID_INPUT'));
    expect(await changeWorkstationStatus(admin, { id, change: 'revoke', reason: 'laptop stolen' })).toMatchObject({ status: 'revoked' });
    await expect(changeWorkstationStatus(admin, { id, change: 'resume', reason: 'found it again' })).rejects.toEqual(refusal('WORKSTATION_REVOKED'));
    await expect(changeWorkstationStatus(admin, { id: 'ws-00000000', change: 'suspend', reason: 'no such one' })).rejects.toEqual(refusal('WORKSTATION_NOT_FOUND'));
  });

  it('records every administrator action in the audit log, without secrets', async () => {
    const { admin } = setup;
    const agency = await testAgency(admin);
    const { password } = await testUser(admin, 'audited', agency.id);
    const issued = await issueWorkstation(admin, { agency: agency.id, users: ['audited'] });
    await changeWorkstationStatus(admin, { id: issued.workstation.id, change: 'suspend', reason: 'audit test' });
    const log = await readAudit(admin.db, 10_000);
    const actions = log.filter((entry) => [agency.id, 'audited', issued.workstation.id].includes(entry.target ?? '')).map((entry) => entry.action);
    expect(actions).toEqual(['agency.add', 'user.add', 'workstation.issue', 'workstation.suspend']);
    expect(log.every((entry) => entry.actor === 'test-admin')).toBe(true);
    const text = JSON.stringify(log);
    expect(text).not.toContain(password);
    expect(text).not.toContain(issued.activationCode);
    expect(log.map((entry) => entry.id)).toEqual([...log.map((entry) => entry.id)].sort((a, b) => a - b));
    expect(await readAudit(admin.db, 2)).toEqual(log.slice(-2));
  });
});
