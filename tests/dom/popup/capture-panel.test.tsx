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
    await click(button(el, msg('captureAdd')));
    expect((await bg.accounts()).map((a) => a.sites)).toEqual([['https://setup.mailmachine.test']]);
    expect(told).toEqual([expect.objectContaining({ kind: 'added', code: expect.stringMatching(/^\d{6}$/) })]);
  });
});
