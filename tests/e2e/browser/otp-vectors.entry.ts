/**
 * Bundled for the browser by tests/e2e/otp-in-chromium.test.ts and run in a real Chromium page: the
 * otpauth package resolves to its browser build there (its own JS HMAC), not the node:crypto one.
 */
import { codeAt, type OtpParams } from '../../../src/core/otp';
import { decodeBase32 } from '../../../src/core/bytes/base32';

export interface VectorCase {
  id: string;
  params: Omit<OtpParams, 'secret'> & { secretBase32: string };
  nowMs: number;
  expected: string;
}

export function runVectors(cases: VectorCase[]): { id: string; expected: string; got: string }[] {
  return cases.map(({ id, params, nowMs, expected }) => {
    const { secretBase32, ...rest } = params;
    let got: string;
    try {
      got = codeAt({ ...rest, secret: decodeBase32(secretBase32) }, nowMs);
    } catch (error) {
      got = `threw ${(error as Error).name}`;
    }
    return { id, expected, got };
  });
}
