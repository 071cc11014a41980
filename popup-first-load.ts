import type { Plugin } from 'vite';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The popup's first load (issue 16): its HTML names one entry script and one stylesheet, and the
 * browser finds the entry's imports only after fetching and parsing it (entry → password-policy →
 * result: three fetches in a row). After the bundle is written, the popup's HTML gets a
 * `<link rel="modulepreload">` for every chunk its entry imports statically, so all are fetched while
 * the HTML is parsed, and its stylesheet inline (one fetch less; the pages' CSP restricts scripts, not
 * styles). vite's own `build.modulePreload` stays off: it would also add its preload helper (which
 * touches `document`) to dynamic imports, the service worker's included.
 */
export function popupFirstLoad(page = 'src/popup/index.html'): Plugin {
  return {
    name: 'clickauth:popup-first-load',
    apply: 'build',
    enforce: 'post',
    writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist/chrome';
      const file = join(dir, page);
      if (!existsSync(file)) return;
      let html = readFileSync(file, 'utf8');
      const entry = html.match(/<script type="module"[^>]*src="\/([^"]+\.js)"/)?.[1];
      const seen = new Set<string>();
      const visit = (name: string) => {
        const chunk = bundle[name];
        if (!chunk || chunk.type !== 'chunk') return;
        for (const dep of chunk.imports) {
          if (seen.has(dep)) continue;
          seen.add(dep);
          visit(dep);
        }
      };
      if (entry) visit(entry);
      const preloads = [...seen].map((dep) => `<link rel="modulepreload" crossorigin href="/${dep}">`).join('\n    ');
      if (entry && preloads) html = html.replace(/(\s*)(<script type="module")/, `$1${preloads}$1$2`);
      html = html.replace(/<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g, (tag, css: string) => {
        const path = join(dir, css);
        return existsSync(path) ? `<style>${readFileSync(path, 'utf8').replace(/<\/style/gi, '<\\/style')}</style>` : tag;
      });
      writeFileSync(file, html);
    },
  };
}
