import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  // Relative asset URLs: the same build is served over HTTP (browser mode) and from file:// (Electron).
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    // One local bundle (UI, five catalogues, the packs' forms and lists) loaded from disk or
    // 127.0.0.1, never over a network: size matters little, so no splitting warning.
    chunkSizeWarningLimit: 2048,
  },
});
