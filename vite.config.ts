import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };

// The content script is built as one self-contained IIFE (`standaloneFiles`): otherwise crxjs emits a
// loader plus chunks and lists those chunks in `web_accessible_resources` for <all_urls>, which lets
// any web page detect the extension by fetching chrome-extension://<id>/assets/... (tests/e2e checks it).
export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest,
      browser: 'chrome',
      contentScripts: { standaloneFiles: ['src/content/index.ts'] },
    }),
  ],
  build: {
    outDir: 'dist/chrome',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: false,
    // Pages the manifest does not name: Chrome's offscreen document (clipboard clearing).
    rollupOptions: { input: { offscreen: 'src/offscreen/index.html' } },
  },
  server: { cors: { origin: [] } },
});
