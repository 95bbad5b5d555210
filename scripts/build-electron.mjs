#!/usr/bin/env node
// Bundles the Electron shell: main (ESM, with the backend it starts) and the sandboxed preload
// (CommonJS, the only format a sandboxed preload may use). npm packages stay external: they
// ship in node_modules, and the native SQLCipher binding cannot be bundled.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'electron');
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: false, logLevel: 'warning', absWorkingDir: root };

await build({
  ...common,
  entryPoints: [path.join(root, 'src-main/electron/main.ts')],
  outfile: path.join(out, 'main.js'),
  format: 'esm',
  packages: 'external',
});

await build({
  ...common,
  entryPoints: [path.join(root, 'src-main/electron/preload.ts')],
  outfile: path.join(out, 'preload.cjs'),
  format: 'cjs',
  external: ['electron'],
});
