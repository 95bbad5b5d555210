import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverRoutes } from '../../../shared/serverApi/serverApi';
import { repoRoot, stopped, type Run } from '../../support/processes';
import { openIssuedProfile } from '../../support/serverAdmin';
import { rawRequest } from '../../support/serverHttp';
import { tempDir } from '../../support/tempDir';

/*
 * The server as an administrator installs it (docs/server.md, "Installing on a Debian server"):
 * the bundle built by scripts/build-server-dist.mjs, installed by install.sh (here under a fake
 * root: no useradd, no systemctl), then run from there with plain `node` — no tsx, outside the
 * repository — through init, serve, and administration verbs while it serves.
 */

const version = (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const installSh = path.join(repoRoot, 'installers/linux/server/install.sh');
const unitSource = path.join(repoRoot, 'installers/linux/server/bala-server.service');
const testPgUrl = process.env.BALA_TEST_PG_URL || undefined;
const systemdAnalyze = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' }).status === 0;
if (!systemdAnalyze) console.warn('serverInstall.test.ts: systemd-analyze is not installed here: the unit file is not verified');

const temp = tempDir('bala-install-');
const dist = path.join(temp.dir, 'dist');
const tarball = path.join(dist, `bala-server-${version}-linux.tar.gz`);
const fakeRoot = path.join(temp.dir, 'root');
const installed = path.join(fakeRoot, 'opt/bala-server');
const bundle = path.join(installed, 'bala-server.mjs');
const envFile = path.join(fakeRoot, 'etc/bala-server/env');

/** The installed program with plain node: no loader, no NODE_OPTIONS, no BALA_PG_URL unless given, run from outside the repository. */
function startInstalled(args: string[], env: Record<string, string> = {}): { child: ChildProcess; done: Promise<Run> } {
  const inherited = { ...process.env };
  delete inherited.BALA_PG_URL;
  delete inherited.NODE_OPTIONS;
  const child = spawn(process.execPath, [bundle, ...args], {
    cwd: temp.dir,
    env: { ...inherited, LANG: 'en_GB.UTF-8', BALA_LANG: 'en', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out, err })));
  return { child, done };
}

async function installedJson<T>(args: string[], env: Record<string, string> = {}): Promise<T> {
  const result = await startInstalled(['--json', ...args], env).done;
  expect(result.code, `${args.join(' ')}: ${result.err}`).toBe(0);
  return (JSON.parse(result.out) as { value: T }).value;
}

const install = (...args: string[]) => execFileSync('sh', [installSh, '--root', fakeRoot, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((entry) => fs.statSync(path.join(dir, entry)).isFile());
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/build-server-dist.mjs'), '--out', dist], { stdio: 'pipe' });
  install(tarball);
}, 180_000);
afterAll(() => temp.cleanup());

describe('the server bundle (scripts/build-server-dist.mjs)', () => {
  it('is a tarball of one folder, bala-server/, installed without a single TypeScript file', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    expect(listing.every((entry) => entry.startsWith('bala-server/'))).toBe(true);
    expect(listing).toEqual(expect.arrayContaining(['bala-server/bala-server.mjs', 'bala-server/package.json', 'bala-server/install.sh', 'bala-server/bala-server.service']));
    const files = filesUnder(installed);
    expect(files.filter((file) => /\.[cm]?tsx?$/.test(file))).toEqual([]);
    expect(files).toContain(path.join('node_modules/@electric-sql/pglite/dist/pglite.wasm'));
    // Only what cannot be inlined ships as a package.
    expect(fs.readdirSync(path.join(installed, 'node_modules'))).toEqual(['@electric-sql']);
    expect(JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'))).toMatchObject({ name: 'bala-server', version, type: 'module' });
  });

  it('imports neither tsx nor TypeScript, and names no path of the build machine', () => {
    const code = fs.readFileSync(bundle, 'utf8');
    expect(code.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(code).not.toMatch(/(?:from|import\(|require\()\s*["'](?:tsx|typescript)(?:["'/])/);
    expect(code).not.toContain(repoRoot);
    const imports = [...code.matchAll(/^import .* from ["']([^"']+)["'];$/gm)].map((match) => match[1]);
    expect(imports.filter((name) => !builtinModules.includes(name?.replace(/^node:/, '') ?? ''))).toEqual(['@electric-sql/pglite']);
  });
});

describe('install.sh', () => {
  it('lays the program, the data folder, the root-only env file and the unit out under the root', () => {
    expect(fs.statSync(path.join(fakeRoot, 'var/lib/bala-server')).mode & 0o777).toBe(0o700);
    expect(fs.statSync(envFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(envFile, 'utf8')).toContain('#BALA_PG_URL=postgres://');
    expect(fs.readFileSync(path.join(fakeRoot, 'etc/systemd/system/bala-server.service'), 'utf8')).toBe(fs.readFileSync(unitSource, 'utf8'));
    expect(fs.statSync(path.join(fakeRoot, 'usr/local/sbin/bala-server')).mode & 0o111).not.toBe(0);
    expect(fs.statSync(installed).mode & 0o022).toBe(0);
  });

  it('run again (an upgrade), replaces the program and keeps the env file and the data', () => {
    fs.appendFileSync(envFile, 'BALA_PG_URL=postgres://bala:kept-secret@127.0.0.1:5432/bala\n');
    const envBefore = fs.readFileSync(envFile, 'utf8');
    const kept = path.join(fakeRoot, 'var/lib/bala-server/kept.txt');
    fs.writeFileSync(kept, 'data');
    const stray = path.join(installed, 'left-over-from-the-old-version.js');
    fs.writeFileSync(stray, '');

    const output = install(tarball);
    expect(output).toContain('kept');
    expect(fs.readFileSync(envFile, 'utf8')).toBe(envBefore);
    expect(fs.statSync(envFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(kept, 'utf8')).toBe('data');
    expect(fs.existsSync(stray)).toBe(false);
    expect(fs.readdirSync(path.join(fakeRoot, 'opt'))).toEqual(['bala-server']); // no staging folder left behind
    fs.rmSync(kept);
  });

  it('refuses what is not a server bundle, and leaves the installed one alone', () => {
    const notBundle = path.join(temp.dir, 'not-a-bundle.tar.gz');
    execFileSync('tar', ['-czf', notBundle, '-C', repoRoot, 'installers/README.md']);
    const result = spawnSync('sh', [installSh, '--root', fakeRoot, notBundle], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('not a bala-server bundle');
    expect(fs.existsSync(bundle)).toBe(true);
    expect(fs.readdirSync(path.join(fakeRoot, 'opt'))).toEqual(['bala-server']);
  });

  it('ships the administrator command as valid POSIX sh', () => {
    for (const script of [installSh, path.join(repoRoot, 'installers/linux/server/bala-server-admin.sh')]) {
      expect(spawnSync('sh', ['-n', script], { encoding: 'utf8' }).status, script).toBe(0);
    }
  });
});

describe('bala-server.service', () => {
  const unit = fs.readFileSync(unitSource, 'utf8');
  const settings = unit.split('\n').filter((line) => /^[A-Za-z]+=/.test(line));

  it('runs the installed program as bala, on the state folder, with no capability and a root-only env file', () => {
    expect(settings).toEqual(
      expect.arrayContaining([
        'User=bala',
        'ExecStart=/usr/bin/node /opt/bala-server/bala-server.mjs --data /var/lib/bala-server serve --port ${BALA_PORT} --host ${BALA_HOST}',
        'Environment=BALA_PORT=8443 BALA_HOST=0.0.0.0',
        'EnvironmentFile=/etc/bala-server/env',
        'StateDirectory=bala-server',
        'StateDirectoryMode=0700',
        'UMask=0077',
        'CapabilityBoundingSet=',
        'NoNewPrivileges=yes',
        'ProtectSystem=strict',
        'ReadWritePaths=/var/lib/bala-server',
        'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX',
        'Restart=on-failure',
      ]),
    );
    // V8's JIT and PGlite's WebAssembly need writable executable memory.
    expect(unit).not.toMatch(/^MemoryDenyWriteExecute=yes/m);
    expect(unit).not.toMatch(/^BALA_PG_URL|postgres:\/\//m);
  });

  /*
   * systemd-analyze verify checks that ExecStart's program exists and is executable: on a machine
   * whose node is not /usr/bin/node that message is about this machine, not the unit. So the unit
   * is verified as a copy whose only change is the node path (this very node); any other message
   * fails. A missing User= account is not reported by verify, so nothing else is tolerated.
   */
  function verify(text: string): { status: number | null; messages: string } {
    const dir = path.join(temp.dir, `unit-${crypto.randomUUID()}`);
    fs.mkdirSync(dir);
    const file = path.join(dir, 'bala-server.service');
    fs.writeFileSync(file, text.replace('ExecStart=/usr/bin/node ', `ExecStart=${process.execPath} `));
    const result = spawnSync('systemd-analyze', ['verify', file], { encoding: 'utf8' });
    return { status: result.status, messages: `${result.stdout}${result.stderr}`.trim() };
  }

  it.skipIf(!systemdAnalyze)('passes systemd-analyze verify without a single message', () => {
    expect(verify(unit)).toEqual({ status: 0, messages: '' });
  });

  it.skipIf(!systemdAnalyze)('is reported by systemd-analyze verify when a setting is wrong (the check can fail)', () => {
    expect(verify(unit.replace('ProtectSystem=strict', 'ProtectSystem=strictly')).messages).toContain('Failed to parse protect system value');
    expect(verify(unit.replace('ExecStart=/usr/bin/node ', 'ExecStart=/usr/bin/node-that-is-not-there ')).status).not.toBe(0);
  });
});

/** init, serve, and administration verbs while it serves; then a workstation's request over mutual TLS. */
async function initServeAndAdminister(dataDir: string, env: Record<string, string>, storage: 'pglite' | 'postgres') {
  const init = await installedJson<{ storage: string; caCertFile: string }>(
    ['--data', dataDir, 'init', '--hosts', 'localhost,127.0.0.1', '--url', 'https://localhost', '--key-bits', '2048'],
    env,
  );
  expect(init.storage).toBe(storage);

  // Port 0: the installed server binds a port the OS chooses and prints it; the test reads it there.
  const server = startInstalled(['--data', dataDir, 'serve', '--port', '0', '--host', '127.0.0.1'], env);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the installed server printed no URL')), 60_000);
      let out = '';
      server.child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const printed = /https:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (printed) {
          clearTimeout(timer);
          resolve(Number(printed[1]));
        }
      });
      void server.done.then((result) => reject(new Error(`the installed server exited with ${result.code}: ${result.err}`)));
    });

    const tin = `0${String(Date.now() % 1e9).padStart(9, '0')}0001`;
    await installedJson(['--data', dataDir, 'agency', 'add', '--name', 'Нарын балдар үйү', '--kind', 'childrens_home', '--country', 'KG', '--territory', '41711', '--tin', tin, '--id', 'naryn-home'], env);
    await installedJson(['--data', dataDir, 'user', 'add', '--username', 'aidai', '--agency', 'naryn-home', '--role', 'data_holder', '--valid-days', '30'], env);
    const profileFile = path.join(temp.dir, `naryn-${storage}.balaprofile`);
    const issued = await installedJson<{ activationCode: string }>(['--data', dataDir, 'workstation', 'issue', '--agency', 'naryn-home', '--users', 'aidai', '--out', profileFile], env);
    const agencies = await installedJson<{ id: string }[]>(['--data', dataDir, 'agency', 'list'], env);
    expect(agencies.map((agency) => agency.id)).toEqual(['naryn-home']);

    // The server answers over HTTPS, to the workstation it just issued and to no one else.
    const { body, secret } = await openIssuedProfile(fs.readFileSync(profileFile), issued.activationCode);
    expect(body.caCertPem).toBe(fs.readFileSync(init.caCertFile, 'utf8'));
    const tls = { caPem: body.caCertPem, keyPem: secret.clientKeyPem, certPem: secret.clientCertPem };
    const status = await rawRequest(`https://127.0.0.1:${port}`, serverRoutes.workstationStatus, { ...tls, method: 'GET' });
    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({ ok: true, value: { status: 'active' } });
    await expect(rawRequest(`https://127.0.0.1:${port}`, serverRoutes.workstationStatus, { caPem: body.caCertPem, method: 'GET' })).rejects.toThrow(/certificate|alert|ECONNRESET|socket hang up/i);
  } finally {
    await stopped(server.child);
  }
  const ended = await server.done;
  expect(ended.code, ended.err).toBe(0);
  expect(ended.err).toContain(`GET ${serverRoutes.workstationStatus} 200`);
}

describe('the installed server, run with plain node from the fake root', () => {
  it('answers --help', async () => {
    const help = await startInstalled(['--help']).done;
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: bala-server');
    expect(temp.dir.startsWith(repoRoot)).toBe(false);
  });

  it('initialises, serves and is administered while serving, with the embedded database', async () => {
    await initServeAndAdminister(path.join(fakeRoot, 'var/lib/bala-server'), {}, 'pglite');
    expect(fs.statSync(path.join(fakeRoot, 'var/lib/bala-server/pki/ca.key.pem')).mode & 0o777).toBe(0o600);
  }, 180_000);

  it.skipIf(!testPgUrl)('initialises, serves and is administered while serving, with PostgreSQL (a fresh database)', async () => {
    const database = `bala_install_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testPgUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${database}`);
      const url = new URL(testPgUrl ?? '');
      url.pathname = `/${database}`;
      const dataDir = path.join(temp.dir, 'pg-data');
      fs.mkdirSync(dataDir, { mode: 0o700 });
      await initServeAndAdminister(dataDir, { BALA_PG_URL: url.toString() }, 'postgres');
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  }, 180_000);
});
