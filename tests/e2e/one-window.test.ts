/**
 * A content script's fill/choose (and enroll/confirm while locked, or for a QR the popup must ask
 * about) asks the user through the popup; where action.openPopup is refused (headless here, no
 * focused window, Firefox without a user action) through a small window. One window at a time, at
 * most one ask per tab per few seconds: code in the content-script world (a compromised renderer)
 * sending the message 20 times, without a click, used to open 20 windows. (Review rev-msg F3.)
 * Speaks as the content script of https://evil.test (its real sender) through DevTools.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateInContentScript } from './content-world';
import type { LoadedExtension } from './harness';
import type { FixtureServer } from './server';
import { closeBed, openBed, openPage } from './setup';

let server: FixtureServer;
let ext: LoadedExtension;

beforeAll(async () => {
  ({ server, ext } = await openBed());
}, 120_000);

afterAll(() => closeBed(ext, server));

const popupWindows = () =>
  ext.worker.evaluate(async () => (await chrome.windows.getAll()).filter((w) => w.type === 'popup').length);

describe('a content script opens at most one extension window', () => {
  it('20 fill/choose messages at once, no click: one popup window', async () => {
    const page = await openPage(ext, server.url('/login/keyup.html', 'evil.test', 'https'));
    await page.waitForTimeout(1000);
    const before = await popupWindows();
    const replies = await evaluateInContentScript<unknown[]>(
      page,
      `Promise.all(Array.from({ length: 20 }, () => chrome.runtime.sendMessage({ type: 'fill/choose' })))`,
      'ClickAuth Authenticator',
    );
    expect(replies).toHaveLength(20);
    await page.waitForTimeout(1500);
    expect((await popupWindows()) - before).toBeLessThanOrEqual(1);
    // Later asks (past the tab's cooldown) focus that window again instead of opening another.
    await page.waitForTimeout(5500);
    await evaluateInContentScript(
      page,
      `chrome.runtime.sendMessage({ type: 'fill/choose' })`,
      'ClickAuth Authenticator',
    );
    await page.waitForTimeout(1500);
    expect((await popupWindows()) - before).toBeLessThanOrEqual(1);
  }, 60_000);
});
