import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromePath, repoRoot } from './harness';
import type { FixtureServer } from './server';
import { servePages } from './setup';
import type { VectorCase } from './browser/otp-vectors.entry';

// The RFC 4226 / RFC 6238 vectors (and the extra ones our algorithms support) run again inside real
// Chromium, because otpauth ships a different HMAC implementation for browsers than for node.
const shared = (name: string) => JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/vectors', name), 'utf8'));

function vectorCases(): VectorCase[] {
  const hotp = shared('rfc4226.json');
  const totp = shared('rfc6238.json');
  const extra = shared('extra-otp-vectors.json');
  const cases: VectorCase[] = [];
  for (const v of hotp.vectors) {
    cases.push({
      id: `rfc4226 counter ${v.counter}`,
      params: {
        type: 'hotp',
        secretBase32: hotp.secret.base32,
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: v.counter,
      },
      nowMs: 0,
      expected: v.hotp,
    });
  }
  for (const v of totp.vectors) {
    cases.push({
      id: `rfc6238 ${v.algorithm ?? v.mode} t=${v.unixTime}`,
      params: {
        type: 'totp',
        secretBase32: totp.seeds[v.algorithm ?? v.mode].base32,
        algorithm: v.algorithm ?? v.mode,
        digits: totp.digits,
        period: totp.periodSeconds,
        counter: 0,
      },
      nowMs: v.unixTime * 1000,
      expected: v.totp ?? v.code,
    });
  }
  for (const [i, v] of extra.vectors.entries()) {
    if (!['SHA1', 'SHA256', 'SHA512'].includes(v.algorithm ?? 'SHA1')) continue;
    cases.push({
      id: `extra #${i} ${v.source}`,
      params: {
        type: v.type,
        secretBase32: v.secretBase32,
        algorithm: v.algorithm ?? 'SHA1',
        digits: v.digits ?? (v.type === 'steam' ? 5 : 6),
        period: v.period ?? 30,
        counter: v.counter ?? 0,
      },
      nowMs: (v.unixTime ?? 0) * 1000,
      expected: v.code,
    });
  }
  return cases;
}

let outDir: string;
let server: FixtureServer;
let browser: Browser;
let bundle: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'clickauth-vectors-'));
  await build({
    configFile: false,
    logLevel: 'error',
    root: repoRoot,
    // Resolve packages the way the extension bundle does: browser builds, never the node ones.
    resolve: { conditions: ['browser', 'module', 'import', 'default'] },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: {
        entry: join(repoRoot, 'tests/e2e/browser/otp-vectors.entry.ts'),
        name: 'OtpVectors',
        formats: ['iife'],
        fileName: () => 'otp-vectors.js',
      },
    },
  });
  bundle = readFileSync(join(outDir, 'otp-vectors.js'), 'utf8');
  server = await servePages({ '/otp-vectors.js': () => bundle });
  browser = await chromium.launch({
    executablePath: chromePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP *.test 127.0.0.1'],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('OTP vectors inside real Chromium', () => {
  it('bundles the browser build of otpauth (no node:crypto)', () => {
    expect(bundle).toContain('node_modules/otpauth/dist/otpauth.esm.js');
    expect(bundle).not.toMatch(/otpauth\.node|from\s*["']node:crypto["']|require\(["']node:crypto["']\)/);
  });

  it('computes every RFC 4226, RFC 6238 and supported extra vector', async () => {
    const cases = vectorCases();
    expect(cases.filter((c) => c.id.startsWith('rfc4226'))).toHaveLength(10);
    expect(cases.filter((c) => c.id.startsWith('rfc6238'))).toHaveLength(18);
    const page = await browser.newPage();
    await page.goto(server.url('/basic.html'));
    await page.addScriptTag({ url: '/otp-vectors.js' });
    const results = await page.evaluate(
      (input) =>
        (window as unknown as { OtpVectors: { runVectors: (c: unknown) => unknown } }).OtpVectors.runVectors(input),
      cases,
    );
    expect(await page.evaluate(() => navigator.userAgent)).toMatch(/Chrome\//);
    expect(results).toEqual(cases.map(({ id, expected }) => ({ id, expected, got: expected })));
    await page.close();
  });
});
