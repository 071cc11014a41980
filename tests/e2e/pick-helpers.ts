/**
 * The in-field button's pick, driven as a user does: a real click on our button in the page, then the
 * popup. The popup belongs to the active tab of the last focused normal window; Playwright cannot show
 * the toolbar popup, so the popup opens as the small 'popup' window the extension itself falls back to,
 * which leaves the page the active tab behind it (a popup page opened as a tab would be its own tab).
 */
import type { Locator, Page } from 'playwright-core';
import type { LoadedExtension } from './harness';

export async function openPopupWindow(ext: LoadedExtension, page?: Page): Promise<Page> {
  if (page) await page.bringToFront();
  const url = `chrome-extension://${ext.extensionId}/src/popup/index.html`;
  const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url() === url, timeout: 10_000 });
  await ext.worker.evaluate(
    (href) => chrome.windows.create({ url: href, type: 'popup', width: 380, height: 560 }),
    url,
  );
  const popup = await opened;
  await popup.waitForLoadState('domcontentloaded');
  return popup;
}

/** Our button in the field: waits until it is shown, then past the anti-clickjacking delay. */
export async function fieldButton(page: Page): Promise<Locator> {
  const button = page.locator('clickauth-fill');
  await button.waitFor({ state: 'visible', timeout: 8000 });
  await page.waitForTimeout(500);
  return button;
}

/** A real click on the page's in-field button (the page in front, as when a user clicks it). */
export async function clickFieldButton(page: Page): Promise<void> {
  const button = await fieldButton(page);
  await page.bringToFront();
  await button.click();
}
