// `npm start` (after `npm run build`): serves the demo mail provider on http://demo-mail.localhost and opens
// Chromium (or `npm start -- --browser firefox`) with the built extension in a fresh profile, on the
// provider's Settings → Security page. Without a display, or with `--headless`, it walks the whole
// journey by itself instead (demo/walk.mjs), prints one line per step, writes numbered screenshots to
// demo-out/ and exits non-zero if a step fails.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch } from './browsers.mjs';
import { createProvider, DEMO_USER } from './provider.mjs';
import { MASTER_PASSWORD, walk } from './walk.mjs';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    browser: { type: 'string', default: 'chromium' },
    headless: { type: 'boolean', default: false },
    port: { type: 'string', default: '0' },
    out: { type: 'string', default: 'demo-out' },
  },
});
const kind = values.browser === 'firefox' ? 'firefox' : 'chromium';
const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = values.headless || !display;
const log = (line) => console.log(`[demo] ${line}`);

const provider = createProvider();
const base = await provider.listen(Number(values.port));
log(`Demo Mail runs at ${base} (sign in as ${DEMO_USER.email} / ${DEMO_USER.password})`);

if (headless) {
  const outDir = resolve(root, values.out);
  rmSync(outDir, { recursive: true, force: true });
  log(
    `${display ? '--headless' : 'no display'}: walking the journey in headless ${kind} with the real build, screenshots in ${values.out}/`,
  );
  let launched;
  let failed = false;
  try {
    launched = await launch(kind, { headless: true, root });
    await walk({ launched, base, outDir, log });
    log('all steps passed');
  } catch (error) {
    failed = true;
    log(`stopped: ${error.message}`);
  } finally {
    await launched?.browser.close().catch(() => undefined);
    if (launched) rmSync(launched.userDataDir, { recursive: true, force: true });
    await provider.close();
  }
  process.exit(failed ? 1 : 0);
}

const launched = await launch(kind, { headless: false, root });
const page = await launched.openExtensionPage('src/popup/index.html');
const setup = await launched.browser.newPage();
await setup.goto(`${base}/demo/start`);
await setup.bringToFront();
log(`${kind} is open with ClickAuth loaded (fresh profile ${launched.userDataDir}).`);
log(`1. In the ClickAuth tab (the popup), create a vault (for example "${MASTER_PASSWORD}").`);
log('2. On Demo Mail, click "Enable two-step verification", then click the QR code and "Verify and enable".');
log('3. Sign out and sign in again: the code is filled for you. Close the browser to stop.');
void page;
launched.browser.on('disconnected', async () => {
  await provider.close();
  process.exit(0);
});
