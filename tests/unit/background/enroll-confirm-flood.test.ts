/**
 * `enroll/confirm` from a content script is the page's claim of a click, which the background cannot
 * check (a compromised renderer sends it without one). So it is bounded (enroll/confirm-limits.ts): a
 * few QRs per document and per tab in 10 minutes, else `enroll/too-many`; a repeated confirmation of a
 * QR neither counts again nor keeps it waiting longer; while locked only the tab's newest click waits
 * for the unlock; a Google Authenticator export (many accounts) is only asked about in the popup.
 * These speak as the content script of one top frame (the adapter's sender), with no click.
 * (Review rev-msg F1.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCodeOffsetSource } from '../../../src/background/clock/code-clock';
import { NOW } from '../../adapter/background';
import { EVIL, migration, single, fresh } from './enroll-flood';

afterEach(() => {
  setCodeOffsetSource(() => Promise.resolve(0));
  vi.useRealTimers();
});

const PASSWORD = 'correct horse battery';

describe('enroll/confirm is bounded per document and per tab', () => {
  it('one document: 3 QRs are added, the 4th and later are refused with enroll/too-many', async () => {
    const { bg, read, confirm } = await fresh();
    const outcomes: string[] = [];
    for (let q = 0; q < 20; q++) {
      const token = await read(single(q));
      outcomes.push(
        await confirm(token).then(
          (o) => o.kind,
          (e: { code: string }) => e.code,
        ),
      );
    }
    expect(outcomes.slice(0, 3)).toEqual(['added', 'added', 'added']);
    expect(new Set(outcomes.slice(3))).toEqual(new Set(['enroll/too-many']));
    expect(await bg.accounts()).toHaveLength(3);
  });

  it('a repeated click on the same QR costs nothing (a double click, "unlock first" clicked again)', async () => {
    const { read, confirm } = await fresh();
    const token = await read(single(0));
    for (let i = 0; i < 6; i++) await confirm(token);
    for (let q = 1; q < 3; q++) expect((await confirm(await read(single(q)))).kind).toBe('added');
  });

  it('one tab: 10 QRs in 10 minutes across its documents, then refused until the window has passed', async () => {
    const { bg, read, confirm } = await fresh();
    const frame = (n: number) => ({ frameId: n, url: EVIL });
    for (let q = 0; q < 10; q++) expect((await confirm(await read(single(q), frame(q)), frame(q))).kind).toBe('added');
    await expect(confirm(await read(single(10), frame(10)), frame(10))).rejects.toMatchObject({
      code: 'enroll/too-many',
    });
    vi.setSystemTime(NOW + 10 * 60_000 + 1000);
    expect((await confirm(await read(single(11), frame(11)), frame(11))).kind).toBe('added');
    expect(await bg.accounts()).toHaveLength(11);
  });

  it('20 export QRs (120 accounts each) confirmed with no click: nothing is added; the popup asks about one', async () => {
    const { bg, read, confirm } = await fresh();
    const outcomes: string[] = [];
    for (let q = 0; q < 20; q++) {
      const token = await read(migration(120, q));
      outcomes.push(
        await confirm(token).then(
          (o) => o.kind,
          (e: { code: string }) => e.code,
        ),
      );
    }
    expect(outcomes.slice(0, 3)).toEqual(['asked', 'asked', 'asked']);
    expect(new Set(outcomes.slice(3))).toEqual(new Set(['enroll/too-many']));
    expect(await bg.accounts()).toHaveLength(0);
    expect(await bg.api.capturePending()).toMatchObject({ count: 120, batch: true, captured: false });
    expect(bg.unlockAsks()).toBeLessThanOrEqual(3);
  }, 60_000);
});

describe('confirmed while locked', () => {
  it('10 export QRs confirmed while locked add nothing at the unlock: the popup asks about the last', async () => {
    const { bg, read, confirm } = await fresh(true);
    for (let q = 0; q < 10; q++) {
      const token = await read(migration(100, q));
      await confirm(token).catch(() => undefined);
    }
    expect(bg.unlockAsks()).toBeLessThanOrEqual(3);
    await bg.send({ type: 'vault/unlock', password: PASSWORD });
    await new Promise((done) => setTimeout(done, 300));
    expect(await bg.accounts()).toHaveLength(0);
    const asked = await bg.api.capturePending();
    expect(asked).toMatchObject({ count: 100, batch: true });
    // The user says yes in the popup: those 100, unbound.
    await bg.api.captureAccept(asked!.token, false);
    const added = await bg.accounts();
    expect(added).toHaveLength(100);
    expect(added.every((a) => a.sites.length === 0)).toBe(true);
  }, 60_000);

  it("only the tab's newest click waits for the unlock", async () => {
    const { bg, read, confirm } = await fresh(true);
    const first = await read(single(1));
    const second = await read(single(2));
    expect((await confirm(first)).kind).toBe('locked');
    expect((await confirm(second)).kind).toBe('locked');
    await bg.send({ type: 'vault/unlock', password: PASSWORD });
    await vi.waitFor(async () => expect(await bg.accounts()).toHaveLength(1));
    await new Promise((done) => setTimeout(done, 300));
    expect((await bg.accounts()).map((a) => a.account)).toEqual(['user2']);
  });

  it('a repeated confirmation never extends how long a click waits for the unlock', async () => {
    const { bg, read, confirm } = await fresh(true);
    const token = await read(single(1));
    // Clicked 25 minutes after the read: it waits 10 minutes (to NOW + 35 min), not the token's 30.
    vi.setSystemTime(NOW + 25 * 60_000);
    expect((await confirm(token)).kind).toBe('locked');
    // Clicked again (or forged again) just before it runs out: it must not wait 10 more minutes.
    vi.setSystemTime(NOW + 34 * 60_000);
    await confirm(token);
    vi.setSystemTime(NOW + 36 * 60_000);
    await bg.send({ type: 'vault/unlock', password: PASSWORD });
    await new Promise((done) => setTimeout(done, 300));
    expect(await bg.accounts()).toHaveLength(0);
  });

  it('control: clicked while locked, unlocked within the 10 minutes: added', async () => {
    const { bg, read, confirm } = await fresh(true);
    const token = await read(single(1));
    vi.setSystemTime(NOW + 25 * 60_000);
    expect((await confirm(token)).kind).toBe('locked');
    vi.setSystemTime(NOW + 34 * 60_000);
    await bg.send({ type: 'vault/unlock', password: PASSWORD });
    await vi.waitFor(async () => expect(await bg.accounts()).toHaveLength(1));
  });
});
