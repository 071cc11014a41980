/** The in-field button's pick, driven in Firefox as a user does it (tests/e2e/pick-helpers.ts is Chromium's). */
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import type { AccountView, PendingPick } from '../../../src/shared/protocol';
import { call, eventually } from './harness';

/**
 * A real click on our in-field button in `where` (in `page`, the page in front), past the
 * anti-clickjacking delay, then the pick the popup would show for that tab, as `popup` (an extension
 * page) asks for it.
 */
export async function clickForPick(popup: Page, page: Page, where: Page | Frame): Promise<PendingPick> {
  const button = (await where.waitForSelector('clickauth-fill', { visible: true, timeout: 15_000 })) as ElementHandle;
  await new Promise((done) => setTimeout(done, 600));
  await page.bringToFront();
  const box = await button.boundingBox();
  await page.mouse.click(box!.x + box!.width / 2, box!.y + box!.height / 2);
  await new Promise((done) => setTimeout(done, 1000));
  // Where the browser refuses to open the toolbar popup (no user gesture reaches the background), the
  // click opened our small window. Firefox names that window as the last focused one even when asked for
  // normal windows only; the pick is still the one of the page the window was opened for (the build
  // before found none: pulled-codes.test.ts closed those windows first).
  return eventually(async () => {
    const pick = await call<PendingPick | null>(popup, { type: 'fill/pick-pending' });
    if (!pick) throw new Error('no pick yet');
    return pick;
  });
}

/** Adds each of `uris` as an account bound to `origin` (two or more: the site's field gets our button); their ids. */
export async function addAccountsOn(popup: Page, uris: readonly string[], origin: string): Promise<string[]> {
  const ids: string[] = [];
  for (const uri of uris) {
    const [added] = await call<AccountView[]>(popup, { type: 'accounts/add-uri', uri, sites: [origin] });
    ids.push(added!.id);
  }
  return ids;
}
