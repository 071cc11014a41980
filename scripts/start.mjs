// `npm start`: after the build, opens Chromium with the unpacked extension loaded in a fresh profile
// when a display is available, and always prints how to load dist/chrome by hand.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dist = resolve('dist/chrome');
const chrome = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/google-chrome'].find(existsSync);

console.log(`
The extension is built in ${dist}

Load it by hand in any Chromium-based browser:
  1. open chrome://extensions
  2. switch on "Developer mode"
  3. "Load unpacked" and choose ${dist}
  4. pin "ClickAuth Authenticator" from the puzzle-piece menu
`);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) || process.platform !== 'linux';
if (!chrome || !hasDisplay || process.env.CI) {
  console.log(chrome ? 'No display here, so no browser was opened.' : 'No Chromium found (set CHROME_PATH to open one).');
  process.exit(0);
}
const profile = mkdtempSync(join(tmpdir(), 'clickauth-dev-'));
console.log(`Opening ${chrome} with the extension (profile ${profile}); close the browser to stop.`);
spawn(chrome, [`--user-data-dir=${profile}`, `--load-extension=${dist}`, `--disable-extensions-except=${dist}`, '--no-first-run', 'chrome://extensions'], {
  stdio: 'inherit',
}).on('exit', (code) => process.exit(code ?? 0));
