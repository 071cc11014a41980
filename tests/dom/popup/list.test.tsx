import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackground, withVault, type Background } from '../../adapter/background';
import { fakeBrowser } from '@webext-core/fake-browser';
import { act } from 'preact/test-utils';
import { button, click, key, mount, msg, settle, submit, type, unmount } from './helpers';
import { encodeBase32 } from '../../../src/core/bytes/base32';

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

interface Setup {
  /** The page the popup opens over (its active tab). */
  page?: string;
  /** Sites to bind account i to, by index. */
  sites?: Record<number, string[]>;
}

/** `n` TOTP accounts Issuer0… in a real, unlocked vault; the popup mounted over `page`. */
async function withAccounts(
  n: number,
  { page, sites = {} }: Setup = {},
  before: (bg: Background) => Promise<void> = async () => undefined,
) {
  const uris = Array.from({ length: n }, (_, i) => {
    const secret = encodeBase32(new Uint8Array(10).map((_, j) => (i * 13 + j) % 256));
    return `otpauth://totp/Issuer${i}:user${i}@example.com?secret=${secret}&issuer=Issuer${i}`;
  });
  const bg = await withVault(await startBackground(page), uris);
  const ids = (await bg.accounts()).map((a) => a.id);
  for (const [i, list] of Object.entries(sites))
    await bg.send({ type: 'accounts/update', id: ids[Number(i)]!, patch: { sites: list } });
  await before(bg);
  bg.sent.length = 0;
  const el = await mount(bg.api);
  return { bg, el, ids, first: async () => (await bg.accounts())[0]! };
}
const issuers = (el: Element) => [...el.querySelectorAll('.issuer')].map((e) => e.textContent?.replace('★ ', ''));

describe('popup list', () => {
  it('renders only the visible rows of 1000 accounts and asks codes only for them', async () => {
    const { bg, el } = await withAccounts(1000);
    const rows = el.querySelectorAll('[data-testid=account]');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(20);
    // The first rows' codes come with popup/open (one round trip), a few, not a thousand; every row shown has its code.
    expect(bg.sent.filter((m) => m.type === 'popup/open')).toHaveLength(1);
    expect((await bg.send({ type: 'popup/open' })).unlocked?.codes.length).toBeLessThan(20);
    expect(
      [...el.querySelectorAll('[data-testid=code]')].every((code) => /\d{3} \d{3}/.test(code.textContent ?? '')),
    ).toBe(true);
    const asked = bg.sent.filter((m) => m.type === 'codes/get') as unknown as { ids: string[] }[];
    expect(asked.every((m) => m.ids.length < 20)).toBe(true);
  });

  it("the first paint has the first rows' codes: no codes/get for them", async () => {
    const { bg, el } = await withAccounts(30, {
      page: 'https://mail.example.com/login',
      sites: { 17: ['https://mail.example.com'] },
    });
    expect(issuers(el)[0]).toBe('Issuer17');
    expect(bg.sent.map((m) => m.type)).not.toContain('vault/status');
    // The full list is asked for after the first paint (tests/dom/popup/first-paint.test.tsx), not before.
    expect(bg.sent.map((m) => m.type).indexOf('accounts/list')).toBeGreaterThan(
      bg.sent.map((m) => m.type).indexOf('popup/open'),
    );
    expect(bg.sent.filter((m) => m.type === 'codes/get')).toEqual([]);
    const shown = [...el.querySelectorAll('[data-testid=code]')].map((code) => code.textContent?.replace(' ', ''));
    expect(shown.length).toBeGreaterThan(5);
    const ids = (await bg.accounts()).map((a) => a.id);
    const first = await bg.code(ids[17]!);
    expect(shown[0]).toBe(first);
  });

  it("lists the current site's accounts first", async () => {
    const { el } = await withAccounts(4, {
      page: 'https://mail.example.com/login',
      sites: { 2: ['https://mail.example.com'] },
    });
    expect(issuers(el)).toEqual(['Issuer2', 'Issuer0', 'Issuer1', 'Issuer3']);
    expect(el.querySelector('.site-note')?.textContent).toBe(msg('thisSite', 'mail.example.com'));
  });

  it('searches issuer, name and sites; "/" focuses the search', async () => {
    const { el } = await withAccounts(5, { sites: { 3: ['https://forge.example.org'] } });
    await key(document.body, '/');
    expect(document.activeElement).toBe(el.querySelector('input[type=search]'));
    await type(el.querySelector('input[type=search]'), 'issuer4');
    expect(issuers(el)).toEqual(['Issuer4']);
    await type(el.querySelector('input[type=search]'), 'forge');
    expect(issuers(el)).toEqual(['Issuer3']);
    await type(el.querySelector('input[type=search]'), 'nothing-like-this');
    expect(el.querySelector('.empty')?.textContent).toBe(msg('searchNone'));
  });

  it('click copies the code; Enter too', async () => {
    const { bg, el, ids } = await withAccounts(2);
    await click(el.querySelector('.copy'));
    expect(bg.clipboard).toEqual([await bg.code(ids[0]!)]);
    expect(el.querySelector('.toast')?.textContent).toContain(msg('copied'));
  });

  it('arrow keys move through accounts; Alt+Arrow reorders', async () => {
    const { bg, el } = await withAccounts(3);
    const first = el.querySelector('.copy') as HTMLButtonElement;
    first.focus();
    await key(first, 'ArrowDown');
    expect(document.activeElement?.textContent).toContain('Issuer1');
    await key(document.activeElement!, 'ArrowDown', { altKey: true });
    const order = (await bg.accounts())
      .map((a) => [a.issuer, a.order])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(order).toEqual([
      ['Issuer0', 0],
      ['Issuer1', 2],
      ['Issuer2', 1],
    ]);
    expect(issuers(el)).toEqual(['Issuer0', 'Issuer2', 'Issuer1']);
  });

  const vaultOrder = async (bg: Background) =>
    (await bg.accounts())
      .map((a) => [a.issuer, a.order] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([issuer]) => issuer);

  it("with this site's accounts first, Alt+Arrow moves an account among the other rows only; the vault order is not the shown one", async () => {
    const { bg, el } = await withAccounts(4, {
      page: 'https://mail.example.com/login',
      sites: { 3: ['https://mail.example.com'] },
    });
    expect(issuers(el)).toEqual(['Issuer3', 'Issuer0', 'Issuer1', 'Issuer2']);
    const row = (issuer: string) =>
      [...el.querySelectorAll('.copy')].find((b) => b.textContent?.includes(issuer)) as HTMLButtonElement;
    row('Issuer0').focus();
    // Up from the first of its group: the site's account above it is another group, nothing moves.
    await key(row('Issuer0'), 'ArrowUp', { altKey: true });
    expect(await vaultOrder(bg)).toEqual(['Issuer0', 'Issuer1', 'Issuer2', 'Issuer3']);
    await key(row('Issuer0'), 'ArrowDown', { altKey: true });
    // The build before stored the shown order: Issuer3 (this site's) first for good, on every site.
    expect(await vaultOrder(bg)).toEqual(['Issuer1', 'Issuer0', 'Issuer2', 'Issuer3']);
    expect(issuers(el)).toEqual(['Issuer3', 'Issuer1', 'Issuer0', 'Issuer2']);
  });

  it('in a search, Alt+Arrow moves an account past the next one found; the accounts the search hides keep their places', async () => {
    const { bg, el } = await withAccounts(4, { sites: { 1: ['https://shop.example'], 3: ['https://shop.example'] } });
    await type(el.querySelector('input[type=search]'), 'shop');
    expect(issuers(el)).toEqual(['Issuer1', 'Issuer3']);
    const first = el.querySelector('.copy') as HTMLButtonElement;
    first.focus();
    await key(first, 'ArrowDown', { altKey: true });
    // The build before stored [Issuer3, Issuer1] as orders 0 and 1: Issuer3 tied with Issuer0, Issuer1 jumped up.
    expect(await vaultOrder(bg)).toEqual(['Issuer0', 'Issuer2', 'Issuer3', 'Issuer1']);
    expect(issuers(el)).toEqual(['Issuer3', 'Issuer1']);
  });

  it('HOTP accounts show a "next code" control that advances the counter', async () => {
    const bg = await withVault(await startBackground(), [
      'otpauth://hotp/Counter:zoe?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Counter&counter=0',
    ]);
    const el = await mount(bg.api);
    expect(el.querySelector('[data-testid=code]')?.textContent).toBe('755 224');
    await click(button(el, msg('hotpNext')));
    expect(el.querySelector('[data-testid=code]')?.textContent).toBe('287 082');
    expect((await bg.accounts())[0]?.counter).toBe(1);
  });

  it('edit issuer, name and sites', async () => {
    const { el, first } = await withAccounts(1);
    await click(button(el, msg('accountDetails', 'Issuer0')));
    const inputs = el.querySelectorAll('form.panel input, form.panel textarea');
    await type(inputs[0], 'Renamed');
    await type(inputs[2], 'login.example.com\nhttps://sso.example.com:8443');
    await submit(el.querySelector('form.panel'));
    expect(await first()).toMatchObject({
      issuer: 'Renamed',
      sites: ['https://login.example.com', 'https://sso.example.com:8443'],
    });
    expect(issuers(el)).toEqual(['Renamed']);
  });

  it("per-site fill options: auto-submit and password + code are off, and saved when ticked, for the account's site", async () => {
    const { el, first } = await withAccounts(1, { sites: { 0: ['https://webmail.example'] } });
    await click(button(el, msg('accountDetails', 'Issuer0')));
    const box = (key: string) =>
      [...el.querySelectorAll('label.check')].find((l) => l.textContent === msg(key))?.querySelector('input');
    expect(box('fillSubmit')?.checked).toBe(false);
    expect(box('fillAppend')?.checked).toBe(false);
    await click(box('fillAppend'));
    await submit(el.querySelector('form.panel'));
    expect((await first()).fill).toEqual({ submitOn: [], appendOn: ['https://webmail.example'], exactOrigin: false });
    await click(button(el, msg('accountDetails', 'Issuer0')));
    expect(box('fillAppend')?.checked).toBe(true);
  });

  it('"only on the exact origin": names the one site, is off, and is saved when ticked; http sites get a hint', async () => {
    const { el, first } = await withAccounts(1);
    await click(button(el, msg('accountDetails', 'Issuer0')));
    const textarea = el.querySelector('form.panel textarea');
    await type(textarea, 'login.mailmachine.test');
    const label = (key: string, ...subs: string[]) =>
      [...el.querySelectorAll('label.check')].find((l) => l.textContent === msg(key, ...subs));
    const exact = label('fillExactOne', 'https://login.mailmachine.test')?.querySelector('input');
    expect(exact?.checked).toBe(false);
    expect(el.textContent).not.toContain(msg('fillHttpHint'));
    await click(exact);
    await submit(el.querySelector('form.panel'));
    expect(await first()).toMatchObject({
      sites: ['https://login.mailmachine.test'],
      fill: { submitOn: [], appendOn: [], exactOrigin: true },
    });
    await click(button(el, msg('accountDetails', 'Issuer0')));
    await type(
      el.querySelector('form.panel textarea'),
      'https://login.mailmachine.test\nhttp://intranet.mailmachine.test',
    );
    expect(label('fillExact')?.querySelector('input')?.checked).toBe(true);
    expect(el.textContent).toContain(msg('fillHttpHint'));
  });

  it('rejects a site that is not a web address', async () => {
    const { el, first } = await withAccounts(1);
    await click(button(el, msg('accountDetails', 'Issuer0')));
    await type(el.querySelector('form.panel textarea'), 'ftp://files.example.com');
    await submit(el.querySelector('form.panel'));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('sitesInvalid'));
    expect((await first()).sites).toEqual([]);
  });

  it('delete, then undo from the toast; the trash restores too', async () => {
    const { bg, el } = await withAccounts(2);
    await click(button(el, msg('accountDetails', 'Issuer0')));
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('delete')));
    expect(issuers(el)).toEqual(['Issuer1']);
    await click(button(el, msg('undo')));
    expect(issuers(el).sort()).toEqual(['Issuer0', 'Issuer1']);
    await click(button(el, msg('accountDetails', 'Issuer1')));
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('delete')));
    await click(button(el, msg('trashTitle')));
    expect(el.querySelector('.trash')?.textContent).toContain('Issuer1');
    await click(button(el, msg('restore')));
    expect(await bg.accounts()).toHaveLength(2);
  });

  it('the trash names each account by issuer and account name: two deleted accounts of one issuer can be told apart', async () => {
    const uri = (account: string, secret: string) => `otpauth://totp/Mail:${account}?secret=${secret}&issuer=Mail`;
    const bg = await withVault(await startBackground(), [
      uri('work@example.com', 'JBSWY3DPEHPK3PXP'),
      uri('home@example.com', 'KRSXG5CTMVRXEZLU'),
      'otpauth://totp/?secret=GEZDGNBVGY3TQOJQ',
    ]);
    for (const account of await bg.accounts()) await bg.send({ type: 'accounts/delete', id: account.id });
    const el = await mount(bg.api);
    // The trash link shows once the trash was asked for, a moment after the first paint.
    await act(() => new Promise((done) => setTimeout(done, 350)));
    await settle();
    await click(button(el, msg('trashTitle')));
    const rows = [...el.querySelectorAll('.trash li')];
    const names = rows.map((row) => row.querySelector('span')?.textContent?.replace(/\s+/g, ' ').trim());
    expect(names.map((name) => name?.split(msg('trashDaysLeft', '30'))[0]?.trim()).sort()).toEqual([
      'Mail · home@example.com',
      'Mail · work@example.com',
      msg('noIssuer'),
    ]);
    // Each Restore button says which account it brings back.
    const labels = rows.map((row) => row.querySelector('button')?.getAttribute('aria-label'));
    expect(labels.sort()).toEqual([
      msg('restoreNamed', 'Mail · home@example.com'),
      msg('restoreNamed', 'Mail · work@example.com'),
      msg('restoreNamed', msg('noIssuer')),
    ]);
  });

  it('deleting an account with no names says "Deleted Unnamed.", not "Deleted ."', async () => {
    const bg = await withVault(await startBackground(), ['otpauth://totp/?secret=GEZDGNBVGY3TQOJQ']);
    const el = await mount(bg.api);
    await click(button(el, msg('accountDetails', msg('noIssuer'))));
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('delete')));
    expect(el.querySelector('.toast')?.textContent).toContain(msg('deleted', msg('noIssuer')));
  });

  it('an Undo that fails says why in the toast and keeps Undo; the next one restores', async () => {
    const { bg } = await withAccounts(2);
    unmount();
    let failures = 1;
    const api = {
      ...bg.api,
      restore: (id: string) =>
        failures-- > 0 ? Promise.reject({ code: 'storage/full', message: 'full' }) : bg.api.restore(id),
    };
    const el = await mount(api);
    await click(button(el, msg('accountDetails', 'Issuer0')));
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('delete')));
    await click(button(el, msg('undo')));
    expect(el.querySelector('.toast')?.textContent).toContain(msg('error_storage_full'));
    expect(issuers(el)).toEqual(['Issuer1']);
    await click(button(el, msg('undo')));
    expect(issuers(el).sort()).toEqual(['Issuer0', 'Issuer1']);
    expect(await bg.accounts()).toHaveLength(2);
  });

  it('pins an account to the top', async () => {
    const { el } = await withAccounts(3);
    await click(button(el, msg('accountDetails', 'Issuer2')));
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('pin')));
    // Pinning is saved at once; the details stay open until closed.
    expect(el.querySelector('#detail-title')?.textContent).toBe(msg('editTitle'));
    await click(button(el, msg('cancel')));
    expect(issuers(el)).toEqual(['Issuer2', 'Issuer0', 'Issuer1']);
  });

  it('pinning keeps the details open and the unsaved edits in the form', async () => {
    const { bg, el } = await withAccounts(2);
    await click(button(el, msg('accountDetails', 'Issuer1')));
    await type(el.querySelector('form.panel input'), 'Renamed');
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('pin')));
    expect(el.querySelector<HTMLInputElement>('form.panel input')?.value).toBe('Renamed');
    const pinned = (await bg.accounts()).find((a) => a.pinned);
    expect(pinned?.issuer).toBe('Issuer1');
    await submit(el.querySelector('form.panel'));
    expect(issuers(el)).toEqual(['Renamed', 'Issuer0']);
  });

  it('backup codes: paste ten, mark one used, see how many remain', async () => {
    const { el, first } = await withAccounts(1);
    await click(button(el, msg('accountDetails', 'Issuer0')));
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('backupCodesButton', '0')));
    const pasted = Array.from(
      { length: 10 },
      (_, i) => `${i + 1}. ${String(10000000 + i * 1111).slice(0, 4)} ${String(20000000 + i * 7).slice(4)}`,
    ).join('\n');
    await type(el.querySelector('textarea'), pasted);
    await submit(el.querySelector('form.add'));
    expect(el.querySelectorAll('.backup-codes li')).toHaveLength(10);
    expect(el.querySelector('.backup-codes code')?.textContent).toBe('1000 0000');
    await click(el.querySelector('.backup-codes input[type=checkbox]'));
    expect(el.querySelector('[data-testid=codes-remaining]')?.textContent).toBe(msg('backupCodesRemaining', '9', '10'));
    expect((await first()).backupCodes).toEqual({ total: 10, remaining: 9 });
  });

  /** The account's backup-codes panel, from the list. */
  const openCodes = async (el: Element) => {
    await click(button(el, msg('accountDetails', 'Issuer0')));
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('backupCodesButton', '0')));
  };
  const locked = () => Promise.reject({ code: 'vault/locked', message: 'locked' });

  it('backup codes: a save that fails keeps what was pasted and says why; the next try saves it', async () => {
    const { bg, el, first } = await withAccounts(1);
    await openCodes(el);
    const setBackupCodes = bg.api.setBackupCodes;
    bg.api.setBackupCodes = locked;
    await type(el.querySelector('textarea'), 'aaaa-1111\nbbbb-2222');
    await submit(el.querySelector('form.add'));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('error_vault_locked'));
    // The build before emptied the box: the codes the user pasted were gone.
    expect((el.querySelector('textarea') as HTMLTextAreaElement).value).toBe('aaaa-1111\nbbbb-2222');
    bg.api.setBackupCodes = setBackupCodes;
    await submit(el.querySelector('form.add'));
    expect((el.querySelector('textarea') as HTMLTextAreaElement).value).toBe('');
    expect(el.querySelector('[role=alert]')).toBeNull();
    expect((await first()).backupCodes).toEqual({ total: 2, remaining: 2 });
  });

  it('backup codes: while the stored list cannot be read, nothing can be added over it', async () => {
    const { bg, el, first } = await withAccounts(1);
    await openCodes(el);
    await type(el.querySelector('textarea'), 'aaaa-1111\nbbbb-2222\ncccc-3333');
    await submit(el.querySelector('form.add'));
    expect((await first()).backupCodes).toEqual({ total: 3, remaining: 3 });
    await click(button(el, msg('back')));
    bg.api.backupCodes = locked;
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('backupCodesButton', '3')));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('error_vault_locked'));
    await type(el.querySelector('textarea'), 'dddd-4444');
    // The build before sent the new code alone, which replaced the three stored.
    expect((el.querySelector('form.add button') as HTMLButtonElement).disabled).toBe(true);
    await submit(el.querySelector('form.add'));
    expect((await first()).backupCodes).toEqual({ total: 3, remaining: 3 });
  });

  it('backup codes: two quick ticks both stay', async () => {
    const { el, first } = await withAccounts(1);
    await openCodes(el);
    await type(el.querySelector('textarea'), 'aaaa-1111\nbbbb-2222\ncccc-3333');
    await submit(el.querySelector('form.add'));
    const boxes = [...el.querySelectorAll('.backup-codes input[type=checkbox]')] as HTMLInputElement[];
    await act(async () => {
      boxes[0]!.click();
      boxes[1]!.click();
    });
    await settle();
    // The build before saved each tick from the same list: the second save undid the first.
    expect((await first()).backupCodes).toEqual({ total: 3, remaining: 1 });
  });

  it('a delete that fails says why and keeps the account', async () => {
    const { bg, el } = await withAccounts(2);
    bg.api.remove = locked;
    await click(button(el, msg('accountDetails', 'Issuer0')));
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('delete')));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('error_vault_locked'));
    expect((await bg.accounts()).map((a) => a.issuer).sort()).toEqual(['Issuer0', 'Issuer1']);
  });

  it('show as QR asks for the password again', async () => {
    const { el } = await withAccounts(1);
    await click(button(el, msg('accountDetails', 'Issuer0')));
    await click(el.querySelector('[data-testid=more-actions]'));
    await click(button(el, msg('showQr')));
    await type(el.querySelector('input[type=password]'), 'wrong one');
    await submit(el.querySelector('form.add'));
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('error_vault_wrong_password'));
    expect(el.querySelector('[data-testid=account-qr]')).toBeNull();
  });
});

/**
 * A click on the in-field button of the tab's page: the content script sends `fill/choose` (the real
 * handler makes the pick); told that the pick is ready, it asks for the code with the grant (the real
 * handler answers only the pick's frame) and fills what it gets.
 */
const codesPulled: unknown[] = [];
async function clickedInField(bg: Background, page: string) {
  bg.frames['content/pick-ready'] = async ({ grant }) => {
    const answer = await bg.fromPage({ type: 'fill/pick-code', grant }, { url: page });
    codesPulled.push(answer);
    return { filled: answer !== null };
  };
  await bg.fromPage({ type: 'fill/choose' }, { url: page });
  return (await bg.api.pendingPick())!.id;
}

const picksSent = (bg: Background) => bg.sent.filter((m) => m.type === 'fill/pick');
const filled = (bg: Background) => bg.toFrames.filter((m) => m.message.type === 'content/pick-ready');

describe('popup opened by the in-field button', () => {
  it('offers only the accounts the background allows, shows the site, binds only when ticked, and says it filled', async () => {
    const page = 'https://login.mail.example:8443/';
    let pickId = '';
    const { bg, el, ids } = await withAccounts(
      3,
      { page, sites: { 0: ['https://other.example'], 1: ['https://mail.example'] } },
      async (bg) => {
        pickId = await clickedInField(bg, page);
      },
    );
    expect(el.querySelector('#pick-title')?.textContent).toBe(msg('pickTitle', 'login.mail.example'));
    // The registrable domain the account would be bound to, prominently, with no port.
    expect(el.querySelector('[data-testid=pick-site] strong')?.textContent).toBe('mail.example');
    expect(el.querySelector('[data-testid=lookalike]')).toBeNull();
    const offered = [...el.querySelectorAll('[data-testid=pick-account]')];
    expect(offered.map((b) => b.querySelector('.issuer')?.textContent)).toEqual(['Issuer1', 'Issuer2']);
    expect(el.querySelector('.pick label.check')?.textContent).toBe(msg('pickAlways', 'mail.example'));
    const always = el.querySelector<HTMLInputElement>('.pick label.check input')!;
    expect(always.checked).toBe(false);
    await click(always);
    await click(offered[1]);
    expect(picksSent(bg)).toEqual([{ type: 'fill/pick', pickId, id: ids[2], always: true, despiteLookalike: false }]);
    // The frame is told only a grant; the code comes back to its own ask.
    expect(filled(bg).map((m) => Object.keys(m.message).sort())).toEqual([['grant', 'origin', 'type']]);
    expect(codesPulled.at(-1)).toMatchObject({ kind: 'code', code: expect.stringMatching(/^\d{6}$/) });
    expect((await bg.accounts()).find((a) => a.id === ids[2])?.sites).toHaveLength(1);
    expect(el.querySelector('#pick-title')).toBeNull();
    expect(el.textContent).toContain(msg('pickFilled', 'login.mail.example'));
    expect(issuers(el)).toContain('Issuer2');
  });

  it('"always" never starts ticked, even when the issuer names the site; unticked, the pick fills once; Cancel names the pick', async () => {
    const page = 'https://login.issuer0.example/';
    let pickId = '';
    const { bg, el, ids } = await withAccounts(1, { page }, async (bg) => {
      pickId = await clickedInField(bg, page);
    });
    expect(el.querySelector<HTMLInputElement>('.pick label.check input')?.checked).toBe(false);
    await click(el.querySelector('[data-testid=pick-account]'));
    expect(picksSent(bg)).toEqual([{ type: 'fill/pick', pickId, id: ids[0], always: false, despiteLookalike: false }]);
    expect(filled(bg)).toHaveLength(1);
    expect((await bg.accounts())[0]?.sites).toEqual([]);
    unmount();
    // A page whose site none of the accounts may be picked for (the only one is bound elsewhere).
    let otherPick = '';
    const other = await withAccounts(
      1,
      { page: 'https://x.example/', sites: { 0: ['https://elsewhere.example'] } },
      async (bg) => {
        otherPick = await clickedInField(bg, 'https://x.example/');
      },
    );
    expect(other.el.textContent).toContain(msg('pickNone', 'x.example'));
    await click(button(other.el, msg('cancel')));
    expect(other.bg.sent.filter((m) => m.type === 'fill/pick-cancel')).toEqual([
      { type: 'fill/pick-cancel', pickId: otherPick },
    ]);
    expect(await other.bg.api.pendingPick()).toBeNull();
    expect(other.el.querySelector('#pick-title')).toBeNull();
    expect(other.el.querySelectorAll('[data-testid=account]')).toHaveLength(1);
  });

  it('a lookalike site: the warning shows, "always" stays unticked and warns again, and filling needs a second confirmation', async () => {
    const page = 'https://mai1.example/';
    let pickId = '';
    const { bg, el, ids } = await withAccounts(2, { page, sites: { 1: ['https://mail.example'] } }, async (bg) => {
      pickId = await clickedInField(bg, page);
    });
    expect(el.querySelector('[data-testid=lookalike]')?.textContent).toBe(
      msg('lookalikeSite', 'mai1.example', 'mail.example'),
    );
    const always = el.querySelector<HTMLInputElement>('.pick label.check input')!;
    expect(always.checked).toBe(false);
    expect(always.getAttribute('aria-describedby')).toContain('pick-lookalike');
    await click(always);
    expect(el.querySelector('[data-testid=pick-always-lookalike]')?.textContent).toBe(
      msg('pickAlwaysLookalike', 'mai1.example', 'mail.example'),
    );
    await click(el.querySelector('[data-testid=pick-account]'));
    // The first click only asks again; nothing is filled yet.
    expect(picksSent(bg)).toEqual([]);
    expect(filled(bg)).toEqual([]);
    expect(el.textContent).toContain(msg('pickConfirmLookalike', 'Issuer0', 'mai1.example'));
    await click(button(el, msg('back')));
    expect(el.querySelector('[data-testid=pick-confirm]')).toBeNull();
    await click(el.querySelector('[data-testid=pick-account]'));
    await click(button(el, msg('pickFillAnyway', 'mai1.example')));
    expect(picksSent(bg)).toEqual([{ type: 'fill/pick', pickId, id: ids[0], always: true, despiteLookalike: true }]);
    expect(filled(bg)).toHaveLength(1);
  });

  it('an issuer lookalike is worded as such; a gone pick shows the translated error', async () => {
    const page = 'https://issuer0-login.example/';
    let pickId = '';
    const { bg, el } = await withAccounts(1, { page }, async (bg) => {
      pickId = await clickedInField(bg, page);
    });
    expect(el.querySelector('[data-testid=lookalike]')?.textContent).toBe(
      msg('lookalikeIssuer', 'issuer0-login.example', 'Issuer0'),
    );
    // The pick ends meanwhile (expired, or answered in another popup).
    await bg.send({ type: 'fill/pick-cancel', pickId });
    await click(el.querySelector('[data-testid=pick-account]'));
    await click(el.querySelector('[data-testid=pick-confirm]'));
    expect(el.querySelector('.pick [role=alert].error')?.textContent).toBe(msg('error_fill_pick_gone'));
    expect(filled(bg)).toEqual([]);
  });
});

describe('popup opened by the in-field button of a frame another site shows', () => {
  const getFrame = fakeBrowser.webNavigation.getFrame;
  afterEach(() => void (fakeBrowser.webNavigation.getFrame = getFrame));

  it('names that site (from the browser frame tree); a frame the browser cannot place gets the warning without a name', async () => {
    const page = 'https://evil.example/prize';
    const login = 'https://mail.example/login';
    const { el } = await withAccounts(1, { page, sites: { 0: ['https://mail.example'] } }, async (bg) => {
      fakeBrowser.webNavigation.getFrame = (async ({ frameId }: { frameId: number }) =>
        frameId === 0
          ? { url: page, parentFrameId: -1 }
          : { url: login, parentFrameId: 0 }) as unknown as typeof fakeBrowser.webNavigation.getFrame;
      await bg.fromPage({ type: 'fill/choose' }, { url: login, frameId: 2 });
    });
    expect(el.querySelector('[data-testid=pick-framed]')?.textContent).toBe(
      msg('pickFramed', 'mail.example', 'evil.example'),
    );
    expect(el.querySelectorAll('[data-testid=pick-account]')).toHaveLength(1);
    // Picks live in the background's memory, which outlasts each test's fake browser: end them.
    await click(button(el, msg('cancel')));
    unmount();
    const unknown = await withAccounts(1, { page, sites: { 0: ['https://mail.example'] } }, async (bg) => {
      fakeBrowser.webNavigation.getFrame = (async () => null) as unknown as typeof fakeBrowser.webNavigation.getFrame;
      await bg.fromPage({ type: 'fill/choose' }, { url: login, frameId: 2 });
    });
    expect(unknown.el.querySelector('[data-testid=pick-framed]')?.textContent).toBe(
      msg('pickFramedUnknown', 'mail.example'),
    );
    await click(button(unknown.el, msg('cancel')));
  });

  it("control: a frame of the page's own site gets no such warning", async () => {
    const page = 'https://mail.example/home';
    const { el } = await withAccounts(1, { page, sites: { 0: ['https://mail.example'] } }, async (bg) => {
      fakeBrowser.webNavigation.getFrame = (async ({ frameId }: { frameId: number }) =>
        frameId === 0
          ? { url: page, parentFrameId: -1 }
          : {
              url: 'https://login.mail.example/',
              parentFrameId: 0,
            }) as unknown as typeof fakeBrowser.webNavigation.getFrame;
      await bg.fromPage({ type: 'fill/choose' }, { url: 'https://login.mail.example/', frameId: 2 });
    });
    expect(el.querySelector('#pick-title')).not.toBeNull();
    expect(el.querySelector('[data-testid=pick-framed]')).toBeNull();
    await click(button(el, msg('cancel')));
  });
});

describe('the popup on a lookalike site', () => {
  it('warns above the list; no warning elsewhere', async () => {
    const { el } = await withAccounts(2, { page: 'https://mai1.example/', sites: { 1: ['https://mail.example'] } });
    expect(el.querySelector('[data-testid=lookalike]')?.textContent).toBe(
      msg('lookalikeSite', 'mai1.example', 'mail.example'),
    );
    unmount();
    const plain = await withAccounts(2, { page: 'https://mail.example/', sites: { 1: ['https://mail.example'] } });
    expect(plain.el.querySelector('[data-testid=lookalike]')).toBeNull();
  });
});
