/**
 * `enroll/confirm` from a content script is the page's claim of a click, which the background cannot
 * check (a compromised renderer sends it without one). So it is bounded (enroll/confirm-limits.ts): a
 * few QRs per document and per tab in 10 minutes, else `enroll/too-many`; a repeated confirmation of a
 * QR neither counts again nor keeps it waiting longer; while locked only the tab's newest click waits
 * for the unlock; a Google Authenticator export (many accounts) is only asked about in the popup.
 * These speak as the content script of one top frame (the adapter's sender), with no click.
 * (Review rev-msg F1.) Its twin enroll/reenroll (the answer to "Replace the old one?") is bounded the
 * same way: it answers only for a QR whose click enroll/confirm counted, and never for an export.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCodeOffsetSource } from '../../../src/background/clock/code-clock';
import { migration, single, fresh } from './enroll-flood';

afterEach(() => {
  setCodeOffsetSource(() => Promise.resolve(0));
  vi.useRealTimers();
});

// The control, a clicked QR answered with Replace or Keep both, is reenroll.test.ts and e2e reenroll.test.ts.
describe('enroll/reenroll, the twin of enroll/confirm', () => {
  it('20 QRs sent straight to enroll/reenroll (no confirm, no click): nothing is added', async () => {
    const { bg, read } = await fresh();
    const outcomes: string[] = [];
    for (let q = 0; q < 20; q++) {
      const token = await read(single(q));
      outcomes.push(
        await bg.fromPage({ type: 'enroll/reenroll', token, choice: 'keep' }).then(
          (o) => o.kind,
          (e: { code: string }) => e.code,
        ),
      );
    }
    // The build before added all 20 (the confirm caps allow 3 per document): nothing was asked of the token.
    expect(outcomes).toEqual(Array(20).fill('protocol/bad-request'));
    expect(await bg.accounts()).toHaveLength(0);
  });

  it('an export QR (otpauth-migration) sent to enroll/reenroll: asked about in the popup, never added from the page', async () => {
    const { bg, read } = await fresh();
    const token = await read(migration(120, 1));
    await bg.fromPage({ type: 'enroll/reenroll', token, choice: 'keep' }).catch(() => null);
    // The build before added all 120 from this one message (it refused captured QRs, not exports).
    expect(await bg.accounts()).toHaveLength(0);
  });
});
