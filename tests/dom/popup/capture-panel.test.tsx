/**
 * The popup's capture confirmation: a QR read from a screenshot of a page is added only here, bound
 * to no site unless the user ticks "Use it on <site>" (unticked at first).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBackground, withVault } from '../../adapter/background';
import { button, click, mount, msg, unmount } from './helpers';
import { parseOtpauthUri } from '../../../src/core/otpauth-uri';
import { remember } from '../../../src/background/enroll/pending';
import { askAboutCapture } from '../../../src/background/enroll/capture-ask';
import { encodeMigration } from '../../../src/core/otpauth-uri/migration';

afterEach(() => {
  unmount();
  vi.useRealTimers();
});

const key = (n: number) =>
  parseOtpauthUri(
    `otpauth://totp/Victim%20Bank:uma${n ? n : ''}@victim.test?secret=JBSWY3DPEHPK3P${'XYZ'[n] ?? 'X'}P&issuer=Victim%20Bank`,
  );

/** The state background/enroll/capture-ask.ts is in after a click on a QR read from a screenshot of login.evil.test. */
async function asking(batch = false) {
  const bg = await withVault(await startBackground('https://login.evil.test/setup'), []);
  // The page's content script, told the token, asks for the outcome as the real one does.
  const told: unknown[] = [];
  bg.frames['content/enrolled'] = async ({ token }) => {
    told.push(await bg.fromPage({ type: 'enroll/outcome', token }, { url: 'https://login.evil.test/setup' }));
    return {};
  };
  const accounts = batch ? [key(0), key(1), key(2)] : [key(0)];
  const token = remember({
    accounts,
    tabId: bg.tab.id!,
    frameId: 0,
    documentId: undefined,
    origin: 'https://login.evil.test',
    captured: true,
    batch,
  });
  askAboutCapture(token);
  const el = await mount(bg.api);
  const sites = async () => (await bg.accounts()).map((a) => a.sites);
  return { bg, el, sites, told };
}

describe('capture confirmation panel', () => {
  it('names the page and its site, warns, and starts unticked', async () => {
    const { el } = await asking();
    const panel = el.querySelector('[data-testid=capture-panel]')!;
    expect(panel.querySelector('h2')?.textContent).toBe(msg('captureTitle', 'login.evil.test'));
    expect(panel.querySelector('[data-testid=capture-site]')?.textContent).toBe('evil.test');
    expect(panel.textContent).toContain(msg('captureWarning', 'evil.test'));
    expect(panel.textContent).toContain('Victim Bank · uma@victim.test');
    expect((panel.querySelector('input[type=checkbox]') as HTMLInputElement).checked).toBe(false);
    // The list waits until the question is answered.
    expect(el.querySelector('[data-testid=account]')).toBeNull();
  });

  it('Add without the tick adds unbound; the panel closes with a toast', async () => {
    const { bg, el, sites, told } = await asking();
    await click(button(el, msg('captureAdd')));
    expect(await sites()).toEqual([[]]);
    expect(bg.toFrames.map((m) => m.message)).toEqual([{ type: 'content/enrolled', token: expect.any(String) }]);
    // Unbound: the page gets no code, and no names (the QR may have been another site's).
    expect(told).toEqual([expect.objectContaining({ kind: 'added', code: '', issuer: '', account: '' })]);
    expect(el.querySelector('[data-testid=capture-panel]')).toBeNull();
    expect(el.querySelector('.toast')?.textContent).toContain(msg('captureAdded'));
  });

  it('ticking "Use it on <site>" binds', async () => {
    const { el, sites } = await asking();
    await click(el.querySelector('[data-testid=capture-panel] input[type=checkbox]'));
    await click(button(el, msg('captureAdd')));
    expect(await sites()).toEqual([['https://login.evil.test']]);
    expect(el.querySelector('.toast')?.textContent).toContain(msg('captureAddedBound', 'evil.test'));
  });

  it('Cancel adds nothing', async () => {
    const { bg, el, sites } = await asking();
    await click(button(el, msg('cancel')));
    expect(el.querySelector('[data-testid=capture-panel]')).toBeNull();
    expect(await sites()).toEqual([]);
    expect(await bg.api.capturePending()).toBeNull();
  });

  it('an export offers no binding', async () => {
    const { el, sites } = await asking(true);
    expect(el.querySelector('[data-testid=capture-panel] input[type=checkbox]')).toBeNull();
    expect(el.textContent).toContain(msg('captureKeys', '3'));
    await click(button(el, msg('captureAdd')));
    expect(await sites()).toEqual([[], [], []]);
  });

  it('an export clicked on the page (read from the page, no screenshot): asked here, no screenshot warning, added unbound', async () => {
    const bg = await withVault(await startBackground('https://export.evil.test/setup'), []);
    bg.frames['content/enrolled'] = () => ({});
    const uri = encodeMigration({
      accounts: [key(0), key(1), key(2)],
      version: 1,
      batchSize: 1,
      batchIndex: 0,
      batchId: 9,
    });
    const { candidate } = await bg.fromPage({ type: 'enroll/candidate', source: { kind: 'uri', uri } });
    expect(candidate).toMatchObject({ count: 3, asks: true });
    expect(await bg.fromPage({ type: 'enroll/confirm', token: candidate!.token })).toEqual({ kind: 'asked' });
    expect(await bg.accounts()).toEqual([]);
    const el = await mount(bg.api);
    const panel = el.querySelector('[data-testid=capture-panel]')!;
    expect(panel.textContent).toContain(msg('captureKeys', '3'));
    expect(panel.textContent).not.toContain(msg('captureWarning', 'evil.test'));
    expect(panel.querySelector('input[type=checkbox]')).toBeNull();
    await click(button(el, msg('captureAdd')));
    expect((await bg.accounts()).map((a) => a.sites)).toEqual([[], [], []]);
  });

  /** A framed setup page's QR with a new key for Mail Machine: ann, who is already bound to its site. */
  async function framedReenroll() {
    const setup = 'https://setup.mailmachine.test/2fa';
    const uri = (key: string) => `otpauth://totp/Mail%20Machine:ann?secret=${key}&issuer=Mail%20Machine`;
    const bg = await withVault(await startBackground('https://prize.evil.test/'), [uri('JBSWY3DPEHPK3PXP')]);
    const [old] = await bg.accounts();
    await bg.send({ type: 'accounts/update', id: old!.id, patch: { sites: ['https://setup.mailmachine.test'] } });
    const told: unknown[] = [];
    bg.frames['content/enrolled'] = async ({ token }) => {
      told.push(await bg.fromPage({ type: 'enroll/outcome', token }, { url: setup, frameId: 2 }));
      return {};
    };
    const { candidate } = await bg.fromPage(
      { type: 'enroll/candidate', source: { kind: 'uri', uri: uri('KRSXG5CTMVRXEZLU') } },
      { url: setup, frameId: 2 },
    );
    expect(await bg.fromPage({ type: 'enroll/confirm', token: candidate!.token }, { url: setup, frameId: 2 })).toEqual({
      kind: 'asked',
    });
    const el = await mount(bg.api);
    return { bg, el, old: old!, told };
  }

  it("a framed QR with a new key for an account of that site: the page's question is asked here; Replace trashes the old one", async () => {
    const { bg, el, old, told } = await framedReenroll();
    const panel = el.querySelector('[data-testid=capture-panel]')!;
    expect(panel.querySelector('[data-testid=capture-replaces]')?.textContent).toBe(
      msg('enrollReplaceAsk', 'Mail Machine · ann'),
    );
    expect(button(el, msg('captureAdd'))).toBeUndefined();
    await click(button(el, msg('enrollReplace')));
    const now = await bg.accounts();
    expect(now.map((a) => a.sites)).toEqual([['https://setup.mailmachine.test']]);
    expect(now[0]!.id).not.toBe(old.id);
    expect((await bg.send({ type: 'accounts/trash' })).map((t: { id: string }) => t.id)).toEqual([old.id]);
    expect(el.querySelector('.toast')?.textContent).toContain(msg('enrollReplaced', 'Mail Machine · ann'));
    // The frame's toast says "Replaced" too, and its confirmation field gets the new key's code.
    expect(told).toEqual([
      expect.objectContaining({ kind: 'added', reenrolled: 'replace', code: expect.stringMatching(/^\d{6}$/) }),
    ]);
  });

  it('… Keep both: both stay, bound to the site', async () => {
    const { bg, el, told } = await framedReenroll();
    await click(button(el, msg('enrollKeepBoth')));
    expect((await bg.accounts()).map((a) => a.sites)).toEqual([
      ['https://setup.mailmachine.test'],
      ['https://setup.mailmachine.test'],
    ]);
    expect(el.querySelector('.toast')?.textContent).toContain(msg('enrollKeptBoth', 'Mail Machine · ann'));
    expect(told).toEqual([expect.objectContaining({ kind: 'added', reenrolled: 'keep' })]);
  });

  it('a QR clicked in a frame another site embeds: asked here, naming that site; no binding choice; added as on its page', async () => {
    const bg = await withVault(await startBackground('https://prize.evil.test/'), []);
    const setup = 'https://setup.mailmachine.test/2fa';
    const told: unknown[] = [];
    bg.frames['content/enrolled'] = async ({ token }) => {
      told.push(await bg.fromPage({ type: 'enroll/outcome', token }, { url: setup, frameId: 2 }));
      return {};
    };
    const uri = 'otpauth://totp/Mail%20Machine:ann?secret=JBSWY3DPEHPK3PXP&issuer=Mail%20Machine';
    const { candidate } = await bg.fromPage(
      { type: 'enroll/candidate', source: { kind: 'uri', uri } },
      { url: setup, frameId: 2 },
    );
    expect(await bg.fromPage({ type: 'enroll/confirm', token: candidate!.token }, { url: setup, frameId: 2 })).toEqual({
      kind: 'asked',
    });
    expect(await bg.accounts()).toEqual([]);
    const el = await mount(bg.api);
    const panel = el.querySelector('[data-testid=capture-panel]')!;
    expect(panel.querySelector('[data-testid=capture-framed]')?.textContent).toBe(
      msg('captureFramed', 'mailmachine.test', 'prize.evil.test'),
    );
    expect(panel.textContent).not.toContain(msg('captureWarning', 'mailmachine.test'));
    expect(panel.querySelector('input[type=checkbox]')).toBeNull();
    // Not a new key for an account the user has: no question about replacing.
    expect(panel.querySelector('[data-testid=capture-replaces]')).toBeNull();
    await click(button(el, msg('captureAdd')));
    expect((await bg.accounts()).map((a) => a.sites)).toEqual([['https://setup.mailmachine.test']]);
    expect(told).toEqual([expect.objectContaining({ kind: 'added', code: expect.stringMatching(/^\d{6}$/) })]);
  });
});
