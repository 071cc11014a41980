// `npm run lint:firefox` (after `npm run package`): Mozilla's add-on linter (web-ext lint, offline) on
// the contents of dist/clickauth-firefox-<version>.zip, exactly what addons.mozilla.org receives.
// Prints every message; exits non-zero on any error, or on a warning not explained in the README
// ("Firefox package: linter warnings").
import { mkdtempSync, readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import webExt from 'web-ext';

/** Warnings that stay, each explained in the README. */
export const EXPLAINED_WARNINGS = new Set(['UNSAFE_VAR_ASSIGNMENT']);

export async function lintFirefoxPackage(root = new URL('..', import.meta.url).pathname) {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const zip = join(root, 'dist', `clickauth-firefox-${version}.zip`);
  const dir = mkdtempSync(join(tmpdir(), 'clickauth-lint-'));
  try {
    for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
    return await webExt.cmd.lint({ sourceDir: dir, output: 'none', boring: true }, { shouldExitProgram: false });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await lintFirefoxPackage();
  for (const kind of ['errors', 'warnings', 'notices']) {
    for (const m of result[kind])
      console.log(`${kind.slice(0, -1)} ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`);
  }
  const unexplained = result.warnings.filter((m) => !EXPLAINED_WARNINGS.has(m.code));
  console.log(
    `web-ext lint: ${result.summary.errors} errors, ${result.summary.warnings} warnings (${unexplained.length} unexplained), ${result.summary.notices} notices`,
  );
  if (result.summary.errors > 0 || unexplained.length > 0) process.exit(1);
}
