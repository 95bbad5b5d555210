import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const sharedCatalogues = fileURLToPath(new URL('../shared/i18n/catalogues.ts', import.meta.url));
const loadedCatalogues = fileURLToPath(new URL('./i18n/loadedCatalogues.ts', import.meta.url));

/**
 * shared/i18n/catalogues.ts imports all five languages; shared code the window uses (dates in
 * shared/i18n/format.ts) reads it. In the renderer's build it is replaced by the catalogues the
 * window has loaded (src-renderer/i18n/loadedCatalogues.ts), so each language stays in its own
 * chunk, fetched when shown. Node, the CLI and the tests are not built here and keep all five.
 */
function loadedCataloguesOnly(): Plugin {
  return {
    name: 'bala-loaded-catalogues-only',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('/catalogues')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === sharedCatalogues ? loadedCatalogues : null;
    },
  };
}

export default defineConfig({
  root,
  // Relative asset and chunk URLs: the same build is served over HTTP (browser mode) and from
  // bala://app/ (Electron); a lazily loaded chunk is found beside the page either way.
  base: './',
  plugins: [react(), loadedCataloguesOnly()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    // The first screen (first run, activation, sign-in) loads the entry and the catalogue in
    // force; the workbench, the statistics screen (chart.js) and the other languages are chunks
    // loaded when needed (docs/architecture.md). They come from disk or 127.0.0.1, never a network.
    chunkSizeWarningLimit: 1024,
  },
});
