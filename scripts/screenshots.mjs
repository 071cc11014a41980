// `npm run screenshots`: builds the Chrome extension (skip with --no-build to use dist/chrome as it
// is), then walks every screen in real Chromium, English and German, light and dark, and writes
// screenshots/<screen>.<lang>.<scheme>.png. The walk is the e2e test tests/e2e/screens.test.ts (which
// also runs axe on each screen); SCREENSHOTS_DIR tells it to keep the PNGs.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const run = (cmd, args, env = {}) => {
  const { status } = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });
  if (status !== 0) process.exit(status ?? 1);
};
if (!process.argv.includes('--no-build')) run('npx', ['vite', 'build']);
const dir = resolve('screenshots');
run('npx', ['vitest', 'run', '--project', 'e2e', 'tests/e2e/screens.test.ts'], { SCREENSHOTS_DIR: dir });
console.log(`Screenshots in ${dir}`);
