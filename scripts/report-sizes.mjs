// Prints every built JS/CSS/HTML file of each build folder given (default dist/chrome) with raw and gzip
// sizes (run after `vite build`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const roots = process.argv.length > 2 ? process.argv.slice(2) : ['dist/chrome'];
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
for (const root of roots.filter((dir) => existsSync(dir))) {
  const rows = walk(root)
    .filter((file) => /\.(m?js|css|html)$/.test(file))
    .map((file) => {
      const bytes = readFileSync(file);
      return { file: relative(root, file), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
  console.log(`\nbundle sizes (${root})\n${'file'.padEnd(48)}      raw     gzip`);
  for (const row of rows) console.log(`${row.file.padEnd(48)}${kb(row.raw)}${kb(row.gzip)}`);
}
