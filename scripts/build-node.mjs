#!/usr/bin/env node
// Builds the Node code once (npm install runs it as `prepare`; `npm run build:node` again after
// changing sources): the `bala` and `bala-server` commands and `npm start`, bundled with esbuild
// into dist/node/, so that no command compiles TypeScript when it starts. Heavy libraries that
// only some verbs need (exceljs, pdf-lib) are imported lazily and land in chunks of their own.
// Chunks sit beside the entries: code that finds resources from its own URL (fonts, the pinned
// CA, the renderer) is two folders below the repository root either way.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { builtDir, buildInfoFile, externalPackages, nodeEntries } from './node-build-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, builtDir);
// Built beside, then swapped in: a command started meanwhile runs the old build or the new one.
const next = `${out}.next-${process.pid}`;
const started = Date.now();

fs.rmSync(next, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(Object.entries(nodeEntries).map(([name, source]) => [name, path.join(root, source)])),
  outdir: next,
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: externalPackages,
  // CommonJS packages inside an ESM bundle call require() for Node's own modules.
  banner: { js: "import { createRequire as __balaRequire } from 'node:module'; const require = __balaRequire(import.meta.url);" },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});

// What the commands compare before running: every source file the build read, with its size and
// modification time. A later edit (or a git checkout) makes the build stale, and the commands say so.
const inputs = {};
for (const input of Object.keys(result.metafile.inputs)) {
  if (input.startsWith('node_modules/') || input.includes(':')) continue;
  const stat = fs.statSync(path.join(root, input));
  inputs[input] = [stat.size, stat.mtimeMs];
}
fs.writeFileSync(path.join(next, path.basename(buildInfoFile)), `${JSON.stringify({ builtAt: new Date().toISOString(), node: process.version, inputs })}\n`);
const old = `${out}.old-${process.pid}`;
try {
  fs.renameSync(out, old);
} catch (error) {
  if (error.code !== 'ENOENT') throw error; // the first build, or another build swapped it just now
}
try {
  fs.renameSync(next, out);
} catch (error) {
  if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  fs.rmSync(next, { recursive: true, force: true }); // another build landed first: it is as fresh
}
fs.rmSync(old, { recursive: true, force: true });
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
process.stdout.write(`build:node: ${Object.keys(nodeEntries).join(', ')} → ${builtDir} (${(bytes / 1e6).toFixed(1)} MB, ${Object.keys(inputs).length} sources, ${Date.now() - started} ms)\n`);
