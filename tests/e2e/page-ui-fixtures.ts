/**
 * Pages for the page-UI tests and screenshots (issue 17): a setup page laid out as real ones are
 * (text right under the QR, the confirmation field, the backup codes already in the page on a hidden
 * next step), and where the QR's finder patterns are on screen.
 */
import type { Page } from 'playwright-core';
import { keyGroups, qrPng, qrPngSide, totpUri, type Routes } from './enroll-fixtures';
import QRCode from 'qrcode';

export const SETUP_HOST = 'setup-ui.test';
export const setupUri = (issuer: string) => totpUri(issuer, `alice@${SETUP_HOST}`);
export const CODES = Array.from({ length: 10 }, (_, i) => `${String(4100 + i * 7)} ${String(6200 + i * 13)}`);

const MARGIN = 4;
const SCALE = 5;

export async function setupPage(issuer: string): Promise<string> {
  const uri = setupUri(issuer);
  const png = (await qrPng(uri, { margin: MARGIN, scale: SCALE })).toString('base64');
  const side = qrPngSide(uri, MARGIN, SCALE);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${issuer} – set up two-step verification</title>
<style>body{font:16px system-ui;margin:40px;max-width:640px;color:#222} .qr{display:block;margin:12px 0 4px} ol{columns:2;font-family:monospace}</style></head>
<body>
<h1>Set up two-step verification</h1>
<form id="setup">
  <p>1. Scan this QR code with your authenticator app.</p>
  <img class="qr" data-test="qr" alt="QR code" width="${side}" height="${side}" src="data:image/png;base64,${png}">
  <p>Can't scan it? Enter this key instead: <code>${keyGroups(uri)}</code></p>
  <p><label for="code">2. Enter the 6-digit code from the app</label><br>
  <input id="code" name="code" autocomplete="one-time-code" inputmode="numeric" maxlength="6"> <button type="submit">Verify and enable</button></p>
</form>
<section id="codes" hidden>
  <h2>Save your backup codes</h2>
  <p>Each backup code works once if you lose your phone.</p>
  <ol>${CODES.map((c) => `<li>${c}</li>`).join('')}</ol>
</section>
<script>
document.getElementById('setup').addEventListener('submit', (e) => {
  e.preventDefault();
  if (!/^\\d{6}$/.test(document.getElementById('code').value)) return;
  document.getElementById('setup').hidden = true;
  document.getElementById('codes').hidden = false;
});
</script>
</body></html>`;
}

export async function setupRoutes(issuers: string[]): Promise<Routes> {
  const routes: Routes = {};
  for (const issuer of issuers) {
    const html = await setupPage(issuer);
    routes[setupPath(issuer)] = () => html;
  }
  return routes;
}

export function setupPath(issuer: string): string {
  return `/setup/${issuer.toLowerCase().replace(/\W+/g, '-')}.html`;
}

/** Viewport points at the centres of the QR's three finder patterns (top-left, top-right, bottom-left). */
export async function finderCentres(page: Page, issuer: string): Promise<[number, number][]> {
  const box = await page.locator('[data-test=qr]').boundingBox();
  if (!box) throw new Error('no QR box');
  const size = QRCode.create(setupUri(issuer), { errorCorrectionLevel: 'M' }).modules.size;
  const near = (MARGIN + 3.5) * SCALE;
  const far = (MARGIN + size - 3.5) * SCALE;
  return [
    [box.x + near, box.y + near],
    [box.x + far, box.y + near],
    [box.x + near, box.y + far],
  ];
}

/** What elementFromPoint hits at each point: "ours" for our hosts, else the tag. */
export function hitsAt(page: Page, points: [number, number][]): Promise<string[]> {
  return page.evaluate(
    (ps) =>
      ps.map(([x, y]) => {
        const el = document.elementFromPoint(x, y);
        return el?.closest('[data-clickauth-overlay],[data-clickauth-notice],clickauth-fill,clickauth-cue')
          ? 'ours'
          : (el?.tagName.toLowerCase() ?? 'none');
      }),
    points,
  );
}

/** Centres of the page's own text lines near the QR (from its top to 200 px below it): none may be under our host. */
export function textCentres(page: Page): Promise<[number, number][]> {
  return page.evaluate(() => {
    const qr = document.querySelector('[data-test=qr]')!.getBoundingClientRect();
    const out: [number, number][] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.trim() || n.parentElement?.closest('script,style')) continue;
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        if (r.bottom > qr.top && r.top < qr.bottom + 200)
          out.push([r.left + r.width / 2, r.top + r.height / 2], [r.right - 2, r.top + r.height / 2]);
      }
    }
    return out;
  });
}

/** Names in the page's accessibility tree (it includes closed shadow roots, which the page cannot read). */
export async function accessibleNames(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { name?: { value?: string } }[] };
    return nodes.map((n) => n.name?.value ?? '').filter(Boolean);
  } finally {
    await cdp.detach();
  }
}
