/**
 * The three pages of the content-script CPU benchmark (issue 16), served by the fixture server:
 * an ordinary article, a heavy page (3000 elements, 200 images, 12 canvases), and a page that mutates
 * its DOM every 10 ms for 10 s while adding 200 QR-sized images (real QR codes of plain URLs, so the
 * extension's QR path runs on every one and finds nothing to enroll).
 */
import { crc32, deflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import type { RouteBody } from '../e2e/server';

/** A w×h RGB PNG of a smooth gradient (a photo stand-in: not QR-shaped, not blank). */
function gradientPng(w: number, h: number, seed: number): Buffer {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) raw.set([(x * 255) / w, (y * 255) / h, (seed * 37) & 255], y * (w * 3 + 1) + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const para = (i: number) =>
  `<p>Paragraph ${i}: the council met on Tuesday to discuss the budget, the new library wing and the state of the roads; ` +
  `residents asked <a href="/more/${i}">questions</a> about parking, schools and the <em>timetable</em> of the works.</p>`;

const article = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council news</title>
<style>body{font:16px/1.5 serif;max-width:42em;margin:auto}nav a{margin-right:1em}img{max-width:100%}</style></head><body>
<header><nav>${['Home', 'World', 'Local', 'Sport', 'Culture', 'Opinion'].map((n) => `<a href="/${n}">${n}</a>`).join('')}</nav></header>
<main><article><h1>Council approves the library wing</h1><p class="byline">By A. Reporter · 5 December</p>
<img src="/photo/1.png" width="640" height="360" alt="">${Array.from({ length: 8 }, (_, i) => para(i)).join('')}
<img src="/photo/2.png" width="640" height="360" alt="">${Array.from({ length: 6 }, (_, i) => para(i + 8)).join('')}</article>
<aside><h2>Related</h2><ul>${Array.from({ length: 6 }, (_, i) => `<li><a href="/r/${i}">Related story ${i}</a></li>`).join('')}</ul></aside></main>
<footer><form action="/search"><input name="q" placeholder="Search"><button>Go</button></form></footer>
<script>document.querySelector('.byline').title = new Date().toDateString();</script></body></html>`;

// 3000 elements: 200 cards of 14 elements (+ page chrome), 200 images, 12 canvases the page draws.
const heavy = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<style>.card{display:inline-block;width:180px;margin:4px;vertical-align:top}canvas{width:300px;height:150px}</style></head><body>
${Array.from(
  { length: 200 },
  (_, i) => `<div class="card"><img src="/photo/${i}.png" width="160" height="100" alt="">
<h3><a href="/p/${i}">Product ${i}</a></h3><p><span>€${i}.99</span> <s>€${i + 5}.99</s></p><ul><li>Size</li><li>Colour</li><li>Stock</li></ul>
<label>Qty <input type="number" value="1"></label><button>Add</button><small>Ships in 2 days</small></div>`,
).join('')}
${Array.from({ length: 12 }, (_, i) => `<canvas id="c${i}" width="300" height="150"></canvas>`).join('')}
<script>for (let i = 0; i < 12; i++) { const g = document.getElementById('c' + i).getContext('2d');
  for (let x = 0; x < 300; x += 10) { g.fillStyle = 'hsl(' + (x + i * 30) + ',60%,50%)'; g.fillRect(x, 0, 10, 150 - (x * i) % 150); } }</script></body></html>`;

// Every 10 ms for 10 s: rewrite 20 text nodes, toggle classes, add and remove a node; every 50 ms one
// more 200×200 QR image (200 in all). window.__done is set when the 10 s are over.
const mutating = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live feed</title></head><body>
<div id="ticker">${Array.from({ length: 20 }, (_, i) => `<span id="t${i}">0</span> `).join('')}</div><div id="feed"></div><div id="gallery"></div>
<script>const start = performance.now(); let n = 0, images = 0;
const timer = setInterval(() => {
  n++;
  for (let i = 0; i < 20; i++) document.getElementById('t' + i).textContent = String((n * (i + 1)) % 997);
  document.body.classList.toggle('odd', n % 2 === 1);
  const item = document.createElement('div'); item.textContent = 'event ' + n; document.getElementById('feed').prepend(item);
  const feed = document.getElementById('feed'); if (feed.childElementCount > 30) feed.lastElementChild.remove();
  if (n % 5 === 0 && images < 200) { const img = new Image(200, 200); img.alt = ''; img.src = '/qr/' + images++ + '.png'; document.getElementById('gallery').append(img); }
  if (performance.now() - start >= 10000) { clearInterval(timer); window.__done = true; }
}, 10);</script></body></html>`;

const photos = new Map<number, Buffer>();
const qrs = new Map<number, Buffer>();

/** Routes for the fixture server: the three pages, /photo/N.png and /qr/N.png. */
export async function contentPageRoutes(): Promise<Record<string, () => RouteBody>> {
  for (let i = 0; i < 200; i++) {
    photos.set(i, gradientPng(i < 3 ? 640 : 160, i < 3 ? 360 : 100, i));
    qrs.set(i, await QRCode.toBuffer(`https://shop.example/item/${i}`, { width: 200, margin: 2 }));
  }
  const routes: Record<string, () => RouteBody> = {
    '/article.html': () => article,
    '/heavy.html': () => heavy,
    '/mutating.html': () => mutating,
  };
  for (const [i, png] of photos)
    routes[`/photo/${i}.png`] = () => ({ status: 200, headers: { 'cache-control': 'no-store' }, body: png });
  for (const [i, png] of qrs)
    routes[`/qr/${i}.png`] = () => ({ status: 200, headers: { 'cache-control': 'no-store' }, body: png });
  return routes;
}
