/* global chrome, document */
// The headless demo: walks the whole journey in the real build, one line and one numbered screenshot
// per step (demo-out/NN-name.png). Throws at the first step that fails.
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEMO_USER } from './provider.mjs';

export const MASTER_PASSWORD = 'demo master password 2fa';
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function until(probe, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(150);
  }
}

/** One protocol message from an extension page (the popup), as the popup itself sends them. */
async function call(page, message) {
  const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), message);
  if (!reply?.ok) throw new Error(`${message.type}: ${reply?.error?.code ?? 'no reply'}`);
  return reply.value;
}

export async function walk({ launched, base, outDir, log }) {
  mkdirSync(outDir, { recursive: true });
  const { browser, openExtensionPage } = launched;
  const steps = [];
  const step = (title, run) => steps.push({ title, run });
  let popup;
  let site;
  const shot = async (page, name) => {
    const path = join(outDir, name);
    await page.screenshot({ path });
    return path;
  };
  const openPopup = async () => {
    await popup?.close().catch(() => undefined);
    popup = await openExtensionPage('src/popup/index.html');
    await popup.setViewport({ width: 380, height: 520 });
    return popup;
  };
  const type = async (page, selector, text) => {
    await page.waitForSelector(selector, { timeout: 15_000 });
    await page.$eval(selector, (el) => (el.value = ''));
    await page.type(selector, text);
  };
  const submit = async (page, selector) => {
    await page.bringToFront();
    await Promise.all([page.waitForNavigation({ timeout: 20_000 }), page.click(selector)]);
  };
  // Our "Saved 10 backup codes" toast may still cover the header's Sign out button: submit its form.
  const signOut = () =>
    Promise.all([
      site.waitForNavigation({ timeout: 20_000 }),
      site.$eval('form[action="/logout"]', (form) => form.requestSubmit()),
    ]);
  const signIn = async () => {
    await site.goto(`${base}/login`);
    await type(site, '#email', DEMO_USER.email);
    await type(site, '#password', DEMO_USER.password);
    await submit(site, 'form[action="/login"] button');
  };
  const fieldCode = (page, selector) => page.$eval(selector, (el) => (/^\d{6}$/.test(el.value) ? el.value : ''));

  step('create the vault in the popup (first run)', async () => {
    const page = await openPopup();
    await page.waitForSelector('form[aria-labelledby=setup-title] input[type=password]', { timeout: 30_000 });
    const [password, repeat] = await page.$$('form[aria-labelledby=setup-title] input[type=password]');
    await password.type(MASTER_PASSWORD);
    await repeat.type(MASTER_PASSWORD);
    await page.click('form[aria-labelledby=setup-title] button[type=submit]');
    await page.waitForSelector('button.lock', { timeout: 60_000 });
    return ['vault created', await shot(page, '01-vault-created.png')];
  });

  step(
    'sign in with the password, Settings → Security → "Enable two-step verification": the QR gets our highlight',
    async () => {
      site = await browser.newPage();
      await site.setViewport({ width: 1000, height: 760 });
      await signIn();
      await Promise.all([site.waitForNavigation(), site.click('a[href="/settings/security"]')]);
      await submit(site, 'form[action="/settings/security/enable"] button');
      await site.waitForSelector('[data-clickauth-overlay]', { timeout: 20_000 });
      await sleep(700); // clicks in the first 400 ms after the highlight appears are ignored (anti-clickjacking)
      return ['"Add to Authenticator" shown on the QR', await shot(site, '02-qr-highlight.png')];
    },
  );

  step('click the QR: the account is added and the confirmation field is filled', async () => {
    const box = await (await site.$('#qr')).boundingBox();
    await site.bringToFront();
    await site.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const code = await until(() => fieldCode(site, '#code'), 'the confirmation field');
    return [`confirmation field filled with ${code}`, await shot(site, '03-confirmation-filled.png')];
  });

  step('the popup lists the account with its live code', async () => {
    const page = await openPopup();
    const code = await until(
      () => page.$eval('[data-testid=code]', (el) => (/\d{3} ?\d{3}/.test(el.textContent) ? el.textContent : '')),
      'a code in the popup',
    );
    const [account] = (await call(page, { type: 'accounts/list' })).accounts;
    return [`${account.issuer} (${account.account}) shows ${code}`, await shot(page, '04-popup-live-code.png')];
  });

  step('"Verify and enable": the provider accepts the code, shows 10 backup codes, we save them', async () => {
    await site.bringToFront();
    await site.click('#setup button[type=submit]');
    await site.waitForSelector('#done:not([hidden])', { timeout: 15_000 });
    const shown = await site.$$eval('#codes li', (items) => items.map((li) => li.textContent));
    await site.waitForSelector('[data-clickauth-notice]', { timeout: 15_000 });
    await sleep(700);
    // Our offer sits in a closed shadow root at the top right (the page cannot see into it, nor can we
    // from here): its Save button is the right-most part; the notice's height depends on how its text
    // wraps (it differs between browsers), so try a few heights on that column until the codes are saved.
    const right = await site.evaluate(() => document.documentElement.clientWidth - 16);
    const [account] = (await call(popup, { type: 'accounts/list' })).accounts;
    const savedCount = async () => (await call(popup, { type: 'backup-codes/get', id: account.id })).length;
    for (const y of [36, 50, 64]) {
      await site.bringToFront();
      await site.mouse.click(right - 40, y);
      if (
        await until(async () => (await savedCount()) === shown.length, 'the saved backup codes', 3000).catch(
          () => false,
        )
      )
        break;
    }
    await until(async () => (await savedCount()) === shown.length, 'the saved backup codes', 5000);
    const saved = (await call(popup, { type: 'backup-codes/get', id: account.id })).map((c) => c.code);
    if (saved.join() !== shown.join()) throw new Error('the saved backup codes differ from the page');
    return [`${saved.length} backup codes saved to the account`, await shot(site, '05-backup-codes-saved.png')];
  });

  step('sign out, sign in with the password: the 6-digit code is filled by itself', async () => {
    await signOut();
    await signIn();
    if (!site.url().endsWith('/login/code')) throw new Error(`expected the code page, got ${site.url()}`);
    const code = await until(() => fieldCode(site, '#code'), 'the login code field');
    const path = await shot(site, '06-login-filled.png');
    await submit(site, 'form[action="/login/code"] button');
    const note = await site.$eval('[data-demo=signed-in]', (el) => el.textContent);
    if (!note.includes('6-digit code')) throw new Error(`not signed in: ${note}`);
    return [`code ${code} filled, provider says "${note}"`, path];
  });

  step('the VPN page wants password+code in one field: we append the code when the user signs in', async () => {
    const [account] = (await call(popup, { type: 'accounts/list' })).accounts;
    // The per-page option from the account's details in the popup ("password and code in one field"),
    // set for this origin only (vault schema 4).
    await call(popup, {
      type: 'accounts/update',
      id: account.id,
      patch: { fill: { appendOn: [new URL(base).origin] } },
    });
    await signOut();
    await site.goto(`${base}/login-combined`);
    await type(site, '#email', DEMO_USER.email);
    await type(site, '#password', DEMO_USER.password);
    await sleep(1000); // the content script asks for the code once it sees the password field
    await submit(site, 'form[action="/login-combined"] button');
    const note = await site
      .$eval('[data-demo=signed-in]', (el) => el.textContent)
      .catch(async () => {
        throw new Error(`not signed in: ${await site.$eval('main', (el) => el.textContent.trim().slice(0, 120))}`);
      });
    return [`provider says "${note}"`, await shot(site, '07-password-and-code.png')];
  });

  for (const [index, { title, run }] of steps.entries()) {
    const label = `${index + 1}/${steps.length}`;
    try {
      const [result, path] = await run();
      log(`✓ ${label} ${title} — ${result} [${relative(process.cwd(), path)}]`);
    } catch (error) {
      log(`✗ ${label} ${title} — FAILED: ${error.message}`);
      if (site) await shot(site, `${String(index + 1).padStart(2, '0')}-failed.png`).catch(() => undefined);
      throw error;
    }
  }
}
