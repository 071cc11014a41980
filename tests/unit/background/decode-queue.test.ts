/**
 * The background's decode queue and per-tab budget (enroll/decode-queue.ts), alone and as
 * authenticatorUri uses it: a page that offers dozens of huge images gets a few decodes, one at a
 * time, and another tab's QR still decodes.
 */
import { describe, expect, it } from 'vitest';
import {
  BASE_COST,
  BUDGET_PIXELS,
  DecodeRefused,
  decodeQueue,
  MAX_READ_PIXELS,
} from '../../../src/background/enroll/decode-queue';
import {
  authenticatorUri,
  PIXELS_PER_DATA_URL_CHAR,
  type DecodeDeps,
} from '../../../src/background/enroll/decode-source';
import type { RgbaImage } from '../../../src/core/qr';
import { MAX_DATA_URL } from '../../../src/shared/image-limits';
import { bombPng, pngChunk } from '../qr/image-headers';

const tick = () => new Promise<void>((r) => setTimeout(r, 0));
const sender = (tabId: number) => ({ tab: { id: tabId }, frameId: 0, url: 'https://evil.test/' });

describe('decodeQueue', () => {
  it('runs one task at a time, tabs taking turns', async () => {
    const queue = decodeQueue();
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string) => async () => {
      most = Math.max(most, ++running);
      await tick();
      order.push(name);
      running--;
    };
    await Promise.all([
      queue.run(1, task('a1')),
      queue.run(1, task('a2')),
      queue.run(1, task('a3')),
      queue.run(2, task('b1')),
    ]);
    expect(most).toBe(1);
    expect(order).toEqual(['a1', 'a2', 'b1', 'a3']);
  });

  it('refuses what a tab cannot pay for, refills over a minute, and keeps tabs apart', () => {
    let now = 0;
    const queue = decodeQueue(() => now);
    for (let i = 0; i < BUDGET_PIXELS / MAX_READ_PIXELS; i++) queue.charge(1, MAX_READ_PIXELS);
    expect(() => queue.charge(1, MAX_READ_PIXELS)).toThrow(DecodeRefused);
    queue.charge(2, MAX_READ_PIXELS); // another tab: its own budget
    now += 6_000; // a tenth of a minute: a tenth of the budget back
    queue.charge(1, BUDGET_PIXELS / 10);
    expect(() => queue.charge(1, BASE_COST)).toThrow(DecodeRefused);
  });

  it('a navigation drops the tab’s waiting tasks but keeps its budget; closing the tab forgets both', async () => {
    const queue = decodeQueue(() => 0);
    let release!: () => void;
    const first = queue.run(1, () => new Promise<void>((r) => (release = r)));
    const waiting = queue.run(1, async () => 'decoded');
    const other = queue.run(2, async () => 'other tab');
    await tick();
    queue.charge(1, BUDGET_PIXELS);
    // The tab's top frame offers a candidate from a new document: the old one's waiting tasks go.
    queue.topDocument(1, 'doc-a');
    queue.topDocument(1, 'doc-a'); // the same document again: nothing dropped
    let settled = false;
    void waiting.catch(() => undefined).finally(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
    const stays = queue.run(1, async () => 'same page');
    queue.topDocument(1, 'doc-b');
    await expect(waiting).rejects.toBeInstanceOf(DecodeRefused);
    await expect(stays).rejects.toBeInstanceOf(DecodeRefused);
    expect(() => queue.charge(1, BASE_COST)).toThrow(DecodeRefused);
    release();
    await first;
    await expect(other).resolves.toBe('other tab');
    queue.forgetTab(1);
    queue.charge(1, BUDGET_PIXELS);
  });
});

describe('authenticatorUri under a flood of huge images', () => {
  /**
   * A fetched "image" declaring `side`×`side` pixels (its header is all the budget reads; 2000×2000 is
   * the most a page may offer, read at 1 MP); the decoder is a fake.
   */
  function deps(queue = decodeQueue(), side = 2000) {
    const stats = { decodes: 0, running: 0, most: 0, pixels: 0 };
    const huge = new Blob([new Uint8Array(bombPng(side, side))], { type: 'image/png' });
    const qr = new Blob([new Uint8Array(bombPng(300, 300))], { type: 'image/png' });
    const d: DecodeDeps = {
      queue,
      fetchImage: async (url) => (url.pathname.includes('real') ? qr : huge),
      toRgba: async (blob) => {
        stats.decodes++;
        stats.most = Math.max(stats.most, ++stats.running);
        await tick();
        stats.running--;
        const side = blob === huge ? Math.floor(Math.sqrt(MAX_READ_PIXELS)) : 300;
        stats.pixels = Math.max(stats.pixels, side * side);
        return { width: side, height: side, data: new Uint8ClampedArray(0) } as RgbaImage;
      },
      decode: async (image) =>
        image.width === 300 ? 'otpauth://totp/Bank:me?secret=JBSWY3DPEHPK3PXP&issuer=Bank' : null,
    };
    return { d, stats };
  }

  it('an image declaring over 4 MP (4096×4096) is no candidate, never decoded, and spends only its base cost', async () => {
    const { d, stats } = deps(decodeQueue(), 4096);
    const offer = (url: string) =>
      authenticatorUri({ kind: 'url', url }, 'https://evil.test', sender(5), d).then(
        (r) => r,
        (error: unknown) => (error instanceof DecodeRefused ? 'refused' : 'not a candidate'),
      );
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => offer(`https://evil.test/${i}.png`)));
    expect(outcomes).toEqual(Array(40).fill('not a candidate'));
    // The same page's real QR, offered after the 40, still decodes: they did not spend its budget.
    expect(await offer('https://evil.test/real.png')).toMatchObject({
      isQr: true,
      uri: expect.stringMatching(/^otpauth:/),
    });
    expect(stats.decodes).toBe(1);
  });

  it('a tab offering 40 big (4 MP) images gets a few decodes, one at a time; another tab’s QR still decodes', async () => {
    const { d, stats } = deps();
    const offered = Array.from({ length: 40 }, (_, i) =>
      authenticatorUri({ kind: 'url', url: `https://evil.test/${i}.png` }, 'https://evil.test', sender(1), d).then(
        () => 'decoded',
        (error: unknown) => (error instanceof DecodeRefused ? 'refused' : 'failed'),
      ),
    );
    const victim = authenticatorUri(
      { kind: 'url', url: 'https://bank.test/real.png' },
      'https://bank.test',
      sender(2),
      d,
    );
    const outcomes = await Promise.all(offered);
    expect((await victim).uri).toMatch(/^otpauth:/);
    const decoded = outcomes.filter((o) => o === 'decoded').length;
    expect(decoded).toBeLessThanOrEqual(Math.floor(BUDGET_PIXELS / (MAX_READ_PIXELS + BASE_COST)));
    expect(decoded).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(40 - decoded);
    expect(stats.most).toBe(1);
    expect(stats.pixels).toBeLessThanOrEqual(MAX_READ_PIXELS);
  });

  it('control: a setup page’s two QRs and a gallery of 300 small QRs in one tab are all decoded', async () => {
    const { d, stats } = deps();
    const small = `data:image/png;base64,${bombPng(123, 123).toString('base64')}`;
    const all = await Promise.all([
      authenticatorUri({ kind: 'url', url: 'https://bank.test/real.png' }, 'https://bank.test', sender(3), d),
      authenticatorUri({ kind: 'url', url: 'https://bank.test/real-2.png' }, 'https://bank.test', sender(3), d),
      ...Array.from({ length: 300 }, () =>
        authenticatorUri({ kind: 'png', dataUrl: small }, 'https://g.test', sender(4), d),
      ),
    ]);
    expect(all).toHaveLength(302);
    expect(stats.decodes).toBe(302);
  });
});

describe('authenticatorUri under a flood of padded data: URLs', () => {
  /**
   * A 164×164 PNG (the review's QR) whose base64 data: URL is padded with a text chunk to about
   * `chars` characters: few pixels, many bytes. The decoder is a fake that reads every image as a QR.
   */
  function paddedDataUrl(chars: number): string {
    const png = bombPng(164, 164);
    const pad = pngChunk(
      'tEXt',
      Buffer.concat([Buffer.from('Comment\0'), Buffer.alloc(Math.floor((chars * 3) / 4), 97)]),
    );
    return `data:image/png;base64,${Buffer.concat([png.subarray(0, 33), pad, png.subarray(33)]).toString('base64')}`;
  }
  function deps(queue = decodeQueue()) {
    const stats = { decodes: 0 };
    const d: DecodeDeps = {
      queue,
      fetchImage: async () => null,
      toRgba: async (_blob, declared) => {
        stats.decodes++;
        return { ...declared, data: new Uint8ClampedArray(0) } as RgbaImage;
      },
      decode: async () => 'otpauth://totp/Bank:me?secret=JBSWY3DPEHPK3PXP&issuer=Bank',
    };
    return { d, stats };
  }
  const offer = (d: DecodeDeps, dataUrl: string, tabId: number) =>
    authenticatorUri({ kind: 'png', dataUrl }, 'https://evil.test', sender(tabId), d).then(
      (r) => (r.uri ? 'decoded' : 'not a candidate'),
      (error: unknown) => (error instanceof DecodeRefused ? 'refused' : 'failed'),
    );

  it('a data: URL over MAX_DATA_URL is no candidate, never decoded, and spends only its base cost', async () => {
    const { d, stats } = deps();
    const over = paddedDataUrl(MAX_DATA_URL + 1024);
    expect(over.length).toBeGreaterThan(MAX_DATA_URL);
    const outcomes = await Promise.all(Array.from({ length: 40 }, () => offer(d, over, 6)));
    expect(outcomes).toEqual(Array(40).fill('not a candidate'));
    expect(stats.decodes).toBe(0);
    // All the tab's budget but the 40 base costs is left.
    expect(() => d.queue.charge(6, BUDGET_PIXELS - 41 * BASE_COST)).not.toThrow();
  });

  it('a data: URL is paid for by its length: 60 small QRs padded to ~1 MB get ~18 decodes; another tab’s QR still decodes', async () => {
    const { d, stats } = deps();
    const padded = paddedDataUrl(MAX_DATA_URL - 4096);
    expect(padded.length).toBeLessThanOrEqual(MAX_DATA_URL);
    const outcomes = await Promise.all(Array.from({ length: 60 }, () => offer(d, padded, 7)));
    const decoded = outcomes.filter((o) => o === 'decoded').length;
    const cost = BASE_COST + padded.length * PIXELS_PER_DATA_URL_CHAR + 164 * 164;
    expect(decoded).toBeLessThanOrEqual(Math.floor(BUDGET_PIXELS / cost));
    expect(decoded).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === 'refused')).toHaveLength(60 - decoded);
    expect(stats.decodes).toBe(decoded);
    // Another tab's plain QR is not held up by it.
    expect(await offer(d, `data:image/png;base64,${bombPng(164, 164).toString('base64')}`, 8)).toBe('decoded');
  });
});
