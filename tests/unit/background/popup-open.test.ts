/**
 * `popup/open` over the real background (the adapter tier, tests/adapter/background.ts): one round trip
 * with the status, the first rows (views and codes) and the count (this site's accounts first, clock-corrected like
 * codes/get); a locked or empty vault answers its status only; content scripts are refused.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackground, withVault, type Background } from '../../adapter/background';
import { encodeBase32 } from '../../../src/core/bytes/base32';
import { setCodeOffsetSource } from '../../../src/background/clock/code-clock';
import { popupOpen } from '../../../src/background/handlers/popup-open';
import { FIRST_ROWS } from '../../../src/shared/account-order';

afterEach(() => {
  setCodeOffsetSource(() => Promise.resolve(0));
  vi.useRealTimers();
});

const secretOf = (i: number) => encodeBase32(new Uint8Array(10).map((_, j) => (i * 13 + j + 1) % 256));
const uris = (n: number) =>
  Array.from({ length: n }, (_, i) => `otpauth://totp/Issuer${i}:user${i}?secret=${secretOf(i)}&issuer=Issuer${i}`);

/** `n` accounts in an unlocked vault over https://mail.example.test; accounts `bound` belong to that site. */
async function vaultOf(n: number, bound: number[] = []): Promise<{ bg: Background; ids: string[] }> {
  const bg = await withVault(await startBackground('https://mail.example.test/login'), uris(n));
  const ids = (await bg.accounts()).map((a) => a.id);
  for (const i of bound)
    await bg.send({ type: 'accounts/update', id: ids[i]!, patch: { sites: ['https://mail.example.test'] } });
  return { bg, ids };
}

describe('popup/open', () => {
  it('answers the status, the list as accounts/list does, and the codes of the first rows, this site first', async () => {
    const { bg, ids } = await vaultOf(30, [20, 25]);
    const open = await bg.send({ type: 'popup/open' });
    expect(open.status).toEqual({ state: 'unlocked' });
    const list = await bg.send({ type: 'accounts/list' });
    // Only the first rows the popup shows with an empty search: the two bound accounts, then the rest
    // in vault order; sent in vault order (the popup puts this site's first itself, and a reorder works
    // on the vault's order); the views and the site part as accounts/list gives them; the count of all.
    const shown = [ids[20]!, ids[25]!, ...ids.filter((_, i) => i !== 20 && i !== 25)].slice(0, FIRST_ROWS);
    const first = ids.filter((id) => shown.includes(id));
    expect(first.slice(-2)).toEqual([ids[20], ids[25]]);
    expect(open.unlocked?.first.accounts.map((a) => a.id)).toEqual(first);
    expect(open.unlocked?.first.accounts).toEqual(first.map((id) => list.accounts.find((a) => a.id === id)));
    expect(open.unlocked?.first.currentSite).toEqual(list.currentSite);
    expect(open.unlocked?.first.currentSite?.ids.sort()).toEqual([ids[20], ids[25]].sort());
    expect(open.unlocked?.total).toBe(30);
    const codes = open.unlocked!.codes;
    expect(new Set(codes.map((c) => c.id))).toEqual(new Set(first));
    expect(codes).toHaveLength(FIRST_ROWS);
    const byId = (list: typeof codes) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(codes)).toEqual(byId(await bg.send({ type: 'codes/get', ids: first })));
  });

  it('a vault with fewer accounts than rows: codes for all of them', async () => {
    const { bg, ids } = await vaultOf(3);
    const open = await bg.send({ type: 'popup/open' });
    expect(open.unlocked?.codes.map((c) => c.id).sort()).toEqual([...ids].sort());
  });

  it('codes carry the clock correction codes/get uses', async () => {
    const { bg, ids } = await vaultOf(2);
    const plain = (await bg.send({ type: 'popup/open' })).unlocked!.codes;
    setCodeOffsetSource(() => Promise.resolve(90_000));
    const corrected = (await bg.send({ type: 'popup/open' })).unlocked!.codes;
    expect(corrected).toEqual(await bg.send({ type: 'codes/get', ids }));
    // Control: 90 s is three periods later, so the corrected codes are other codes.
    expect(corrected.map((c) => c.code)).not.toEqual(plain.map((c) => c.code));
  });

  it('a locked vault answers its status only: no list, no names, no codes', async () => {
    const bg = await withVault(await startBackground(), uris(5), { locked: true });
    const open = await bg.send({ type: 'popup/open' });
    expect(open).toEqual({ status: { state: 'locked' }, unlocked: null });
    expect(JSON.stringify(open)).not.toContain('Issuer');
    // Control: unlocked, the same message brings the accounts.
    await bg.send({ type: 'vault/unlock', password: 'correct horse battery' });
    expect((await bg.send({ type: 'popup/open' })).unlocked?.first.accounts).toHaveLength(5);
  });

  it('no vault yet: the status only', async () => {
    const bg = await startBackground();
    expect(await bg.send({ type: 'popup/open' })).toEqual({ status: { state: 'empty' }, unlocked: null });
  });

  it('locked between the status and the read: the status says locked, nothing else', async () => {
    const { bg } = await vaultOf(3);
    const { vault } = bg.services;
    // The status check saw it unlocked; the lock landed before the read.
    const racing = Object.assign(Object.create(vault) as typeof vault, {
      state: async () => {
        await vault.lock();
        return 'unlocked' as const;
      },
    });
    expect(await popupOpen({ ...bg.services, vault: racing })).toEqual({ status: { state: 'locked' }, unlocked: null });
  });

  it('a content script is refused (extension pages only)', async () => {
    const { bg } = await vaultOf(2);
    await expect(bg.fromPage({ type: 'popup/open' })).rejects.toMatchObject({ code: 'protocol/forbidden' });
    // Control: the popup gets it.
    expect((await bg.send({ type: 'popup/open' })).status).toEqual({ state: 'unlocked' });
  });
});
