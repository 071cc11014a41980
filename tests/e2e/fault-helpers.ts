/**
 * Helpers of the fault e2e tests: fire a message without waiting for its reply (the service worker is
 * about to be killed), kill the worker at a chosen moment, and read what storage holds afterwards.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { stopServiceWorker, type LoadedExtension } from './harness';
import { encodeBase32 } from '../../src/core/bytes/base32';
import { decodeBase64 } from '../../src/core/bytes/base64';
import { openWithKey } from '../../src/core/crypto';
import { deserializeVault } from '../../src/core/vault';

export type Reply = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

export const send = (page: Page, message: object) =>
  page.evaluate((m) => chrome.runtime.sendMessage(m), message) as Promise<Reply>;

/** Sends `message` and keeps the reply (or the error of a worker that died) on `window.__fired`. */
export async function fire(page: Page, message: object): Promise<void> {
  await page.evaluate((m) => {
    // A worker stopped before it answered: Chrome rejects the send, or (some versions, on a loaded
    // machine) resolves it with no reply at all. Both mean the sender heard nothing back.
    (window as unknown as { __fired: Promise<unknown> }).__fired = chrome.runtime.sendMessage(m).then(
      (r: unknown) => r ?? { ok: false, error: { code: 'no-reply', message: 'the worker stopped before it answered' } },
      (e: unknown) => ({ ok: false, error: { code: 'worker-gone', message: String(e) } }),
    );
  }, message);
}

export const fired = (page: Page) => page.evaluate(() => (window as unknown as { __fired: Promise<Reply> }).__fired);

/** Kills the worker `delayMs` after now (the same CDP call Chrome's own idle stop uses). */
export async function killAfter(ext: LoadedExtension, page: Page, delayMs: number): Promise<void> {
  if (delayMs > 0) await new Promise((done) => setTimeout(done, delayMs));
  await stopServiceWorker(ext, page);
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A TOTP key URI whose secret is unique per (`label`, `n`): the vault refuses a duplicate secret. */
export function keyUri(label: string, n: number): string {
  const seed = [...label].reduce((h, c) => (h * 33 + c.charCodeAt(0)) % 65_521, n);
  const secret = new Uint8Array(20).map((_, i) => (i < 4 ? (seed >> (i * 4)) & 0xff : (seed * 31 + i * 17 + 5) % 256));
  return `otpauth://totp/Fault:${label}${n}?secret=${encodeBase32(secret)}&issuer=Fault`;
}

export interface Stored {
  current: string | undefined;
  previous: string | undefined;
  points: { id: string; blob: string; reason: string }[];
  key: string | undefined;
}

export async function readStored(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const local = await chrome.storage.local.get(['vault.current', 'vault.previous', 'vault.restorePoints']);
    const session = await chrome.storage.session.get('session.vaultKey');
    return {
      current: local['vault.current'] as string | undefined,
      previous: local['vault.previous'] as string | undefined,
      points: (local['vault.restorePoints'] as Stored['points'] | undefined) ?? [],
      key: session['session.vaultKey'] as string | undefined,
    };
  });
}

/** Both generations and every restore point open with the session key; returns the current account count. */
export async function expectAllOpen(stored: Stored): Promise<number> {
  const key = decodeBase64(stored.key!);
  const counts: number[] = [];
  for (const blob of [stored.current!, stored.previous!, ...stored.points.map((p) => p.blob)]) {
    counts.push(deserializeVault(await openWithKey(blob, key)).accounts.length);
  }
  expect(counts.length).toBeGreaterThanOrEqual(2);
  return counts[0]!;
}

export async function accountCount(page: Page): Promise<number> {
  const reply = await send(page, { type: 'accounts/list' });
  expect(reply.ok ? 'ok' : JSON.stringify(reply)).toBe('ok');
  return (reply.value as { accounts: unknown[] }).accounts.length;
}
