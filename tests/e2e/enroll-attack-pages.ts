/**
 * Attack pages against enrolling (issue 11, findings 2, 4 and 10), served as extra routes of the
 * fixture server. Every QR is generated at test time; every case has its own key.
 *
 * - Finding 2: pages on evil.test paint victim.test's QR under an empty square custom element in ways
 *   the capture guard's denylist does not know (root background, ::file-selector-button, a range
 *   input's ::-webkit-slider-thumb). Not here: ::-webkit-scrollbar-thumb (Playwright's headless
 *   Chromium runs with --hide-scrollbars, so nothing is painted to capture) and paint() worklets (the
 *   page did not get an overlay in headless Chromium even before the fix). The popup's confirmation
 *   does not depend on how the pixels got there, so it covers them too.
 * - Finding 4: a cookie-gated personal QR (cached for an hour), a loopback IP, a redirecting image.
 * - Finding 10: a Google Authenticator export and an issuer that does not name the page's site.
 * - Clickjacking a framed setup page: prize.test frames mail-machine.test's setup page and hides the
 *   frame with a fully transparent CSS mask (Chromium's IntersectionObserver v2 does not count it),
 *   a "Claim your prize" button under it, where the QR and our overlay are.
 */
import type { IncomingMessage } from 'node:http';
import { encodeMigration } from '../../src/core/otpauth-uri';
import type { ParsedAccount } from '../../src/core/otpauth-uri';
import { qrPng, secretBytes, totpUri, type Routes } from './enroll-fixtures';

export interface QrCase {
  issuer: string;
  account: string;
  text: string;
}

const qr = (key: string, issuer: string, account: string): QrCase => ({
  issuer,
  account,
  text: totpUri(issuer, account, key),
});

/** How a page paints the victim's QR (finding 2); `https`: the page needs a secure context. */
export const CAPTURE_ATTACKS = {
  'root-background': { qr: qr('atk-root', 'Victim Bank', 'root@victim.test'), https: false },
  'file-selector-button': { qr: qr('atk-file', 'Victim Bank', 'file@victim.test'), https: false },
  'slider-thumb': { qr: qr('atk-slider', 'Victim Bank', 'slider@victim.test'), https: false },
} as const;
export type CaptureAttack = keyof typeof CAPTURE_ATTACKS;

/** Finding 4: the victim's personal QR (cookie-gated) and a QR served on loopback and behind a redirect. */
export const PERSONAL = qr('personal', 'Victim Bank', 'personal@victim.test');
export const LOOP = qr('loop', 'Loop Images', 'loop@images.test');
export const SESSION_COOKIE = { name: 'session', value: 'victim-user' };

/** Clickjacking a framed setup page. */
export const FRAMED = qr('framed-setup', 'Mail Machine', 'cid@mail-machine.test');
/** The same account set up again in the same frame, with a new key (issue 13: "Replace the old one?"). */
export const FRAMED_AGAIN = qr('framed-setup-again', 'Mail Machine', 'cid@mail-machine.test');

/** Finding 10. */
export const MATCHING = qr('f10-match', 'Mail Machine', 'amy@mail-machine.test');
export const MISMATCH = qr('f10-mismatch', 'Mail Machine', 'bea@mail-machine.test');
/** A phishing site one letter off mail-machine.test, whose QR's issuer spells its own label. */
export const LOOKALIKE_ISSUER = qr('f10-lookalike', 'Mail Machlne', 'amy@mail-machine.test');
export const EXPORTED: ParsedAccount = {
  type: 'totp',
  secret: secretBytes('f10-export'),
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  issuer: 'Export Tool',
  account: 'cem@export-tool.test',
};
export const EXPORT_TEXT = encodeMigration({
  accounts: [EXPORTED],
  version: 1,
  batchSize: 1,
  batchIndex: 0,
  batchId: 777,
});

const page = (title: string, body: string, head = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head>
<body>${body}</body></html>`;

const FIELD =
  '<label for="c">Enter the 6-digit code</label> <input id="c" name="code" autocomplete="off" inputmode="numeric" maxlength="6">';

/** The empty square element (a closed shadow root, no text, no media): only a tab capture could read "its" QR. */
const box = (shadow: string, preload: string, style = '', before = '') => `
<style>body{margin:0;font:15px system-ui} form{position:absolute;left:400px;top:150px} qr-box{display:block;position:absolute;left:100px;top:150px;width:220px;height:220px}${style}</style>
<h1 style="margin:0;height:40px">Rewards</h1>
<form onsubmit="return false"><p>Scan this QR code with your authenticator app.</p>${FIELD}</form>
<script type="module">
  // An attacker waits until the victim's image is there, so that the capture sees it.
  const img = new Image();
  img.src = ${JSON.stringify(preload)};
  await img.decode().catch(() => undefined);
  customElements.define('qr-box', class extends HTMLElement {
    connectedCallback() { this.attachShadow({ mode: 'closed' }).innerHTML = ${JSON.stringify(shadow)}; }
  });
  ${before}
  // Added once it paints (a new element is what makes the extension look again).
  const el = document.createElement('qr-box');
  el.setAttribute('data-test', 'qr');
  document.body.append(el);
</script>`;

/**
 * The root-background QR, shown only once our in-field button (an SVG icon in a closed shadow root)
 * is on the code field (at most 5 s): the capture guard then walks our own SVG. `buttonFirst` says
 * whether it was there.
 */
export const LATE_QR = qr('atk-late', 'Victim Bank', 'late@victim.test');
const waitForOurButton = `window.buttonFirst = await new Promise((seen) => {
    const t0 = Date.now();
    const look = () => document.querySelector('clickauth-fill') ? seen(true) : Date.now() - t0 > 5000 ? seen(false) : setTimeout(look, 50);
    look();
  });`;
const lateQrPage = (victim: string) =>
  page(
    'Totally Legit Rewards – Enable 2FA',
    box(
      '',
      victim,
      `html{height:40px;background:#fff url("${victim}") no-repeat fixed 100px 150px/220px 220px}`,
      waitForOurButton,
    ),
  );

/** A same-origin QR image next to an SVG element whose name has a hyphen (an SVG font's <font-face>). */
const svgHyphenPage = () =>
  page(
    'Rewards',
    `<svg width="0" height="0" aria-hidden="true"><font-face font-family="x"></font-face></svg><form onsubmit="return false"><p>Scan this QR code with your authenticator app.</p><img data-test="qr" src="/enroll10/svg-hyphen.png" width="205" height="205" alt="QR code"><p>${FIELD}</p></form>`,
  );
export const SVG_HYPHEN = qr('svg-hyphen', 'Mail Machine', 'svg@mail-machine.test');

function captureAttackPage(kind: CaptureAttack, victim: string): string {
  const bg = (sel: string) => `${sel}{background:#fff url("${victim}") 0 0/220px 220px no-repeat}`;
  const pages: Record<CaptureAttack, () => string> = {
    // The root's background paints the whole canvas; the root box itself is 40 px tall, far from the QR.
    'root-background': () =>
      box('', victim, `html{height:40px;background:#fff url("${victim}") no-repeat fixed 100px 150px/220px 220px}`),
    'file-selector-button': () =>
      box(
        `<style>input{display:block;width:220px;height:220px;margin:0;padding:0;border:0;color:transparent;font-size:0}${bg('input::file-selector-button').replace('}', ';width:220px;height:220px;margin:0;border:0;color:transparent;font-size:0}')}</style><input type="file" tabindex="-1">`,
        victim,
      ),
    'slider-thumb': () =>
      box(
        `<style>input{-webkit-appearance:none;appearance:none;display:block;width:220px;height:220px;margin:0;padding:0;background:transparent}input::-webkit-slider-runnable-track{height:220px;background:transparent;border:0}${bg('input::-webkit-slider-thumb').replace('}', ';-webkit-appearance:none;appearance:none;width:220px;height:220px;border:0;border-radius:0}')}</style><input type="range" min="0" max="1" value="0" tabindex="-1">`,
        victim,
      ),
  };
  return page('Totally Legit Rewards – Enable 2FA', pages[kind]());
}

const imgPage = (title: string, src: string) =>
  page(
    title,
    `<form onsubmit="return false"><p>Scan this QR code with your authenticator app.</p><img data-test="qr" src="${src}" width="205" height="205" alt="QR code"><p>${FIELD}</p></form>`,
  );

/**
 * Requests the fixture server saw for a route. `ours`: the extension's fetch, told from the page's own
 * <img> by its Accept header (an <img> asks for image/*; fetch() sends *\/*; Sec-Fetch-Dest would be
 * clearer but is sent over https only).
 */
export const seen: { path: string; host: string; ours: boolean; cookie: boolean }[] = [];
const log = (req: IncomingMessage) =>
  seen.push({
    path: req.url ?? '',
    host: req.headers.host ?? '',
    ours: !/image\//.test(req.headers.accept ?? ''),
    cookie: /session=/.test(req.headers.cookie ?? ''),
  });

export async function attackRoutes(port: () => number, httpsPort: () => number): Promise<Routes> {
  const routes: Routes = {};
  const png = async (text: string) => {
    const bytes = await qrPng(text);
    return (req: IncomingMessage) => (log(req), bytes);
  };
  // Ports are known only once the server listens: pages are rendered per request.
  for (const kind of Object.keys(CAPTURE_ATTACKS) as CaptureAttack[]) {
    const https = CAPTURE_ATTACKS[kind].https;
    routes[`/victim/${kind}.png`] = await png(CAPTURE_ATTACKS[kind].qr.text);
    routes[`/attack/${kind}.html`] = () =>
      captureAttackPage(
        kind,
        https
          ? `https://victim.test:${httpsPort()}/victim/${kind}.png`
          : `http://victim.test:${port()}/victim/${kind}.png`,
      );
  }

  // Finding 4 (a): the victim's personal QR, only with its session cookie, cacheable for an hour.
  const personal = await qrPng(PERSONAL.text);
  routes['/victim/personal-qr.png'] = (req) => {
    log(req);
    return /session=victim-user/.test(req.headers.cookie ?? '')
      ? { status: 200, headers: { 'cache-control': 'max-age=3600' }, body: personal }
      : { status: 403, headers: { 'cache-control': 'no-store', 'content-type': 'text/plain' }, body: 'log in first' };
  };
  routes['/victim/own.html'] = () => imgPage('Victim Bank – security', '/victim/personal-qr.png');
  routes['/victim/settings.html'] = () =>
    imgPage('Victim Bank – security', `http://victim.test:${port()}/victim/personal-qr.png`);
  routes['/attack/cached.html'] = () => imgPage('Rewards', `http://victim.test:${port()}/victim/personal-qr.png`);
  // (b) loopback, and its control through a *.test name; (c) a cross-site image that redirects to a QR.
  routes['/loop/qr.png'] = await png(LOOP.text);
  routes['/attack/loopback.html'] = () => imgPage('Rewards', `http://127.0.0.1:${port()}/loop/qr.png`);
  routes['/attack/loop-control.html'] = () => imgPage('Rewards', `http://loop-images.test:${port()}/loop/qr.png`);
  routes['/hop/qr.png'] = (req) => (log(req), { redirect: `http://loop-images.test:${port()}/loop/qr.png` });
  routes['/attack/redirect.html'] = () => imgPage('Rewards', `http://hop.test:${port()}/hop/qr.png`);

  routes['/victim/late.png'] = await png(LATE_QR.text);
  routes['/attack/late-qr.html'] = () => lateQrPage(`http://victim.test:${port()}/victim/late.png`);
  routes['/enroll10/svg-hyphen.png'] = await png(SVG_HYPHEN.text);
  routes['/attack/svg-hyphen.html'] = svgHyphenPage;

  // Finding 10.
  routes['/enroll10/match.png'] = await png(MATCHING.text);
  routes['/enroll10/mismatch.png'] = await png(MISMATCH.text);
  routes['/enroll10/export.png'] = await png(EXPORT_TEXT);
  routes['/enroll10/lookalike.png'] = await png(LOOKALIKE_ISSUER.text);
  routes['/enroll10/lookalike.html'] = () => imgPage('Mail Machine – two-step verification', '/enroll10/lookalike.png');
  routes['/enroll10/match.html'] = () => imgPage('Mail Machine – two-step verification', '/enroll10/match.png');
  routes['/enroll10/mismatch.html'] = () => imgPage('Mail Machine – two-step verification', '/enroll10/mismatch.png');
  routes['/enroll10/export.html'] = () => imgPage('Export Tool – move your codes', '/enroll10/export.png');

  // Clickjacking a framed setup page.
  const none = 'linear-gradient(transparent, transparent)';
  for (const [name, c] of [
    ['framed', FRAMED],
    ['framed-again', FRAMED_AGAIN],
  ] as const) {
    routes[`/enroll/${name}.png`] = await png(c.text);
    routes[`/enroll/${name}.html`] = () => imgPage('Mail Machine – two-step verification', `/enroll/${name}.png`);
    routes[`/attack/${name === 'framed' ? 'framed-setup' : name}.html`] = () =>
      page(
        'Claim your prize',
        `<button style="position:absolute;left:0;top:0;width:600px;height:420px;font-size:32px">Claim your prize</button>` +
          `<iframe title="setup" style="position:absolute;left:0;top:0;border:0;mask-image:${none};-webkit-mask-image:${none}" ` +
          `width="600" height="420" src="https://mail-machine.test:${httpsPort()}/enroll/${name}.html"></iframe>`,
      );
  }
  return routes;
}
