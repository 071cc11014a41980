import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { firefoxManifest } from './firefox-manifest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * crxjs lists a script imported with `?iife` (the page UI, injected by `scripting.executeScript`) in
 * `web_accessible_resources` for every site; injection does not need that, and it would let any page
 * detect the extension. Drop it from the written manifest (tests/e2e/manifest.test.ts checks). crxjs documents the
 * listing for `?iife` imports: https://github.com/crxjs/chrome-extension-tools/blob/main/packages/vite-plugin/client.d.ts
 */
function exposeNothing(): Plugin {
  return {
    name: 'clickauth:expose-nothing',
    apply: 'build',
    enforce: 'post',
    writeBundle(options) {
      const file = join(options.dir ?? 'dist/chrome', 'manifest.json');
      const built = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      delete built['web_accessible_resources'];
      writeFileSync(file, JSON.stringify(built, null, 2));
    },
  };
}

// The content script is built as one self-contained IIFE (`standaloneFiles`): otherwise crxjs emits a
// loader plus chunks and lists those chunks in `web_accessible_resources` for <all_urls>, which lets
// any web page detect the extension by fetching chrome-extension://<id>/assets/... (tests/e2e checks it).
// https://github.com/crxjs/chrome-extension-tools/issues/1130
// `vite build` writes dist/chrome; `vite build --mode firefox` writes dist/firefox from the same sources
// with the manifest of firefox-manifest.ts (`npm run build` does both).
export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: [
      preact(),
      crx({
        manifest: firefox ? (firefoxManifest() as unknown as typeof manifest) : manifest,
        browser: firefox ? 'firefox' : 'chrome',
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
      exposeNothing(),
    ],
    build: {
      outDir: firefox ? 'dist/firefox' : 'dist/chrome',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      modulePreload: false,
      // Pages the manifest does not name: Chrome's offscreen document (clipboard clearing; Firefox has none).
      rollupOptions: firefox ? {} : { input: { offscreen: 'src/offscreen/index.html' } },
    },
    server: { cors: { origin: [] } },
  };
});
