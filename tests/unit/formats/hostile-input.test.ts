/**
 * Hostile import files far below MAX_IMPORT_BYTES that made the background spin (review of the import
 * path), and the caps that keep an import bounded: a linear import of each takes milliseconds, so
 * the time limits are generous for a loaded 2-core machine and still far below the quadratic seconds.
 */
import { describe, expect, it } from 'vitest';
import { encodeBase32 } from '../../../src/core/bytes/base32';
import { encodeBase64 } from '../../../src/core/bytes/base64';
import { isCoreError } from '../../../src/core/errors';
import { importFile } from '../../../src/core/formats';

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run().catch(() => undefined);
  return performance.now() - start;
}

const outcomeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'ok',
    (error: unknown) => (isCoreError(error) ? error.code : `untyped ${String(error)}`),
  );

const aegisPlain = (secret: string) =>
  JSON.stringify({
    version: 1,
    header: { slots: null, params: null },
    db: { version: 2, entries: [{ type: 'totp', name: 'me', issuer: 'Evil', info: { secret } }] },
  });

/** `count` distinct keys, one otpauth:// line each. */
function otpauthLines(count: number): string {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const key = new Uint8Array(10);
    new DataView(key.buffer).setUint32(0, i);
    lines.push(`otpauth://totp/I${i}:a?secret=${encodeBase32(key)}`);
  }
  return lines.join('\n');
}

describe('hostile import files stay linear', () => {
  it('a secret of 150,000 "=" then a letter (trailing "=" was trimmed by a quadratic regex)', async () => {
    const line = `otpauth://totp/Evil:me?secret=${'='.repeat(150_000)}A\n`;
    expect(await timed(() => importFile(line))).toBeLessThan(1000);
    const result = await importFile(line);
    expect(result.accounts).toEqual([]);
    expect(result.skipped).toEqual([{ name: '', line: 1, code: 'uri/secret-too-long', reason: expect.any(String) }]);
  });

  it('Aegis plain JSON with the same secret', async () => {
    const file = aegisPlain(`${'='.repeat(150_000)}A`);
    expect(await timed(() => importFile(file))).toBeLessThan(1000);
    expect((await importFile(file)).skipped.map((s) => s.code)).toEqual(['uri/secret-too-long']);
  });

  it('an otpauth list with CR-only line ends, 20,000 lines (Ente detection was quadratic)', async () => {
    const text = 'otpauth://totp/a?s=B\r'.repeat(20_000);
    expect(await timed(() => importFile(text))).toBeLessThan(1000);
  });

  it('still recognises Ente lines with CR-only line ends', async () => {
    const text = 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP\rotpauth://totp/C:d?secret=KRSXG5CT&codeDisplay=x\r';
    expect((await importFile(text)).format).toBe('ente-auth');
  });
});

describe('secret length cap', () => {
  it('takes a key of 1024 base32 characters (padding and spaces do not count), refuses 1032', async () => {
    const key = (chars: number) => 'A'.repeat(chars);
    const ok = await importFile(`otpauth://totp/A:b?secret=${key(1024)}%3D%3D%3D%20%20\n`);
    expect(ok.accounts.map((a) => a.secret.length)).toEqual([640]);
    const long = await importFile(`otpauth://totp/A:b?secret=${key(1032)}\n`);
    expect(long.skipped.map((s) => s.code)).toEqual(['uri/secret-too-long']);
  });

  it('refuses raw key bytes over 640 (an Authenticator extension hex secret)', async () => {
    const file = (hexChars: number) => JSON.stringify({ h: { secret: 'ab'.repeat(hexChars / 2), type: 'hex' } });
    expect((await importFile(file(1280))).accounts).toHaveLength(1);
    expect((await importFile(file(1282))).skipped.map((s) => s.code)).toEqual(['uri/secret-too-long']);
  });
});

describe('account count cap', () => {
  it('one migration URI of 200,000 entries is import/too-many, not an untyped RangeError', async () => {
    // OtpParameters { secret = 1 byte, type = TOTP }: 0a 05 | 0a 01 XX 30 02
    const n = 200_000;
    const bytes = new Uint8Array(n * 7);
    for (let i = 0; i < n; i++) bytes.set([0x0a, 0x05, 0x0a, 0x01, i & 0xff, 0x30, 0x02], i * 7);
    const text = `otpauth-migration://offline?data=${encodeBase64(bytes)}`;
    expect(await outcomeOf(importFile(text))).toBe('import/too-many');
  }, 60_000);

  it('takes 10,000 accounts and refuses 10,001 lines before reading them', async () => {
    expect((await importFile(otpauthLines(10_000))).accounts).toHaveLength(10_000);
    const over = `${otpauthLines(10_000)}\nnot even a URI`;
    expect(await outcomeOf(importFile(over))).toBe('import/too-many');
  });
});
