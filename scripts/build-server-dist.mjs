#!/usr/bin/env node
// Bundles the central server into a folder that runs with plain `node` and nothing else:
//   dist/bala-server/bala-server.mjs        the CLI and the HTTPS service, every npm package inlined
//   dist/bala-server/node_modules/…         only what cannot be inlined: PGlite (its .wasm/.data sit beside its module)
//   dist/bala-server/package.json           name, version, "type": "module", engines
//   dist/bala-server/bala-server.service    the systemd unit, install.sh, bala-server-admin.sh (installers/linux/server)
//   dist/bala-server/server.md              docs/server.md
// and dist/bala-server-<version>-linux.tar.gz of that folder (top directory `bala-server/`).
// No tsx, no TypeScript, no repository at run time.
//   node scripts/build-server-dist.mjs [--out DIR]     (DIR instead of dist/: the install test builds its own)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootPackage = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const version = rootPackage.version;
const outOption = process.argv.indexOf('--out');
const distDir = outOption === -1 ? path.join(root, 'dist') : path.resolve(process.argv[outOption + 1] ?? '');
if (outOption !== -1 && !process.argv[outOption + 1]) throw new Error('--out needs a folder');
const out = path.join(distDir, 'bala-server');
const tarball = path.join(distDir, `bala-server-${version}-linux.tar.gz`);

/** Packages shipped as files in node_modules instead of inlined: PGlite loads pglite.wasm, pglite.data and initdb.wasm from beside its own module. */
const copiedPackages = ['@electric-sql/pglite'];
/** Optional requires that the packages guard and the server never takes: pg's native binding, pg's Cloudflare socket. */
const absentOptional = ['pg-native', 'cloudflare:sockets'];

const started = Date.now();
fs.rmSync(out, { recursive: true, force: true });
fs.rmSync(tarball, { force: true });
fs.mkdirSync(out, { recursive: true });

const result = await build({
  stdin: {
    contents: "import { runServerCli } from './src-server/cli/main.ts';\nprocess.exitCode = await runServerCli(process.argv.slice(2));\n",
    resolveDir: root,
    sourcefile: 'bala-server-entry.ts',
    loader: 'ts',
  },
  outfile: path.join(out, 'bala-server.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: false,
  legalComments: 'eof',
  logLevel: 'warning',
  absWorkingDir: root,
  metafile: true,
  external: [...copiedPackages, ...absentOptional],
  // CommonJS packages inlined into an ES module still call require() (for Node's built-ins) and read __dirname.
  banner: {
    js: [
      '#!/usr/bin/env node',
      `// bala-server ${version}: the Bala central server, bundled (scripts/build-server-dist.mjs). Run: node bala-server.mjs --help`,
      "import { createRequire as __balaCreateRequire } from 'node:module';",
      "import { fileURLToPath as __balaFileURLToPath } from 'node:url';",
      "import __balaPath from 'node:path';",
      'const require = __balaCreateRequire(import.meta.url);',
      'const __filename = __balaFileURLToPath(import.meta.url);',
      'const __dirname = __balaPath.dirname(__filename);',
    ].join('\n'),
  },
});

// Nothing of the TypeScript toolchain may have slipped in.
const inputs = Object.keys(result.metafile.inputs);
const forbidden = inputs.filter((input) => /node_modules\/(tsx|typescript|esbuild|vitest)\//.test(input));
if (forbidden.length > 0) throw new Error(`the server bundle pulls in build tools: ${forbidden.join(', ')}`);
const bundled = [...new Set(inputs.map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]).filter(Boolean))].sort();

/** Copies an installed package (without source maps and type declarations), and checks it needs no other package. */
function copyPackage(name) {
  const from = path.join(root, 'node_modules', name);
  const to = path.join(out, 'node_modules', name);
  const manifest = JSON.parse(fs.readFileSync(path.join(from, 'package.json'), 'utf8'));
  const needs = Object.keys(manifest.dependencies ?? {});
  if (needs.length > 0) throw new Error(`${name} needs ${needs.join(', ')}: copy those too`);
  fs.cpSync(from, to, { recursive: true, dereference: true, filter: (file) => !/\.(map|d\.[cm]?ts)$/.test(file) });
  return `${name}@${manifest.version}`;
}
const copied = copiedPackages.map(copyPackage);

fs.writeFileSync(
  path.join(out, 'package.json'),
  `${JSON.stringify(
    {
      name: 'bala-server',
      version,
      description: 'Bala — the central server (bundled; run with node bala-server.mjs)',
      private: true,
      type: 'module',
      license: rootPackage.license,
      bin: { 'bala-server': 'bala-server.mjs' },
      engines: rootPackage.engines,
    },
    null,
    2,
  )}\n`,
);
fs.chmodSync(path.join(out, 'bala-server.mjs'), 0o755);
for (const file of ['bala-server.service', 'install.sh', 'bala-server-admin.sh']) fs.copyFileSync(path.join(root, 'installers/linux/server', file), path.join(out, file));
for (const file of ['install.sh', 'bala-server-admin.sh']) fs.chmodSync(path.join(out, file), 0o755);
fs.copyFileSync(path.join(root, 'docs/server.md'), path.join(out, 'server.md'));

// A reproducible-enough archive: sorted names, root-owned, no extended attributes.
execFileSync('tar', ['--sort=name', '--owner=0', '--group=0', '--numeric-owner', '--no-xattrs', '-czf', tarball, '-C', distDir, 'bala-server'], { stdio: 'inherit' });

const size = (file) => `${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`;
const shown = (file) => (file.startsWith(root + path.sep) ? path.relative(root, file) : file);
console.log(`${shown(path.join(out, 'bala-server.mjs'))}  ${size(path.join(out, 'bala-server.mjs'))}, inlined: ${bundled.join(', ')}`);
console.log(`${shown(path.join(out, 'node_modules'))}  ${copied.join(', ')}`);
console.log(`${shown(tarball)}  ${size(tarball)}  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
