/**
 * The popup's first paint needs popup/open only (the first rows and their codes); the full list comes
 * with accounts/list after it and merges in place: same rows, focus kept; search and reorder wait for it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startBackground, withVault } from '../../adapter/background';
import { render } from 'preact';
import { App } from '../../../src/popup/app';
import { key, mount, settle, t, type, unmount } from './helpers';
import { encodeBase32 } from '../../../src/core/bytes/base32';
import { ROW_HEIGHT } from '../../../src/popup/account-list';
import type { PopupApi } from '../../../src/popup/app';

// The clock stands 10 s into a 30-s period: a slow run never crosses one (new codes would be asked for).
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 0, 5, 12, 0, 10));
});
afterEach(() => {
  unmount();
  vi.useRealTimers();
});

// Distinct keys for up to 65536 accounts (same keys would be merged by the import).
const secretOf = (i: number) => new Uint8Array(10).map((_, j) => (j === 0 ? i >> 8 : j === 1 ? i & 255 : j * 7));
const uris = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `otpauth://totp/Issuer${i}:user${i}?secret=${encodeBase32(secretOf(i))}&issuer=Issuer${i}`,
  );
const issuers = (el: Element) => [...el.querySelectorAll('.issuer')].map((e) => e.textContent?.replace('★ ', ''));

/**
 * A real vault of `n` accounts; the popup's accounts/list held back until `release()`. Returns once
 * the popup has also asked for the trash, which it does on a 300-ms timer after the first paint
 * (vault-view.tsx): a run slowed by load otherwise saw that ask land in a later step's messages.
 */
async function held(n: number, page?: string) {
  const bg = await withVault(await startBackground(page), uris(n));
  const ids = (await bg.accounts()).map((a) => a.id);
  if (page) await bg.send({ type: 'accounts/update', id: ids[500]!, patch: { sites: [new URL(page).origin] } });
  bg.sent.length = 0;
  let release = () => {};
  const gate = new Promise<void>((done) => (release = done));
  let asked = 0;
  let trashAsked = () => {};
  const trash = new Promise<void>((done) => (trashAsked = done));
  const api: PopupApi = {
    ...bg.api,
    list: () => {
      asked++;
      return gate.then(() => bg.api.list());
    },
    trash: () => {
      trashAsked();
      return bg.api.trash();
    },
  };
  const el = await mount(api);
  await trash;
  await settle();
  return {
    bg,
    el,
    ids,
    asked: () => asked,
    release: async () => {
      release();
      await settle();
    },
  };
}

describe('popup first paint', () => {
  it('shows the first rows with their codes from popup/open alone; the full list comes after', async () => {
    const { bg, el, ids, asked, release } = await held(1000, 'https://mail.example.com/login');
    // Before the list: this site's account first, then the vault's first rows, every row with its code.
    expect(issuers(el)[0]).toBe('Issuer500');
    expect(issuers(el).slice(1, 4)).toEqual(['Issuer0', 'Issuer1', 'Issuer2']);
    const codes = [...el.querySelectorAll('[data-testid=code]')].map((c) => c.textContent?.replace(' ', ''));
    expect(codes.length).toBeGreaterThan(5);
    expect(bg.sent.filter((m) => m.type === 'popup/open')).toHaveLength(1);
    expect(bg.sent.map((m) => m.type)).not.toContain('codes/get');
    expect(codes[0]).toBe(await bg.code(ids[500]!));
    bg.sent.length = 0;
    // The list was asked for (after the paint above) but has not arrived; the scroll height is already all 1000 rows'.
    expect(asked()).toBe(1);
    expect((el.querySelector('ul.accounts') as HTMLElement).style.height).toBe(`${1000 * ROW_HEIGHT}px`);
    // A focused row keeps its element and focus when the list merges in.
    const row = el.querySelectorAll<HTMLElement>('.copy')[2]!;
    row.focus();
    await release();
    expect(bg.sent.map((m) => m.type)).toEqual(['accounts/list']);
    expect(document.activeElement).toBe(row);
    expect(issuers(el).slice(0, 4)).toEqual(['Issuer500', 'Issuer0', 'Issuer1', 'Issuer2']);
  });

  it('a search typed before the full list waits for it, then finds rows beyond the first', async () => {
    const { el, release } = await held(1000);
    await type(el.querySelector('input[type=search]'), 'Issuer999');
    expect(issuers(el)).toEqual([]);
    expect(el.querySelector('[role=status]')).not.toBeNull();
    await release();
    expect(issuers(el)).toEqual(['Issuer999']);
  });

  it('reordering waits for the full list (a partial order is never sent)', async () => {
    const { bg, el, release } = await held(1000);
    const rows = () => el.querySelectorAll<HTMLElement>('.copy');
    await key(rows()[0]!, 'ArrowDown', { altKey: true });
    expect(bg.sent.map((m) => m.type)).not.toContain('accounts/reorder');
    await release();
    // Control: with the full list the same keys reorder, and the order sent names all 1000 accounts.
    await key(rows()[0]!, 'ArrowDown', { altKey: true });
    expect(bg.sent.map((m) => m.type)).toContain('accounts/reorder');
    const order = (await bg.accounts()).map((a) => a.issuer);
    expect(order).toHaveLength(1000);
    expect(order.slice(0, 3)).toEqual(['Issuer1', 'Issuer0', 'Issuer2']);
    expect(issuers(el).slice(0, 2)).toEqual(['Issuer1', 'Issuer0']);
  });

  it('an answer already there at mount: the first render draws the codes, nothing is asked before them', async () => {
    const bg = await withVault(await startBackground(), uris(30));
    const answered = await bg.api.open();
    const firstCode = await bg.code((await bg.accounts())[0]!.id);
    bg.sent.length = 0;
    const root = document.createElement('main');
    document.body.append(root);
    try {
      // One synchronous render: no "Loading…" first, and no message (popup/open again, app/info) before the codes.
      render(<App api={bg.api} t={t} answered={answered} />, root);
      const codes = [...root.querySelectorAll('[data-testid=code]')].map((c) => c.textContent?.replace(' ', ''));
      expect(codes.length).toBeGreaterThan(5);
      expect(root.querySelector('[data-testid=status]')).toBeNull();
      expect(bg.sent.map((m) => m.type)).toEqual([]);
      expect(codes[0]).toBe(firstCode);
      // After it, the rest is asked for as before (the full list is not, all 30 came), popup/open never again.
      await settle();
      const after = bg.sent.map((m) => m.type);
      expect(after).toContain('app/info');
      expect(after).not.toContain('popup/open');
      // Control: without the answer, the same App asks popup/open itself and draws the same first code.
      render(null, root);
      bg.sent.length = 0;
      render(<App api={bg.api} t={t} />, root);
      expect(root.querySelector('[data-testid=code]')).toBeNull();
      await settle();
      expect(bg.sent.map((m) => m.type)).toContain('popup/open');
      expect(root.querySelector('[data-testid=code]')?.textContent?.replace(' ', '')).toBe(codes[0]);
    } finally {
      render(null, root);
      root.remove();
    }
  });
});
