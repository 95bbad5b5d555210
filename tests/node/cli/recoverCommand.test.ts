import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keyringFileName } from '../../../src-main/store/keyring';
import { jsonValue as json, run, serve } from '../../support/processes';
import { pupilFormId, samplePupil } from '../../support/pupilSamples';
import { tempDir } from '../../support/tempDir';

/**
 * `bala recover` as an operator alone on a workstation would type it: the real bin scripts, a real
 * server over mutual TLS. The administrator resets the password, the workstation's next contact
 * removes the wrap, and the profile + code + the new password bring the access (and the records) back.
 */
const cleanups: (() => void)[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

describe('bala recover', () => {
  it('gives an operator alone their access back after a reset; a wrong code, another user’s password or an inactive workstation are refused', async () => {
    const temp = tempDir('bala-recover-');
    cleanups.push(temp.cleanup);
    const serverDir = path.join(temp.dir, 'server');
    const workstation = path.join(temp.dir, 'workstation');
    const profile = path.join(temp.dir, 'home-1.balaprofile');

    // The server binds a port the OS chooses; the profile carries the address it reported.
    expect((await run('bala-server', ['--data', serverDir, 'init', '--key-bits', '2048', '--url', 'https://localhost'])).code).toBe(0);
    const { child, url } = await serve(serverDir);
    children.push(child);
    const admin = (...args: string[]) => run('bala-server', ['--data', serverDir, '--json', ...args]);
    expect((await admin('agency', 'add', '--name', 'Нарын балдар үйү', '--kind', 'childrens_home', '--country', 'KG', '--territory', '41704', '--tin', '01234567890123', '--id', 'home-1')).code).toBe(0);
    const aigul = json<{ password: string }>(await admin('user', 'add', '--username', 'aigul', '--agency', 'home-1', '--role', 'data_holder', '--valid-days', '365'));
    const bakyt = json<{ password: string }>(await admin('user', 'add', '--username', 'bakyt', '--agency', 'home-1', '--role', 'data_holder', '--valid-days', '365'));
    const issued = json<{ activationCode: string }>(await admin('workstation', 'issue', '--agency', 'home-1', '--users', 'aigul', '--out', profile, '--server-url', url));

    const bala = (args: string[], env: Record<string, string> = {}) => run('bala', ['--data', workstation, ...args], env);
    const activated = await bala(['activate', '--profile', profile], { BALA_ACTIVATION_CODE: issued.activationCode });
    expect(activated.code, activated.err).toBe(0);
    const own = 'Өз-сырсөзүм-2026';
    const changed = await bala(['passwd'], { BALA_USER: 'aigul', BALA_PASSWORD: aigul.password, BALA_NEW_PASSWORD: own });
    expect(changed.code, changed.err).toBe(0);
    // A record that never reached the server: only the workstation's cache holds it.
    const pupilFile = path.join(temp.dir, 'pupil.json');
    fs.writeFileSync(pupilFile, JSON.stringify(samplePupil(3)));
    const added = await bala(['--json', 'records', 'add', '--form', pupilFormId, '--file', pupilFile], { BALA_USER: 'aigul', BALA_PASSWORD: own });
    expect(added.code, added.err).toBe(0);
    const recordId = json<{ id: string }>(added).id;

    // The administrator resets aigul's password; her next sign-in is the contact that removes the wrap.
    const reset = json<{ password: string }>(await admin('user', 'reset-password', '--username', 'aigul'));
    const removed = await bala(['whoami'], { BALA_USER: 'aigul', BALA_PASSWORD: own });
    expect(removed.code).toBe(1);
    expect(removed.err).toContain('ACCESS_REMOVED');
    const stillRemoved = await bala(['whoami'], { BALA_USER: 'aigul', BALA_PASSWORD: reset.password });
    expect(stillRemoved.code).toBe(1);
    expect(stillRemoved.err).toContain('ACCESS_REMOVED');

    const keyringPath = path.join(workstation, keyringFileName);
    const keyringBefore = fs.readFileSync(keyringPath, 'utf8');
    const recover = (env: Record<string, string>, args: string[] = []) =>
      bala(['recover', '--profile', profile, ...args], { BALA_ACTIVATION_CODE: issued.activationCode, BALA_USER: 'aigul', BALA_PASSWORD: reset.password, ...env });

    // Misuse: each refused with its translated message, the keyring untouched, the access still removed.
    const wrongCode = await recover({ BALA_ACTIVATION_CODE: 'AAAAA-AAAAA-AAAAA-AAAAA' });
    expect(wrongCode.code).toBe(1);
    expect(wrongCode.err).toContain('ACTIVATION_CODE_WRONG: The activation code does not match this profile');
    const othersPassword = await recover({ BALA_PASSWORD: bakyt.password });
    expect(othersPassword.code).toBe(1);
    expect(othersPassword.err).toContain('WRONG_PASSWORD: Wrong user name or password.');
    // bakyt with his own password: he is not an operator of this workstation, so it gives him nothing.
    const otherUser = await recover({ BALA_USER: 'bakyt', BALA_PASSWORD: bakyt.password });
    expect(otherUser.code).toBe(1);
    expect(otherUser.err).toContain('SERVER_REFUSED');
    expect(otherUser.out).toBe('');
    const oldPassword = await recover({ BALA_PASSWORD: own });
    expect(oldPassword.code).toBe(1);
    expect(oldPassword.err).toContain('WRONG_PASSWORD');
    expect(fs.readFileSync(keyringPath, 'utf8')).toBe(keyringBefore);
    expect((await bala(['whoami'], { BALA_USER: 'aigul', BALA_PASSWORD: reset.password })).err).toContain('ACCESS_REMOVED');
    expect((await bala(['whoami'], { BALA_USER: 'bakyt', BALA_PASSWORD: bakyt.password })).code).toBe(1);

    // The profile, its code and the password the administrator issued: access is back.
    const recovered = await recover({});
    expect(recovered.code, recovered.err).toBe(0);
    expect(recovered.out).toContain('Access recovered: aigul can sign in on workstation');
    expect(recovered.out).toContain('CA fingerprint (SHA-256)');
    expect(recovered.err).not.toContain(reset.password);

    const signedIn = await bala(['--json', 'whoami'], { BALA_USER: 'aigul', BALA_PASSWORD: reset.password });
    expect(signedIn.code, signedIn.err).toBe(0);
    expect(json(signedIn)).toMatchObject({ state: 'signedIn', mustChangePassword: true, verifiedOnline: true, user: { username: 'aigul' } });
    const fresh = 'Жаңы-сырсөз-2027';
    expect((await bala(['passwd'], { BALA_USER: 'aigul', BALA_PASSWORD: reset.password, BALA_NEW_PASSWORD: fresh })).code).toBe(0);
    const listed = await bala(['--json', 'records', 'list', '--form', pupilFormId], { BALA_USER: 'aigul', BALA_PASSWORD: fresh });
    expect(listed.code, listed.err).toBe(0);
    expect(json<{ id: string }[]>(listed).map((record) => record.id)).toEqual([recordId]);
  }, 240_000);

  it('refuses on a workstation that is not activated before asking for any secret', async () => {
    const temp = tempDir('bala-recover-blank-');
    cleanups.push(temp.cleanup);
    const profile = path.join(temp.dir, 'some.balaprofile');
    fs.writeFileSync(profile, 'not read');
    // No BALA_* secrets and no terminal: a prompt would exit 2; the refusal comes first.
    const blank = await run('bala', ['--data', path.join(temp.dir, 'workstation'), 'recover', '--profile', profile]);
    expect(blank.code).toBe(1);
    expect(blank.err).toContain('NOT_ACTIVATED: This workstation has not been activated yet.');
    const asJson = await run('bala', ['--data', path.join(temp.dir, 'workstation'), '--json', 'recover', '--profile', profile]);
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.err)).toMatchObject({ ok: false, error: { code: 'NOT_ACTIVATED' } });
  });

  it('explains itself in the language asked for, and takes no secret on the command line', async () => {
    const help = await run('bala', ['--lang', 'ru', 'recover', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('вернуть оператору, чей доступ на этом рабочем месте снят');
    expect(help.out).toContain('--profile');
    expect(help.out).not.toMatch(/--password|--code|--user\b/);
  });
});
