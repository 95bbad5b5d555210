import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonValue as json, run, serve as startServe, type Serving } from '../../support/processes';
import { pupilFormId, samplePupil } from '../../support/pupilSamples';
import { tempDir } from '../../support/tempDir';

/**
 * The README's walk-through, as an administrator and an operator would type it: the real bin
 * scripts, a real server over mutual TLS, the workstation activated and signed in.
 */
const cleanups: (() => void)[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGTERM');
  cleanups.splice(0).forEach((cleanup) => cleanup());
});

async function serve(serverDir: string): Promise<Serving> {
  const serving = await startServe(serverDir);
  children.push(serving.child);
  return serving;
}

describe('from bala-server init to an offline sign-in', () => {
  it('init → serve → agency add → user add → workstation issue → bala activate → sign in → forced change → records add → sync → records show → offline sign-in', async () => {
    const temp = tempDir('bala-journey-');
    cleanups.push(temp.cleanup);
    const serverDir = path.join(temp.dir, 'server');
    const workstation = path.join(temp.dir, 'workstation');
    const profile = path.join(temp.dir, 'home-1.balaprofile');

    // The server binds a port the OS chooses (no probe-then-bind race); the profile carries the
    // address it reported, with `workstation issue --server-url` as an administrator would.
    expect((await run('bala-server', ['--data', serverDir, 'init', '--key-bits', '2048', '--url', 'https://localhost'])).code).toBe(0);
    const { child: server, url } = await serve(serverDir);
    const admin = (...args: string[]) => run('bala-server', ['--data', serverDir, '--json', ...args]);
    expect((await admin('agency', 'add', '--name', 'Бишкек шаардык балдар үйү', '--kind', 'childrens_home', '--country', 'KG', '--territory', '41711', '--tin', '01234567890123', '--id', 'home-1')).code).toBe(0);
    const user = json<{ password: string }>(await admin('user', 'add', '--username', 'aigul', '--agency', 'home-1', '--role', 'data_holder', '--valid-days', '365', '--name', 'Айгүл Сейитова'));
    const keeper = await admin('user', 'add', '--username', 'nurlan', '--agency', 'home-1', '--role', 'system_operator', '--valid-days', '365', '--name', 'Нурлан Токтосунов');
    expect(keeper.code, keeper.err).toBe(0);
    const issued = json<{ activationCode: string }>(await admin('workstation', 'issue', '--agency', 'home-1', '--users', 'aigul,nurlan', '--out', profile, '--server-url', url));

    const bala = (args: string[], env: Record<string, string>) => run('bala', ['--data', workstation, ...args], env);
    const activated = await bala(['activate', '--profile', profile], { BALA_ACTIVATION_CODE: issued.activationCode });
    expect(activated.code, activated.err).toBe(0);

    const first = await bala(['--json', 'whoami'], { BALA_USER: 'aigul', BALA_PASSWORD: user.password });
    expect(first.code, first.err).toBe(0);
    expect(json(first)).toMatchObject({ state: 'signedIn', mustChangePassword: true, verifiedOnline: true, user: { displayName: 'Айгүл Сейитова' } });

    const changed = await bala(['passwd'], { BALA_USER: 'aigul', BALA_PASSWORD: user.password, BALA_NEW_PASSWORD: 'Жаңы-сырсөз-2026' });
    expect(changed.code, changed.err).toBe(0);

    // A pupil saved headless reaches the server with `bala sync`; the administrator reads it there.
    const pupilFile = path.join(temp.dir, 'pupil.json');
    fs.writeFileSync(pupilFile, JSON.stringify(samplePupil(7)));
    const operator = { BALA_USER: 'aigul', BALA_PASSWORD: 'Жаңы-сырсөз-2026' };
    const added = await bala(['--json', 'records', 'add', '--form', pupilFormId, '--file', pupilFile], operator);
    expect(added.code, added.err).toBe(0);
    const synced = await bala(['--json', 'sync'], operator);
    expect(synced.code, synced.err).toBe(0);
    expect(json(synced)).toMatchObject({ state: 'idle', pending: 0 });
    const listed = json<{ id: string }[]>(await admin('records', 'list', '--form', pupilFormId));
    expect(listed.map((record) => record.id)).toEqual([json<{ id: string }>(added).id]);
    const shown = json<{ values: { pin: string }; revisions: { author: string }[] }>(await admin('records', 'show', listed[0]?.id ?? ''));
    expect(shown).toMatchObject({ values: { pin: samplePupil(7).pin }, revisions: [{ author: 'aigul' }] });

    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));

    const offline = await bala(['--json', 'whoami'], { BALA_USER: 'aigul', BALA_PASSWORD: 'Жаңы-сырсөз-2026' });
    expect(offline.code, offline.err).toBe(0);
    expect(json(offline)).toMatchObject({ state: 'signedIn', mustChangePassword: false, verifiedOnline: false });
    const old = await bala(['--json', 'whoami'], { BALA_USER: 'aigul', BALA_PASSWORD: user.password });
    expect(old.code).toBe(1);
    expect(old.err).toContain('WRONG_PASSWORD');
  }, 180_000);
});
