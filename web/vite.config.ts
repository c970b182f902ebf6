// Builds the workbench into dist/web, served by `sitrep serve` from the same origin (no CDN, no network at run time).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The Natural Earth basemap is a lazily loaded chunk of ~0.8 MB; warn only above that.
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
  },
});
