import { defineConfig, type Plugin } from 'vite';
import { rolldown } from 'rolldown';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import { firefoxManifest } from './firefox-manifest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * The popup's scripts as one file (issue 16): vite splits the modules the popup shares with the options
 * page and the worker into small chunks, so the popup fetched its entry, then the four chunks it names,
 * and evaluated them only when the last one arrived (a CDP trace of one open: ~25 ms between the entry's
 * arrival and the chunks'). After the build, rolldown bundles the popup's entry and everything it
 * imports statically into one module and the popup's HTML names it; the options page and the worker
 * keep the chunks. What the popup imports lazily (the QR encoder) becomes a chunk of that bundle, so no
 * module is loaded twice in the popup. Its stylesheet goes inline in its HTML.
 */
function onePopupFile(): Plugin {
  let minify = true;
  return {
    name: 'clickauth:one-popup-file',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      minify = config.build.minify !== false;
    },
    async writeBundle(options, built) {
      const dir = options.dir ?? 'dist/chrome';
      const htmlFile = join(dir, 'src/popup/index.html');
      const html = readFileSync(htmlFile, 'utf8');
      const entry = /<script type="module" crossorigin src="\/(assets\/[^"]+\.js)"><\/script>/.exec(html)?.[1];
      if (!entry) throw new Error(`one-popup-file: no module script in ${htmlFile}`);
      const bundle = await rolldown({ input: join(dir, entry), platform: 'browser', logLevel: 'warn' });
      const { output } = await bundle.write({
        dir: join(dir, 'assets'),
        format: 'es',
        minify,
        entryFileNames: 'popup-[hash].js',
        chunkFileNames: 'popup-[name]-[hash].js',
      });
      await bundle.close();
      const main = output.find((o) => o.type === 'chunk' && o.isEntry);
      if (!main || main.type !== 'chunk' || main.imports.length)
        throw new Error('one-popup-file: the popup must load as one file');
      // The stylesheet inline: a module script waits for the style sheets before it, so the popup's script
      // was evaluated only once its CSS file had arrived (~10 ms later in traces). The file goes unless
      // another page's chunk imports it. (Inline styles are allowed: the pages' CSP has no style-src.)
      const link = /<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)">/.exec(html);
      if (!link || html.split('<link').length !== 2)
        throw new Error(`one-popup-file: expected one stylesheet link in ${htmlFile}`);
      const css = readFileSync(join(dir, link[1]!), 'utf8');
      if (/<\/style/i.test(css)) throw new Error('one-popup-file: the popup CSS cannot be inlined');
      writeFileSync(
        htmlFile,
        html.replace(`/${entry}`, `/assets/${main.fileName}`).replace(link[0], () => `<style>${css}</style>`),
      );
      // The popup's old files that no other chunk loads (its entry, a lazy chunk only it imported) go.
      const chunks = new Map(
        Object.values(built).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])),
      );
      const reach = (roots: string[]) => {
        const seen = new Set<string>();
        const visit = (file: string) => {
          const chunk = chunks.get(file);
          if (seen.has(file) || !chunk) return;
          seen.add(file);
          for (const next of [...chunk.imports, ...chunk.dynamicImports]) visit(next);
        };
        roots.forEach(visit);
        return seen;
      };
      const popup = reach([entry]);
      const others = reach([...chunks.keys()].filter((file) => !popup.has(file)));
      for (const file of popup)
        if (!others.has(file) && (file === entry || !chunks.get(file)?.isEntry)) rmSync(join(dir, file));
      const cssOf = (file: string) =>
        (chunks.get(file) as { viteMetadata?: { importedCss: Set<string> } } | undefined)?.viteMetadata?.importedCss;
      if (![...others].some((file) => cssOf(file)?.has(link[1]!))) rmSync(join(dir, link[1]!));
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
      onePopupFile(),
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
