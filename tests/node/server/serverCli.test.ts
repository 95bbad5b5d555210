import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serverRoutes, workstationStatusSchema } from '../../../shared/serverApi/serverApi';
import { openStorage } from '../../../src-server/db/openStorage';
import { runServerCli } from '../../../src-server/cli/main';
import { openIssuedProfile } from '../../support/serverAdmin';
import { rawRequest } from '../../support/serverHttp';
import { describeStorages } from '../../support/serverStorage';
import { tempDir } from '../../support/tempDir';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function dataDir(): string {
  const temp = tempDir('bala-server-cli-');
  cleanups.push(temp.cleanup);
  return path.join(temp.dir, 'server');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Runs `bala-server` in-process, with only the environment given (no BALA_PG_URL leaking in). */
async function balaServer(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runServerCli(argv, { io: { out: (text) => out.push(text), err: (text) => err.push(text) }, env: { LANG: 'en_GB.UTF-8', ...env } });
  const stdout = out.join('\n');
  const json = parseJson(stdout || err.join('\n'));
  return { code, out: stdout, err: err.join('\n'), json: json as { ok: boolean; value?: Record<string, unknown> & unknown[]; error?: { code: string; message: string } } };
}

describe('bala-server help', () => {
  it('lists every verb, and each verb documents its options and --json', async () => {
    const top = await balaServer(['--help']);
    expect(top.code).toBe(0);
    for (const verb of ['init', 'serve', 'agency', 'user', 'workstation', 'audit']) expect(top.out).toContain(verb);
    const verbs = [
      ['agency', 'add'],
      ['agency', 'list'],
      ['user', 'add'],
      ['user', 'reset-password'],
      ['user', 'disable'],
      ['workstation', 'issue'],
      ['workstation', 'list'],
      ['workstation', 'suspend'],
      ['workstation', 'restrict'],
      ['workstation', 'resume'],
      ['workstation', 'revoke'],
      ['audit'],
      ['init'],
      ['serve'],
    ];
    for (const verb of verbs) {
      const help = await balaServer([...verb, '--help']);
      expect(help.code, verb.join(' ')).toBe(0);
      expect(help.out, verb.join(' ')).toContain('--json');
    }
    expect((await balaServer(['user', 'add', '--help'])).out).toContain('--valid-days');
    expect((await balaServer(['workstation', 'suspend', '--help'])).out).toContain('--reason');
  });

  it('speaks the administrator’s language: --lang, BALA_LANG, then the system’s', async () => {
    expect((await balaServer(['--lang', 'ru', '--help'])).out).toContain('Центральный сервер Bala');
    expect((await balaServer(['--help'], { BALA_LANG: 'kk' })).out).toContain('Bala орталық сервері');
    expect((await balaServer(['--help'], { LANG: 'az_AZ.UTF-8' })).out).toContain('Bala mərkəzi serveri');
    expect((await balaServer(['--help'], { LANG: 'C' })).out).toContain('Bala central server');
  });

  it('leaves no half-initialised folder when PostgreSQL cannot be reached', async () => {
    const dir = dataDir();
    const unreachable = await balaServer(['--data', dir, '--json', 'init', '--key-bits', '2048', '--pg', 'postgres://bala:secret@127.0.0.1:1/none']);
    expect(unreachable.json).toMatchObject({ ok: false, error: { code: 'STORAGE_UNREACHABLE' } });
    expect(unreachable.err).not.toContain('secret');
    expect(fs.existsSync(path.join(dir, 'pki'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'server.json'))).toBe(false);
  });

  it('asks for the data folder when none is given, and refuses an uninitialised one', async () => {
    const missing = await balaServer(['agency', 'list']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--data');
    const empty = await balaServer(['--data', dataDir(), '--json', 'agency', 'list']);
    expect(empty.code).toBe(1);
    expect(empty.json).toMatchObject({ ok: false, error: { code: 'NOT_INITIALISED' } });
  });
});

describe('bala-server init', () => {
  it('suggests serving on the port of the address it was given (443 when it names none)', async () => {
    for (const [url, port] of [
      ['https://localhost:42443', '42443'],
      ['https://bala.example.kg', '443'],
    ] as const) {
      const dir = dataDir();
      const init = await balaServer(['--data', dir, 'init', '--key-bits', '2048', '--url', url]);
      expect(init.code, init.err).toBe(0);
      expect(init.out).toContain(`Next: bala-server serve --data ${dir} --port ${port}`);
      expect(init.out).not.toContain('8443');
    }
    const dir = dataDir();
    const ru = await balaServer(['--data', dir, '--lang', 'ru', 'init', '--key-bits', '2048', '--url', 'https://localhost:42443']);
    expect(ru.out).toContain(`Далее: bala-server serve --data ${dir} --port 42443`);
  }, 60_000);
});

describeStorages('bala-server administration', (storage) => {
  it('serves, without --port, on the port of the address init was given', async () => {
    // The one test whose port cannot be 0: its subject is a fixed port written by init and read
    // back by serve, so the port is probed before serve binds it. Another process may take it in
    // between; then serve says LISTEN_FAILED and the test starts over with another port.
    for (let attempt = 1; ; attempt += 1) {
      const dir = dataDir();
      const port = await new Promise<number>((resolve) => {
        const probe = net.createServer().listen(0, '127.0.0.1', () => {
          const { port: free } = probe.address() as net.AddressInfo;
          probe.close(() => resolve(free));
        });
      });
      expect((await balaServer(['--data', dir, 'init', '--key-bits', '2048', '--url', `https://localhost:${port}`])).code).toBe(0);
      let reached = false;
      const out: string[] = [];
      const err: string[] = [];
      const code = await runServerCli(['--data', dir, 'serve', '--host', '127.0.0.1'], {
        io: { out: (text) => out.push(text), err: (text) => err.push(text) },
        env: { LANG: 'en_GB.UTF-8' },
        waitForStop: () =>
          new Promise<void>((resolve) => {
            const socket = net.connect(port, '127.0.0.1', () => {
              reached = true;
              socket.destroy();
              resolve();
            });
            socket.on('error', () => resolve());
          }),
      });
      if (code !== 0 && err.join('\n').includes('LISTEN_FAILED') && attempt < 3) continue;
      expect(code, err.join('\n')).toBe(0);
      expect(reached).toBe(true);
      expect(out.join('\n')).toContain(`:${port}`);
      return;
    }
  }, 90_000);

  it('initialises, administers, and records it all; scripts get JSON from every verb', async () => {
    const dir = dataDir();
    const pgUrl = await storage.freshPgUrl();
    const env = pgUrl ? { BALA_PG_URL: pgUrl } : {};
    const run = (...argv: string[]) => balaServer(['--data', dir, ...argv], env);

    const init = await run('--json', 'init', '--key-bits', '2048', '--hosts', 'bala.example.kg,10.0.0.5', '--url', 'https://bala.example.kg:9443');
    expect(init.code, init.err).toBe(0);
    expect(init.json).toMatchObject({ ok: true, value: { serverUrl: 'https://bala.example.kg:9443', port: 9443, tlsServerName: 'bala.example.kg', storage: storage.kind } });
    for (const key of ['ca.key.pem', 'server.key.pem']) expect(fs.statSync(path.join(dir, 'pki', key)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(dir, 'pki')).mode & 0o777).toBe(0o700);
    expect((await run('--json', 'init')).json).toMatchObject({ ok: false, error: { code: 'ALREADY_INITIALISED' } });

    const agency = await run('agency', 'add', '--json', '--name', 'Жалал-Абад балдар үйү', '--kind', 'childrens_home', '--country', 'KG', '--territory', '41703', '--tin', '03456789012345', '--id', 'jalal-abad');
    expect(agency.json).toMatchObject({ ok: true, value: { id: 'jalal-abad', tin: '03456789012345' } });
    const badTin = await run('agency', 'add', '--name', 'X', '--kind', 'childrens_home', '--country', 'KZ', '--territory', '75', '--tin', '123456789012');
    expect(badTin.code).toBe(1);
    expect(badTin.err).toContain('TIN_INVALID');

    const user = await run('--json', 'user', 'add', '--username', 'aibek', '--agency', '03456789012345', '--role', 'data_holder', '--valid-days', '90', '--name', 'Айбек Осмонов');
    expect(user.json).toMatchObject({ ok: true, value: { user: { username: 'aibek', agencyId: 'jalal-abad', mustChangePassword: true }, password: expect.any(String) as unknown } });
    const human = await run('--lang', 'ru', 'user', 'add', '--username', 'saltanat', '--agency', 'jalal-abad', '--role', 'data_holder', '--valid-days', '30');
    expect(human.code).toBe(0);
    expect(human.out).toContain('Учётная запись saltanat создана.');
    expect(human.out).toMatch(/\n {2}[A-Za-z0-9-]{19}$/);
    const invalid = await run('user', 'add', '--username', 'x', '--agency', 'jalal-abad', '--role', 'data_holder', '--valid-days', 'soon');
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('--username');
    expect(invalid.err).toContain('--valid-days');

    const reset = await run('--json', 'user', 'reset-password', '--username', 'saltanat');
    expect(reset.json).toMatchObject({ ok: true, value: { password: expect.any(String) as unknown } });
    expect((await run('--json', 'user', 'disable', '--username', 'saltanat', '--reason', 'maternity leave')).json).toMatchObject({ ok: true, value: { disabled: true } });
    expect((await run('--json', 'user', 'list')).json?.value).toHaveLength(2);

    const out = path.join(path.dirname(dir), 'jalal-abad.balaprofile');
    const issued = await run('--json', 'workstation', 'issue', '--agency', 'jalal-abad', '--users', 'aibek', '--out', out, '--name', 'Кабыл алуу бөлүмү');
    expect(issued.code, issued.err).toBe(0);
    const { workstation, activationCode } = issued.json.value as unknown as { workstation: { id: string }; activationCode: string };
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    const opened = await openIssuedProfile(fs.readFileSync(out), activationCode);
    // The server's certificate travels in the profile: handover packages are encrypted to it.
    expect(opened.body.server).toEqual({ url: 'https://bala.example.kg:9443', tlsServerName: 'bala.example.kg', certPem: fs.readFileSync(path.join(dir, 'pki', 'server.cert.pem'), 'utf8') });
    expect((await run('--json', 'workstation', 'issue', '--agency', 'jalal-abad', '--users', 'aibek', '--out', out)).json).toMatchObject({ ok: false, error: { code: 'FILE_EXISTS' } });
    expect((await run('--json', 'workstation', 'issue', '--agency', 'jalal-abad', '--users', 'saltanat', '--out', `${out}.2`)).json).toMatchObject({
      ok: false,
      error: { code: 'USER_UNUSABLE' },
    });
    expect(fs.existsSync(`${out}.2`)).toBe(false);

    for (const change of ['suspend', 'restrict', 'resume', 'revoke']) {
      const changed = await run('--json', 'workstation', change, workstation.id, '--reason', `${change} for the test`);
      expect(changed.code, `${change}: ${changed.err}`).toBe(0);
    }
    const afterRevoke = await run('workstation', 'resume', workstation.id, '--reason', 'try again');
    expect(afterRevoke.code).toBe(1);
    expect(afterRevoke.err).toContain('WORKSTATION_REVOKED');
    expect((await run('--json', 'workstation', 'list')).json).toMatchObject({ ok: true, value: [{ id: workstation.id, status: 'revoked', reason: 'revoke for the test' }] });
    expect((await run('workstation', 'suspend', workstation.id)).code).toBe(2);

    const audit = await run('--json', 'audit', '--limit', '100');
    const actions = (audit.json.value as unknown as { action: string }[]).map((entry) => entry.action);
    expect(actions).toEqual([
      'server.init',
      'agency.add',
      'user.add',
      'user.add',
      'user.resetPassword',
      'user.disable',
      'workstation.issue',
      'workstation.suspend',
      'workstation.restrict',
      'workstation.resume',
      'workstation.revoke',
    ]);
    expect(JSON.stringify(audit.json)).not.toContain(activationCode);
    expect((await run('--json', 'audit', '--limit', '2')).json.value).toHaveLength(2);
    expect((await run('audit', '--limit', '3')).out.split('\n')).toHaveLength(3);
  }, 90_000);

  it('opens only the database the data folder was initialised with, and says when it cannot serve', async () => {
    const dir = dataDir();
    const pgUrl = await storage.freshPgUrl();
    const env = pgUrl ? { BALA_PG_URL: pgUrl } : {};
    const init = await balaServer(['--data', dir, 'init', '--key-bits', '2048'], env);
    expect(init.code).toBe(0);
    expect(init.out).toContain(`Next: bala-server serve --data ${dir} --port 8443`);

    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const busy = await balaServer(['--data', dir, '--json', 'serve', '--port', String(port), '--host', '127.0.0.1'], env);
      expect(busy.json).toMatchObject({ ok: false, error: { code: 'LISTEN_FAILED' } });
    } finally {
      taken.close();
    }
    expect(fs.existsSync(path.join(dir, 'db.lock'))).toBe(false);

    if (pgUrl) {
      // A second CA on a database whose workstations the first one issued would lock them all out.
      expect((await balaServer(['--data', dataDir(), '--json', 'init', '--key-bits', '2048'], env)).json).toMatchObject({ ok: false, error: { code: 'ALREADY_INITIALISED' } });
      expect((await balaServer(['--data', dir, '--json', 'agency', 'list'])).json).toMatchObject({ ok: false, error: { code: 'STORAGE_NEEDS_PG' } });
      const wrong = await balaServer(['--data', dir, '--json', '--pg', 'postgres://bala:wrong@127.0.0.1:1/none', 'agency', 'list']);
      expect(wrong.json).toMatchObject({ ok: false, error: { code: 'STORAGE_UNREACHABLE' } });
      expect(wrong.err + wrong.out).not.toContain('wrong@');
    } else {
      expect((await balaServer(['--data', dir, '--json', '--pg', 'postgres://x@127.0.0.1:1/x', 'agency', 'list'])).json).toMatchObject({ ok: false, error: { code: 'STORAGE_IS_EMBEDDED' } });
      // The embedded database is one process's: while it is open elsewhere, administration says so.
      const held = await openStorage({ dataDir: dir });
      try {
        expect((await balaServer(['--data', dir, '--json', 'agency', 'list'])).json).toMatchObject({ ok: false, error: { code: 'STORAGE_BUSY' } });
      } finally {
        await held.close();
      }
      expect((await balaServer(['--data', dir, '--json', 'agency', 'list'])).json).toMatchObject({ ok: true, value: [] });
    }
  }, 60_000);

  it('serves over mutual TLS from the bin script, is administered while it runs, and stops cleanly on SIGTERM', async () => {
    const dir = dataDir();
    const pgUrl = await storage.freshPgUrl();
    const env = pgUrl ? { BALA_PG_URL: pgUrl } : {};
    const run = (...argv: string[]) => balaServer(['--data', dir, ...argv], env);
    expect((await run('init', '--key-bits', '2048')).code).toBe(0);
    await run('agency', 'add', '--name', 'Баткен балдар үйү', '--kind', 'childrens_home', '--country', 'KG', '--territory', '41705', '--tin', '04567890123456', '--id', 'batken');
    await run('user', 'add', '--username', 'kubat', '--agency', 'batken', '--role', 'data_holder', '--valid-days', '30');
    const out = path.join(path.dirname(dir), 'batken.balaprofile');
    const issued = await run('--json', 'workstation', 'issue', '--agency', 'batken', '--users', 'kubat', '--out', out);
    const { activationCode } = issued.json.value as unknown as { activationCode: string };
    const { body, secret } = await openIssuedProfile(fs.readFileSync(out), activationCode);

    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/bala-server.mjs'), '--data', dir, 'serve', '--port', '0', '--host', '127.0.0.1'], {
      env: { ...process.env, BALA_PG_URL: pgUrl ?? '', LANG: 'en_GB.UTF-8', BALA_LANG: 'en' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${stderr}`)), 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /https:\/\/127\.0\.0\.1:\d+/.exec(stdout);
          if (match) {
            clearTimeout(timer);
            resolve(match[0]);
          }
        });
        child.on('exit', () => reject(new Error(`exited early; stderr: ${stderr}`)));
      });
      const status = async () => {
        const answer = await rawRequest(url, serverRoutes.workstationStatus, { caPem: body.caCertPem, keyPem: secret.clientKeyPem, certPem: secret.clientCertPem, servername: body.server.tlsServerName });
        return { kind: 'ok', value: workstationStatusSchema.parse((answer.json as { value: unknown }).value) };
      };
      expect(await status()).toMatchObject({ kind: 'ok', value: { workstationId: body.workstation.id, status: 'active' } });

      // Administration goes on while the server runs (embedded storage: through the server's admin channel).
      const suspended = await run('--json', 'workstation', 'suspend', body.workstation.id, '--reason', 'virus attack');
      expect(suspended.json, suspended.err).toMatchObject({ ok: true, value: { status: 'suspended' } });
      expect(await status()).toMatchObject({ kind: 'ok', value: { status: 'suspended', reason: 'virus attack' } });
      expect((await run('--json', 'user', 'add', '--username', 'kubat', '--agency', 'batken', '--role', 'data_holder', '--valid-days', '3')).json).toMatchObject({
        ok: false,
        error: { code: 'USER_EXISTS' },
      });
      const second = path.join(path.dirname(dir), 'batken-2.balaprofile');
      const reissued = await run('--json', 'workstation', 'issue', '--agency', 'batken', '--users', 'kubat', '--out', second);
      expect(reissued.json, reissued.err).toMatchObject({ ok: true });
      const { activationCode: secondCode } = reissued.json.value as unknown as { activationCode: string };
      expect((await openIssuedProfile(fs.readFileSync(second), secondCode)).body.agency.id).toBe('batken');
      expect(fs.statSync(second).mode & 0o777).toBe(0o600);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toContain('Stopping');
    expect(stderr).toContain(`GET /v1/workstation/status 200 ${body.workstation.id}`);
    for (const leftover of ['db.lock', 'admin.sock']) expect(fs.existsSync(path.join(dir, leftover)), leftover).toBe(false);
    const audit = await run('--json', 'audit');
    expect((audit.json.value as unknown as { action: string }[]).map((entry) => entry.action).slice(-2)).toEqual(['workstation.suspend', 'workstation.issue']);
  }, 90_000);
});
