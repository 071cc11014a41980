/**
 * Clickjacking our overlay in Firefox, which has no IntersectionObserver v2: a click counts only when
 * no element of the page entered the top layer after our host (src/content/top-layer.ts). Each attack
 * page shows a cover once our overlay appears, with `pointer-events: none` so the user's click on the
 * decoy reaches our overlay below it:
 * - a popover over the QR (the Chromium suite's popover-cover page);
 * - the same popover inside a closed shadow root, which a query of the document does not reach;
 * - a 1×1 popover in a corner whose overflowing child covers the QR (its own box overlaps nothing).
 * - a 1×1 popover shown before our overlay, whose `toggle` events the page stops before ours hear
 *   them, shown again after it.
 * - our zone over the QR is see-through: the QR made transparent over a decoy, or a decoy laid over the
 *   QR in the page (src/content/enroll/qr-seen.ts).
 * Controls: the same page without a cover enrolls with one click; a page that shows an unrelated
 * popover (a notice in a corner) refuses the click while it is open (our overlay then says why, and
 * how to add the QR from the toolbar button), and enrolls once it is closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import type { FixtureServer } from '../server';
import { closeBed, servePages } from '../setup';
import { qrPng, totpUri } from '../enroll-fixtures';
import { call, createVault, eventually, launchFirefox, type LoadedFirefox } from './harness';
import type { AccountList } from '../../../src/shared/protocol';

const HOST = 'cj-firefox.test';
const PAGES = [
  'plain',
  'popover-cover',
  'shadow-cover',
  'overflow-dot',
  'silent-reshow',
  'late-notice',
  'transparent-qr',
  'decoy-over',
] as const;
type Name = (typeof PAGES)[number];
const issuer = (name: Name) => `Firefox clickjack ${name}`;

/** What each page does once our overlay is there: a cover built from `style`, in `where`. */
const TRICKS: Record<Name, string> = {
  plain: '',
  'popover-cover': `cover(document.body, box(-20, -20, r.width + 40, r.height + 40), decoy)`,
  'shadow-cover': `const div = document.createElement('div'); document.body.append(div);
    cover(div.attachShadow({ mode: 'closed' }), box(-20, -20, r.width + 40, r.height + 40), decoy)`,
  'overflow-dot': `cover(document.body, 'left:0;top:0;width:1px;height:1px;overflow:visible;background:transparent',
    '<div style="position:absolute;left:' + (r.left - 20) + 'px;top:' + (r.top - 20) + 'px;width:' + (r.width + 40) + 'px;height:' + (r.height + 40) + 'px;background:#fff;display:grid;place-items:center">' + decoy + '</div>')`,
  // Shown before our overlay, its toggle events stopped before ours hear them, shown again after it.
  'silent-reshow': `dot.hidePopover(); dot.showPopover(); window.coverShown = dot.matches(':popover-open')`,
  // Our zone over the QR is see-through: the QR made transparent over a decoy, or the decoy laid over
  // the QR (below our host), and no top layer involved.
  'transparent-qr': `document.querySelector('[data-test=qr]').style.opacity = '0'; under(-1)`,
  'decoy-over': `under(1)`,
  'late-notice': `cover(document.body, 'right:8px;bottom:8px;left:auto;top:auto;width:220px;height:60px;background:#ffd', 'Cookies are fine');
    setTimeout(() => document.querySelectorAll('[popover]').forEach((el) => el !== document.querySelector('[data-clickauth-overlay]') && el.hidePopover()), 2000)`,
};
/** Runs as the page loads, before our overlay is there. */
const EARLY: Partial<Record<Name, string>> = {
  'silent-reshow': `window.addEventListener('toggle', (e) => e.stopImmediatePropagation(), true);
  const dot = document.createElement('div');
  dot.popover = 'manual';
  dot.setAttribute('style', 'position:fixed;inset:auto;left:0;top:0;width:1px;height:1px;margin:0;border:0;padding:0;overflow:visible;background:transparent;pointer-events:none');
  document.body.append(dot);
  dot.showPopover();
  addEventListener('load', () => {
    const q = document.querySelector('[data-test=qr]').getBoundingClientRect();
    dot.innerHTML = '<div style="position:absolute;left:' + (q.left - 20) + 'px;top:' + (q.top - 20) + 'px;width:' + (q.width + 40) + 'px;height:' + (q.height + 40) + 'px;background:#fff;display:grid;place-items:center">' + decoy + '</div>';
  });`,
};

async function routes(): Promise<Record<string, () => string>> {
  const out: Record<string, () => string> = {};
  for (const name of PAGES) {
    const png = (await qrPng(totpUri(issuer(name), `victim@${HOST}`))).toString('base64');
    out[`/cj/${name}.html`] = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Continue</title>
<style>body{font:16px system-ui;margin:40px}</style></head><body>
<h1>Almost done</h1><p>Click the square below to continue.</p>
<img data-test="qr" alt="QR code" width="200" height="200" src="data:image/png;base64,${png}">
<script>
  const decoy = '<button type=button style="font:600 18px system-ui;padding:12px 28px">Continue</button>';
  const box = (dx, dy, w, h) => { const q = r; return 'left:' + (q.left + dx) + 'px;top:' + (q.top + dy) + 'px;width:' + w + 'px;height:' + h + 'px;background:#fff;display:grid;place-items:center'; };
  function cover(parent, style, html) {
    const el = document.createElement('div');
    el.popover = 'manual';
    el.setAttribute('style', 'position:fixed;inset:auto;margin:0;border:0;padding:0;pointer-events:none;' + style);
    el.innerHTML = html;
    parent.append(el);
    el.showPopover();
    window.coverShown = el.matches(':popover-open');
  }
  /** The decoy in the page's flow where the QR is, under it (z-index -1) or over it. */
  function under(z) {
    const el = document.createElement('div');
    el.setAttribute('style', 'position:absolute;z-index:' + z + ';' + box(0, 0, r.width, r.height));
    el.innerHTML = decoy;
    document.body.append(el);
  }
  ${EARLY[name] ?? ''}
  let r, done = false;
  new MutationObserver(() => {
    if (done || !document.querySelector('[data-clickauth-overlay]')) return;
    done = true;
    r = document.querySelector('[data-test=qr]').getBoundingClientRect();
    ${TRICKS[name]}
  }).observe(document.documentElement, { childList: true });
</script></body></html>`;
  }
  return out;
}

let server: FixtureServer;
let firefox: LoadedFirefox;
let popup: Page;

beforeAll(async () => {
  server = await servePages(await routes());
  firefox = await launchFirefox([HOST]);
  popup = await firefox.openExtensionPage('src/popup/index.html');
  await createVault(popup);
}, 240_000);

afterAll(() => closeBed(firefox, server));

const enrolled = async (name: Name) =>
  (await call<AccountList>(popup, { type: 'accounts/list' })).accounts.filter((a) => a.issuer === issuer(name)).length;

/** The page, its overlay shown (and its cover, if any) and well past the 400 ms a click waits for. */
async function open(name: Name): Promise<{ page: Page; click(): Promise<void> }> {
  const page = await firefox.browser.newPage();
  await page.goto(server.url(`/cj/${name}.html`, HOST, 'https'));
  await page.waitForSelector('[data-clickauth-overlay]', { timeout: 20_000 });
  await new Promise((done) => setTimeout(done, 1000));
  const box = (await (await page.$('[data-test=qr]'))!.boundingBox())!;
  await page.bringToFront();
  return { page, click: () => page.mouse.click(box.x + box.width / 2, box.y + box.height / 2) };
}

describe('Firefox: clickjacking the "Add to Authenticator" overlay', () => {
  it('control: the page without a cover enrolls with one real click', async () => {
    const { page, click } = await open('plain');
    await click();
    await eventually(async () => expect(await enrolled('plain')).toBe(1));
    await page.close();
  }, 60_000);

  it.each(['popover-cover', 'shadow-cover', 'overflow-dot', 'silent-reshow'] as const)(
    '%s: the click on the decoy does not enroll',
    async (name) => {
      const { page, click } = await open(name);
      // The cover is there, in the top layer.
      expect(await page.evaluate(() => (window as { coverShown?: boolean }).coverShown)).toBe(true);
      await click();
      await new Promise((done) => setTimeout(done, 2000));
      expect(await enrolled(name)).toBe(0);
      await page.close();
    },
    60_000,
  );

  it.each(['transparent-qr', 'decoy-over'] as const)(
    '%s: the click on the decoy where our see-through zone is does not enroll',
    async (name) => {
      const { page, click } = await open(name);
      await click();
      await new Promise((done) => setTimeout(done, 2000));
      expect(await enrolled(name)).toBe(0);
      await page.close();
    },
    60_000,
  );

  it('control: while an unrelated popover of the page is open the click is refused; once the page closes it, a click enrolls', async () => {
    const { page, click } = await open('late-notice');
    // Our overlay and the room below it (the notice is in the page's far corner, outside it).
    const box = (await (await page.$('[data-clickauth-overlay]'))!.boundingBox())!;
    const around = () => page.screenshot({ encoding: 'base64', clip: { ...box, height: box.height + 160 } });
    const before = await around();
    await click();
    await new Promise((done) => setTimeout(done, 500));
    expect(await enrolled('late-notice')).toBe(0);
    // The refused click is not silent: our overlay says why (its text is in a closed shadow root, so
    // the proof here is that it drew something; tests/dom/content/genuine.test.ts checks the verdict).
    expect(await around()).not.toBe(before);
    // The page closes its notice 2 s after our overlay appeared.
    await new Promise((done) => setTimeout(done, 1500));
    await click();
    await eventually(async () => expect(await enrolled('late-notice')).toBe(1));
    await page.close();
  }, 60_000);
});
