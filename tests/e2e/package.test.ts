/**
 * `npm run package` on the current build: three zips (Chrome, Firefox, source for AMO review), and
 * Mozilla's linter (web-ext lint, offline) finds no error and no warning the README does not explain.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { repoRoot } from './harness';

const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
const zip = (name: string) => unzipSync(readFileSync(join(repoRoot, 'dist', `clickauth-${name}-${version}.zip`)));
const manifestIn = (files: Record<string, Uint8Array>) =>
  JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8')) as Record<string, unknown>;

describe('store packages', () => {
  it('writes the Chrome, Firefox and source zips from the builds', () => {
    execFileSync(process.execPath, ['scripts/package.mjs'], { cwd: repoRoot, stdio: 'pipe' });
    expect(manifestIn(zip('chrome'))).toEqual(
      JSON.parse(readFileSync(join(repoRoot, 'dist/chrome/manifest.json'), 'utf8')),
    );
    expect(manifestIn(zip('firefox'))).toEqual(
      JSON.parse(readFileSync(join(repoRoot, 'dist/firefox/manifest.json'), 'utf8')),
    );
    const source = Object.keys(zip('source'));
    expect(source).toEqual(
      expect.arrayContaining([
        'package.json',
        'package-lock.json',
        'manifest.json',
        'vite.config.ts',
        'README.md',
        'src/background/index.ts',
      ]),
    );
    expect(source.filter((file) => /^(node_modules|dist)\//.test(file))).toEqual([]);
  });

  it('web-ext lint: the Firefox package has 0 errors and only explained warnings', () => {
    const out = execFileSync(process.execPath, ['scripts/lint-firefox.mjs'], { cwd: repoRoot, encoding: 'utf8' });
    expect(out).toMatch(/^web-ext lint: 0 errors, \d+ warnings \(0 unexplained\)/m);
  }, 120_000);
});
