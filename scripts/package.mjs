// `npm run package` (after `npm run build`): the store packages and the source package for
// addons.mozilla.org review, written with fflate (pure JS: no `zip` binary needed):
//   dist/clickauth-chrome-<version>.zip    dist/chrome, for the Chrome Web Store / Edge Add-ons
//   dist/clickauth-firefox-<version>.zip   dist/firefox, for addons.mozilla.org
//   dist/clickauth-source-<version>.zip    the repository's tracked files (README: how to build)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';

const root = new URL('..', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const walk = (dir) =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });

/** The files of the source package: what git tracks, or (no git here) the tree minus build output. */
function sourceFiles() {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\0')
      .filter((file) => file && existsSync(join(root, file)));
  } catch {
    const skip = /^(node_modules|dist|demo-out|coverage|\.git|\.vite|\.e2e-profiles)(\/|$)/;
    return walk(root)
      .map((file) => relative(root, file).split(sep).join('/'))
      .filter((file) => !skip.test(file));
  }
}

// A fixed date keeps the archives byte-identical from one build to the next.
const mtime = new Date('2025-01-01T00:00:00Z');

function writeZip(name, base, files) {
  const entries = Object.fromEntries(files.map((file) => [file, [readFileSync(join(base, file)), { mtime }]]));
  const out = join(root, 'dist', name);
  writeFileSync(out, zipSync(entries, { level: 9 }));
  return { name, files: files.length, bytes: statSync(out).size };
}

function packBuild(browser) {
  const dir = join(root, 'dist', browser);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`No build in ${dir}: run \`npm run build\` first.`);
  const files = walk(dir).map((file) => relative(dir, file).split(sep).join('/'));
  return writeZip(`clickauth-${browser}-${version}.zip`, dir, files);
}

const written = [
  packBuild('chrome'),
  packBuild('firefox'),
  writeZip(`clickauth-source-${version}.zip`, root, sourceFiles()),
];
for (const { name, files, bytes } of written) {
  console.log(`dist/${name.padEnd(36)} ${String(files).padStart(4)} files ${(bytes / 1024).toFixed(1).padStart(8)} KB`);
}
