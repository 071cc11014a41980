/**
 * Fixtures for "enroll by clicking the QR on the setup page": one account (or export) per case, the
 * QR images generated at test time with the `qrcode` package (nothing binary is committed), and the
 * `extra` routes for serveFixtures that render the HTML templates in tests/fixtures/pages/enroll.
 *
 * Every case lives on its own *.test hostname, so an account bound to one case's site never
 * autofills another case's confirmation field. The hostname spells the issuer (`Same Origin Bank` on
 * same-origin-bank.test): a key is bound to the page's site only when its issuer names it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { encodeMigration } from '../../src/core/otpauth-uri';
import type { ParsedAccount } from '../../src/core/otpauth-uri';
import type { IncomingMessage } from 'node:http';
import { repoRoot } from './harness';
import type { RouteBody } from './server';
import { pngChunk } from '../unit/qr/image-headers';

export type Routes = Record<string, (req: IncomingMessage) => RouteBody>;

export const TEMPLATE_DIR = join(repoRoot, 'tests/fixtures/pages/enroll');

export interface EnrollCase {
  /** Short name, also the image file name under /enroll/img/. */
  key: string;
  /** Hostname the page is visited on (every *.test name reaches the fixture server). */
  host: string;
  /** Page path, rendered from tests/fixtures/pages/enroll/<template>. */
  path: string;
  issuer: string;
  account: string;
  /** What the QR encodes: an otpauth:// URI, an otpauth-migration:// URI, or (decoy) a web address. */
  text: string;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** 20 distinct key bytes per name (SHA-1 of it): every case has its own secret. */
export function secretBytes(name: string): Uint8Array {
  return new Uint8Array(createHash('sha1').update(`clickauth-enroll:${name}`).digest());
}

export function totpUri(issuer: string, account: string, name = issuer): string {
  const e = encodeURIComponent;
  return `otpauth://totp/${e(issuer)}:${e(account)}?secret=${base32(secretBytes(name))}&issuer=${e(issuer)}&algorithm=SHA1&digits=6&period=30`;
}

function totpCase(key: string, host: string, template: string, issuer: string, account: string): EnrollCase {
  return { key, host, path: `/enroll/${template}`, issuer, account, text: totpUri(issuer, account, key) };
}

/** The three accounts of the Google Authenticator export case. */
export const EXPORT_ACCOUNTS: ParsedAccount[] = ['Export Alpha', 'Export Beta', 'Export Gamma'].map((issuer, i) => ({
  type: 'totp',
  secret: secretBytes(`export-${i}`),
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  issuer,
  account: `user${i + 1}@export.test`,
}));

export const CASES = {
  dataUri: totpCase('data-uri', 'data-uri-co.test', 'data-uri.html', 'Data URI Co', 'alice@data-uri.test'),
  sameOrigin: totpCase(
    'same-origin',
    'same-origin-bank.test',
    'same-origin-png.html',
    'Same Origin Bank',
    'bob@png.test',
  ),
  svgImg: totpCase('svg-img', 'vector-mail.test', 'svg-img.html', 'Vector Mail', 'carol@svg-img.test'),
  crossOrigin: totpCase(
    'cross-origin',
    'cross-origin-cloud.test',
    'cross-origin.html',
    'Cross Origin Cloud',
    'dave@setup.test',
  ),
  canvas: totpCase('canvas', 'canvas-works.test', 'canvas.html', 'Canvas Works', 'erin@canvas.test'),
  resizedCanvas: totpCase(
    'resized-canvas',
    'resized-canvas.test',
    'resized-canvas.html',
    'Resized Canvas',
    'rupert@resized.test',
  ),
  inlineSvg: totpCase(
    'inline-svg',
    'inline-vector-ltd.test',
    'inline-svg.html',
    'Inline Vector Ltd',
    'frank@inline-svg.test',
  ),
  otpauthLink: totpCase('otpauth-link', 'linked-git.test', 'otpauth-link.html', 'Linked Git', 'grace@link.test'),
  revealed: totpCase('revealed', 'late-modal-inc.test', 'revealed.html', 'Late Modal Inc', 'heidi@reveal.test'),
  darkInverted: totpCase(
    'dark-inverted',
    'night-mode-net.test',
    'dark-inverted.html',
    'Night Mode Net',
    'ivan@dark.test',
  ),
  retina: totpCase('retina', 'retina-hosting.test', 'retina.html', 'Retina Hosting', 'judy@retina.test'),
  chartUrl: totpCase('chart-url', 'chart-api-corp.test', 'chart-url.html', 'Chart API Corp', 'mallory@chart.test'),
  duplicate: totpCase('duplicate', 'already-there.test', 'duplicate.html', 'Already There', 'niaj@duplicate.test'),
  synthetic: totpCase(
    'synthetic',
    'synthetic.test',
    'synthetic-click.html',
    'Synthetic Click Co',
    'olivia@synthetic.test',
  ),
  locked: totpCase('locked', 'locked-vault-co.test', 'locked.html', 'Locked Vault Co', 'peggy@locked.test'),
  backupCodes: totpCase(
    'backup-codes',
    'backup-codes-co.test',
    'backup-codes.html',
    'Backup Codes Co',
    'quinn@backup.test',
  ),
  tableQr: totpCase('table-qr', 'table.test', 'table-qr.html', 'Table Cells Ltd', 'rupert@table.test'),
  // Issue 18: a QR in a modal <dialog> (showModal), in a page popover, an SVG in <object>/<embed>.
  modalDialog: totpCase('modal-dialog', 'modal-dialog.test', 'modal-dialog.html', 'Modal Dialog', 'wendy@modal.test'),
  popoverQr: totpCase('popover-qr', 'popover-apps.test', 'popover-qr.html', 'Popover Apps', 'xavier@popover.test'),
  objectSvg: totpCase('object-svg', 'object-vector.test', 'object-svg.html', 'Object Vector', 'yara@object.test'),
  embedSvg: totpCase('embed-svg', 'embed-vector.test', 'embed-svg.html', 'Embed Vector', 'zoe@embed.test'),
  closedShadow: totpCase(
    'closed-shadow',
    'closed-shadow-gmbh.test',
    'closed-shadow.html',
    'Closed Shadow GmbH',
    'sybil@shadow.test',
  ),
  shadowCss: totpCase('shadow-css', 'shadow-css.test', 'shadow-css.html', 'Styled Shadow Inc', 'trent@shadow-css.test'),
  /** Attack page on evil-shadow.test: its closed shadow root shows victim-bank.test's QR image as a CSS background. */
  shadowCssCross: totpCase(
    'shadow-css-cross',
    'evil-shadow.test',
    'shadow-css-cross.html',
    'Victim Bank',
    'uma@victim-bank.test',
  ),
  /** The same attack through the page's own origin: a same-origin CSS url() that redirects to victim-bank.test's image. */
  shadowCssRedirect: totpCase(
    'shadow-css-redirect',
    'evil-redirect.test',
    'shadow-css-redirect.html',
    'Victim Bank Two',
    'victor@victim-bank.test',
  ),
  googleExport: {
    key: 'google-export',
    host: 'export.test',
    path: '/enroll/google-export.html',
    issuer: '',
    account: '',
    text: encodeMigration({ accounts: EXPORT_ACCOUNTS, version: 1, batchSize: 1, batchIndex: 0, batchId: 424242 }),
  },
  decoy: {
    key: 'decoy',
    host: 'decoy.test',
    path: '/enroll/decoy.html',
    issuer: 'Decoy App',
    account: '',
    text: 'https://decoy.test/download-our-app?ref=2fa-setup',
  },
} satisfies Record<string, EnrollCase>;

export type CaseName = keyof typeof CASES;

export { plausibleCodes } from './codes';

// ---------------------------------------------------------------------------------------------
// Images

interface PngOptions {
  margin?: number;
  scale?: number;
  dark?: string;
  light?: string;
}

export function qrPng(
  text: string,
  { margin = 4, scale = 5, dark = '#000000ff', light = '#ffffffff' }: PngOptions = {},
): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin, scale, color: { dark, light } });
}

/** Standalone SVG file (white background, as QR libraries write it). */
export function qrSvgFile(text: string, width = 220): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, width });
}

/** Inline SVG for HTML: transparent background (no background path at all), dark modules only. */
export async function qrSvgInline(text: string, width = 200, margin = 2): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin,
    width,
    color: { dark: '#111111ff', light: '#00000000' },
  });
  return svg.replace('<svg ', '<svg data-test="qr" role="img" aria-label="QR code" ').trim();
}

/** The module matrix as rows of "0"/"1", for pages that draw the QR themselves (a canvas library). */
export function qrMatrix(text: string): string[] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const rows: string[] = [];
  for (let y = 0; y < modules.size; y++) {
    let row = '';
    for (let x = 0; x < modules.size; x++) row += modules.get(y, x) ? '1' : '0';
    rows.push(row);
  }
  return rows;
}

/** Side in pixels of qrPng(text, {margin, scale}). */
export function qrPngSide(text: string, margin = 4, scale = 5): number {
  return (QRCode.create(text, { errorCorrectionLevel: 'M' }).modules.size + 2 * margin) * scale;
}

/** Minimal PNG encoder (RGBA, 8 bit) for images that are not QR codes: photos, avatars, banners. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The chunks of a PNG file: type and data, in order. */
function pngChunks(png: Buffer): { type: string; data: Buffer }[] {
  const out: { type: string; data: Buffer }[] = [];
  for (let i = 8; i + 8 <= png.length;) {
    const length = png.readUInt32BE(i);
    out.push({ type: png.toString('latin1', i + 4, i + 8), data: png.subarray(i + 8, i + 8 + length) });
    i += 12 + length;
  }
  return out;
}

/**
 * An animated PNG (APNG 1.0) of PNGs of one size and format (two QRs of the same version): the first is
 * the default image, the one a decoder without animation shows; each shows for its `delayMs`, looping.
 */
export function apng(frames: { png: Buffer; delayMs: number }[]): Buffer {
  const first = pngChunks(frames[0]!.png);
  const ihdr = first.find((c) => c.type === 'IHDR')!.data;
  const before = first.filter((c) => c.type !== 'IHDR' && c.type !== 'IDAT' && c.type !== 'IEND');
  const u32 = (...n: number[]) =>
    Buffer.concat(n.map((v) => Buffer.from([v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff])));
  const u16 = (n: number) => Buffer.from([n >>> 8, n & 0xff]);
  let sequence = 0;
  const out = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr)];
  out.push(...before.map((c) => pngChunk(c.type, c.data)));
  out.push(pngChunk('acTL', u32(frames.length, 0)));
  frames.forEach(({ png, delayMs }, i) => {
    // fcTL: sequence, width, height, x, y, delay (ms / 1000), dispose none, blend source.
    const control = Buffer.concat([
      u32(sequence++, ihdr.readUInt32BE(0), ihdr.readUInt32BE(4), 0, 0),
      u16(delayMs),
      u16(1000),
      Buffer.from([0, 0]),
    ]);
    out.push(pngChunk('fcTL', control));
    for (const { type, data } of pngChunks(png).filter((c) => c.type === 'IDAT'))
      out.push(i === 0 ? pngChunk(type, data) : pngChunk('fdAT', Buffer.concat([u32(sequence++), data])));
  });
  out.push(pngChunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(out);
}

/** A square "photo" (gradient, blobs, blocks of colour): QR-shaped by size, but no QR in it. */
export function photoPng(seed: number, side = 96): Buffer {
  let state = seed * 2654435761 + 1;
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const [r0, g0, b0] = [random() * 255, random() * 255, random() * 255];
  const blocks = Array.from({ length: 6 }, () => ({
    x: random() * side,
    y: random() * side,
    r: 6 + random() * side * 0.3,
    c: [random() * 255, random() * 255, random() * 255],
  }));
  const data = new Uint8Array(side * side * 4);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const i = (y * side + x) * 4;
      let c = [r0 * (x / side), g0 * (y / side), b0 * (1 - x / side)];
      for (const b of blocks) if ((x - b.x) ** 2 + (y - b.y) ** 2 < b.r ** 2) c = b.c;
      data.set([c[0]!, c[1]!, c[2]!, 255], i);
    }
  }
  return encodePng(side, side, data);
}

// ---------------------------------------------------------------------------------------------
// Pages

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** "ABCD EFGH IJKL …": how setup pages print the key for "Can't scan?". */
export const keyGroups = (uri: string) =>
  (/[?&]secret=([A-Z2-7]+)/i.exec(uri)?.[1] ?? '').replace(/(.{4})(?=.)/g, '$1 ');

const RETINA = { margin: 4, scale: 4 };

function render(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{([A-Z0-9_]+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`enroll fixture: no value for ${whole}`);
    return value;
  });
}

/**
 * The `extra` routes for serveFixtures: every enroll page (templates with the case's QR filled in)
 * and every image. `port` is read at request time (the server's port is known only once it listens):
 *   let server: FixtureServer;
 *   server = await serveFixtures(root, await enrollRoutes(() => server.port));
 */
export async function enrollRoutes(port: () => number): Promise<Routes> {
  const routes: Routes = {};
  for (const c of Object.values(CASES) as EnrollCase[]) {
    const png = await qrPng(c.text);
    const pngOptions =
      c.key === 'dark-inverted' ? { dark: '#e8e8e8ff', light: '#16181dff' } : c.key === 'retina' ? RETINA : {};
    const shown = await qrPng(c.text, pngOptions);
    routes[`/enroll/img/${c.key}.png`] = () => shown;
    routes[`/enroll/img/${c.key}.svg`] = await qrSvgFile(c.text).then((svg) => () => svg);
    routes[`/enroll/redirect/${c.key}.png`] = () => ({
      redirect: `http://victim-bank.test:${port()}/enroll/img/${c.key}.png`,
    });
    const inline = await qrSvgInline(c.text);
    const template = readFileSync(join(TEMPLATE_DIR, c.path.replace('/enroll/', '')), 'utf8');
    const values = (): Record<string, string> => ({
      ISSUER: escapeHtml(c.issuer),
      ACCOUNT: escapeHtml(c.account),
      KEY: keyGroups(c.text),
      IMG: `/enroll/img/${c.key}.png`,
      REDIRECT: `/enroll/redirect/${c.key}.png`,
      SVG_IMG: `/enroll/img/${c.key}.svg`,
      PNG_BASE64: (c.key === 'dark-inverted' ? shown : png).toString('base64'),
      URI_ATTR: escapeHtml(c.text),
      CHL: encodeURIComponent(c.text),
      SVG: inline,
      MATRIX: JSON.stringify(qrMatrix(c.text)),
      RETINA_WIDTH: String(qrPngSide(c.text, RETINA.margin, RETINA.scale) / 2),
      PORT: String(port()),
    });
    routes[c.path] = () => render(template, values());
  }
  // The chart service (its own hostname, like chart.googleapis.com): the URI is in the query, and the
  // image it returns is the same QR (the server ignores the query, the page only asks for one).
  const chart = await qrPng(CASES.chartUrl.text, { margin: 2, scale: 4 });
  routes['/chart'] = () => chart;
  return routes;
}

// ---------------------------------------------------------------------------------------------
// Benchmark pages

/** Account of benchmark run `n` (a new secret and a new site each run, so nothing is a duplicate). */
export function benchCase(n: number): EnrollCase {
  return totpCase(`bench-${n}`, `bench-${n}.test`, `bench/${n}.html`, `Bench Co ${n}`, `run${n}@bench.test`);
}

/** A compact setup page for benchmark run `n`: data-URI PNG QR, the confirmation field, timing hooks. */
export async function benchEnrollPage(n: number): Promise<string> {
  const c = benchCase(n);
  const png = (await qrPng(c.text)).toString('base64');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bench Co – set up two-step verification</title>
<style>body{font:15px system-ui;margin:40px}</style>
<script>
  window.__enroll = { down: null, filled: null };
  document.addEventListener('mousedown', (e) => { if (e.isTrusted && window.__enroll.down === null) window.__enroll.down = performance.now(); }, true);
  document.addEventListener('input', (e) => {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.name === 'code' && /^\\d{6}$/.test(t.value) && window.__enroll.filled === null) window.__enroll.filled = performance.now();
  }, true);
</script></head>
<body>
<h1>Set up two-step verification</h1>
<form>
  <p>Scan this QR code with your authenticator app.</p>
  <img data-test="qr" alt="QR code" width="${qrPngSide(c.text)}" height="${qrPngSide(c.text)}" src="data:image/png;base64,${png}">
  <p>Can't scan? Enter this key: <code>${keyGroups(c.text)}</code></p>
  <label for="code">Enter the 6-digit code</label>
  <input id="code" autocomplete="off" name="code" inputmode="numeric" maxlength="6">
  <button>Verify</button>
</form>
</body></html>`;
}

/**
 * An ordinary heavy page for the load benchmark: ~3000 elements, 200 square images that are not QR
 * codes, 12 canvases drawn by script; an inline observer sums long tasks (content scripts run on the
 * page's main thread, so their work shows there).
 */
export function heavyPage(): string {
  const cards: string[] = [];
  for (let i = 0; i < 200; i++) {
    cards.push(`<article class="card">
  <img src="/heavy/img/${i}.png" width="96" height="96" alt="Product ${i}">
  <div><h3>Product ${i}</h3><p>Lorem ipsum dolor sit amet, <b>consectetur</b> adipiscing elit, <i>sed do</i> eiusmod tempor.</p>
  <ul><li>Size ${i % 7}</li><li>Colour ${i % 5}</li><li>Stock ${i * 3}</li></ul>
  <p class="price"><span>$${(i * 1.37).toFixed(2)}</span> <a href="/product/${i}">Details</a> <button>Add</button></p></div>
</article>`);
  }
  const canvases = Array.from(
    { length: 12 },
    (_, i) => `<canvas class="chart" width="120" height="120" data-seed="${i}"></canvas>`,
  ).join('\n');
  const table = Array.from(
    { length: 60 },
    (_, i) => `<tr><td>${i}</td><td>Row ${i}</td><td>${i * 7}</td><td>${i % 3 ? 'ok' : 'late'}</td></tr>`,
  ).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop – all products</title>
<script>
  window.__longTaskMs = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTaskMs += e.duration; }).observe({ type: 'longtask', buffered: true });
</script>
<style>body{font:14px system-ui;margin:20px}.grid{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}.card{display:flex;gap:8px;border:1px solid #ddd;padding:8px}.card h3{margin:0;font-size:15px}</style>
</head><body>
<header><h1>All products</h1><nav><a href="/">Home</a> · <a href="/cart">Cart</a> · <a href="/account">Account</a></nav></header>
<section class="charts">${canvases}</section>
<main class="grid">${cards.join('\n')}</main>
<table><thead><tr><th>#</th><th>Name</th><th>Qty</th><th>State</th></tr></thead><tbody>${table}</tbody></table>
<script>
  for (const canvas of document.querySelectorAll('canvas.chart')) {
    const ctx = canvas.getContext('2d');
    let s = Number(canvas.dataset.seed) + 1;
    const r = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, 120, 120);
    for (let i = 0; i < 12; i++) { ctx.fillStyle = 'hsl(' + Math.floor(r() * 360) + ',60%,55%)'; ctx.fillRect(10 + i * 9, 110 - r() * 90, 7, 120); }
  }
</script>
</body></html>`;
}

/** Routes for the benchmark: `runs` enroll pages and the heavy page with its 200 images. */
export async function benchRoutes(runs: number): Promise<Routes> {
  const routes: Routes = {};
  for (let n = 0; n < runs; n++) {
    const html = await benchEnrollPage(n);
    routes[benchCase(n).path] = () => html;
  }
  const heavy = heavyPage();
  routes['/heavy/index.html'] = () => heavy;
  for (let i = 0; i < 200; i++) {
    const png = photoPng(i);
    routes[`/heavy/img/${i}.png`] = () => png;
  }
  return routes;
}
