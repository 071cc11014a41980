import { afterAll, beforeAll, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { distDir, launchWithExtension, type LoadedExtension } from '../e2e/harness';
import { call, openPopup, PASSWORD } from '../e2e/popup-helpers';
import { encodeMigration, parseOtpauthUri } from '../../src/core/otpauth-uri';
import { codeAt } from '../../src/core/otp';
import { encodeBase32 } from '../../src/core/bytes/base32';
import { fmt } from './stats';

// Popup open → first correct code visible, with 1000 accounts, in real Chromium. The baseline is the
// same popup opened while locked (extension page + preact + one status round trip + the unlock form).
const RUNS = 10;
let ext: LoadedExtension;

/** Records, in the page, when the first code (or the unlock form) appears, on the navigation clock. */
const probe = () => {
  const w = window as unknown as { __firstCode?: { at: number; text: string }; __unlockForm?: number };
  new MutationObserver(() => {
    const code = document.querySelector('[data-testid=code]');
    if (!w.__firstCode && code && /\d/.test(code.textContent ?? '')) w.__firstCode = { at: performance.now(), text: code.textContent ?? '' };
    if (!w.__unlockForm && document.querySelector('#unlock-title')) w.__unlockForm = performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true });
};

/** A distinct 20-byte key for account i. */
const secretOf = (i: number) => new Uint8Array(20).map((_, j) => (j === 0 ? i >> 8 : j === 1 ? i & 255 : (j * 31 + 3) % 256));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function timeOpen(until: '__firstCode' | '__unlockForm'): Promise<{ ms: number; text: string; page: Page }> {
  const page = await openPopup(ext);
  const result = await page.waitForFunction((key) => (window as unknown as Record<string, unknown>)[key], until, { timeout: 20_000 });
  const value = (await result.jsonValue()) as number | { at: number; text: string };
  return typeof value === 'number' ? { ms: value, text: '', page } : { ms: value.at, text: value.text, page };
}

/** The popup's entry script and everything it imports statically (lazy chunks, like the QR encoder, excluded). */
function staticImports(): Set<string> {
  const entry = readFileSync(join(distDir, 'src/popup/index.html'), 'utf8').match(/src="\/([^"]+\.js)"/)?.[1];
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(join(distDir, file), 'utf8');
    for (const [, dep] of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(join(file, '..', dep!));
  };
  if (entry) visit(entry);
  return files;
}

beforeAll(async () => {
  ext = await launchWithExtension();
  await ext.context.addInitScript(probe);
  const page = await openPopup(ext);
  await call(page, { type: 'vault/create', password: PASSWORD });
  const accounts = Array.from({ length: 1000 }, (_, i) => ({
    ...parseOtpauthUri(`otpauth://totp/Bench:user${i}?issuer=Bench%20${String(i).padStart(4, '0')}&secret=${encodeBase32(secretOf(i))}`),
  }));
  await call(page, { type: 'accounts/add-uri', uri: encodeMigration({ accounts, version: 1, batchSize: 1, batchIndex: 0, batchId: 1 }) });
  await page.close();
}, 120_000);

afterAll(async () => ext?.close());

it('popup: 1000 accounts, open → first correct code visible', async () => {
  const list = await (async () => {
    const p = await openPopup(ext);
    const value = await call<{ accounts: { id: string }[] }>(p, { type: 'accounts/list' });
    await p.close();
    return value;
  })();
  expect(list.accounts).toHaveLength(1000);
  const first = parseOtpauthUri(`otpauth://totp/x?secret=${encodeBase32(secretOf(0))}`);

  const unlocked: number[] = [];
  const jsFiles = staticImports();
  for (let i = 0; i < RUNS; i++) {
    const { ms, text, page } = await timeOpen('__firstCode');
    const now = Date.now();
    expect([codeAt(first, now), codeAt(first, now - 2000)]).toContain(text.replace(/\s/g, ''));
    unlocked.push(ms);
    await page.close();
  }
  const lockPage = await openPopup(ext);
  await call(lockPage, { type: 'vault/lock' });
  await lockPage.close();
  const locked: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const { ms, page } = await timeOpen('__unlockForm');
    locked.push(ms);
    await page.close();
  }
  const sizes = [...jsFiles].map((file) => readFileSync(join(distDir, file)));
  const raw = sizes.reduce((n, b) => n + b.length, 0);
  const gz = sizes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
  console.log(
    [
      '',
      `popup benchmark (Chromium, ${RUNS} opens each, medians; navigation start → element visible)`,
      `  1000 accounts: first correct code visible   ${fmt(median(unlocked))}   (min ${fmt(Math.min(...unlocked))}, max ${fmt(Math.max(...unlocked))})`,
      `  baseline, locked popup: unlock form visible ${fmt(median(locked))}`,
      `  ratio                                       ${(median(unlocked) / median(locked)).toFixed(2)}×`,
      `  popup JS loaded at open: ${jsFiles.size} files, ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip`,
      '',
    ].join('\n'),
  );
}, 300_000);
