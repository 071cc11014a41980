/**
 * The `capture` candidate source: a QR the content script cannot read (HTML table cells, a shadow
 * host with nothing readable inside) is cropped from a capture of the visible tab. Which tab comes
 * from `sender`, never from the message; only its top frame, and only while the tab is the active one
 * in its window (captureVisibleTab captures whatever tab is active). At most MAX_PER_PAGE captures per
 * document; the platform queue keeps under Chrome's 2 captures a second. Firefox names no document
 * (no `documentId`): there the page is the tab's top-frame origin, never its URL, which the page
 * changes at will without a new document (history.pushState, a #fragment) to get a fresh budget.
 */
import { cropRgba, type RgbaImage } from '../../core/qr';
import { captureVisibleTab } from '../../platform/capture';
import { getTab } from '../../platform/tabs';
import type { SenderLike } from '../../shared/sender';
import { captureRect, type CaptureRequest } from './capture-rect';

const MAX_PER_PAGE = 6;
/**
 * Captures used by the document each tab shows now: one record per tab (a new document starts
 * afresh, as it always did), so the map never outgrows the open tabs and no page can reset another
 * page's budget (it used to be cleared for everyone at 500 pages).
 */
const used = new Map<number, { page: string; count: number }>();

/** The tab lookup and the capture are the platform's; a unit test passes fakes. */
export interface CaptureDeps {
  getTab: typeof getTab;
  captureVisibleTab: (windowId: number) => Promise<RgbaImage>;
}

export async function captureSource(
  request: CaptureRequest,
  sender: SenderLike,
  origin: string,
  deps: CaptureDeps = { getTab, captureVisibleTab },
): Promise<RgbaImage | null> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || (sender.frameId ?? 0) !== 0) return null;
  const page = sender.documentId ? `document:${sender.documentId}` : `origin:${origin}`;
  const record = used.get(tabId);
  const count = record?.page === page ? record.count : 0;
  if (count >= MAX_PER_PAGE) return null;
  // Taken before any await, so requests sent all at once cannot each see the same count.
  used.set(tabId, { page, count: count + 1 });
  const showing = async () => {
    const tab = await deps.getTab(tabId);
    return tab.active && tab.url !== undefined && new URL(tab.url).origin === origin ? tab.windowId : undefined;
  };
  const windowId = await showing();
  if (windowId === undefined) {
    refund(tabId, page); // not the page on screen: nothing was captured
    return null;
  }
  const image = await deps.captureVisibleTab(windowId);
  // The user may have switched tabs while the capture waited its turn: then it shows another page.
  if ((await showing()) !== windowId) return null;
  const rect = captureRect(request, image.width, image.height);
  return rect && cropRgba(image, rect);
}

function refund(tabId: number, page: string): void {
  const record = used.get(tabId);
  if (record?.page === page && record.count > 0) record.count--;
}

/** The tab closed. */
export function forgetCaptureBudget(tabId: number): void {
  used.delete(tabId);
}
