import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';

const repoRoot = path.resolve(import.meta.dirname, '..');
export const rendererDir = path.join(repoRoot, 'dist', 'renderer');

/** The built page's own script and the chunks it preloads: what every screen loads before the catalogue. */
export function initialChunks(dir = rendererDir): string[] {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="\.\/([^"]+\.js)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\.\/([^"]+\.js)"/g)];
  return scripts.map((match) => match[1] ?? '').filter(Boolean);
}

export const kilobytes = (dir: string, files: readonly string[]): number => files.reduce((sum, file) => sum + fs.statSync(path.join(dir, file)).size, 0) / 1024;

/**
 * The renderer as it was before the split (one chunk holding every screen and all five
 * catalogues): the same sources built with dynamic imports inlined, in a temporary folder.
 */
export async function singleBundleKilobytes(): Promise<number> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bala-bench-bundle-'));
  try {
    await build({
      configFile: path.join(repoRoot, 'src-renderer', 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, rollupOptions: { output: { codeSplitting: false } } },
    });
    return kilobytes(outDir, initialChunks(outDir));
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}
