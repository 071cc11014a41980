// Draws the toolbar/store icons (public/icons/icon-N.png): a blue rounded square with a white
// countdown ring and a key notch. Run once after changing the design: `node scripts/make-icons.mjs`.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
/** Coverage of one sample point in unit coordinates (0..1): 0 transparent, 1 = background, 2 = white. */
function shade(x, y) {
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return 0;
  const cx = x - 0.5;
  const cy = y - 0.5;
  const d = Math.hypot(cx, cy);
  const angle = Math.atan2(cx, -cy); // 0 at 12 o'clock, clockwise
  const ring = d > 0.26 && d < 0.36 && angle > -Math.PI * 0.75; // three quarters left on the countdown
  const hand = Math.abs(cx) < 0.045 && cy < 0.02 && cy > -0.2;
  const hub = d < 0.07;
  return ring || hand || hub ? 2 : 1;
}
mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const ss = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let a = 0,
        w = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const s = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (s) a++;
          if (s === 2) w++;
        }
      const n = ss * ss;
      const white = a ? w / a : 0;
      const i = (y * size + x) * 4;
      rgba[i] = Math.round(11 + (255 - 11) * white);
      rgba[i + 1] = Math.round(87 + (255 - 87) * white);
      rgba[i + 2] = Math.round(208 + (255 - 208) * white);
      rgba[i + 3] = Math.round((255 * a) / n);
    }
  writeFileSync(`public/icons/icon-${size}.png`, png(size, rgba));
}
