/**
 * The frames above a frame, from the browser's own frame tree (webNavigation.getFrame, Chrome and
 * Firefox: https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/webNavigation/getFrame).
 * A message's sender names its frame and tab, not who embeds it: a page of the account's site that
 * another site frames (A → B → A) has the tab's top page as a same-site "top", and only the tree shows B.
 */
import { browser } from './browser';

/** The URLs of the frames above `frameId` in `tabId`, its parent first, the top frame last; null if unknown. */
export type FrameAncestors = (tabId: number, frameId: number, documentId?: string) => Promise<string[] | null>;

interface FrameDetails {
  url: string;
  parentFrameId: number;
  /** Chrome 106+. */
  documentId?: string;
}

/** Frames deeper than this are not walked: the answer is "unknown" (no fill without a click). */
const MAX_DEPTH = 32;

export const frameAncestors: FrameAncestors = async (tabId, frameId, documentId) => {
  const getFrame = (id: number) =>
    browser.webNavigation.getFrame({ tabId, frameId: id } as Parameters<
      typeof browser.webNavigation.getFrame
    >[0]) as Promise<FrameDetails | null>;
  const urls: string[] = [];
  let frame: FrameDetails | null;
  try {
    frame = await getFrame(frameId);
    // The frame went on to another document since it asked (Chrome tells): its ancestors are not its own.
    if (!frame || (documentId && frame.documentId && frame.documentId !== documentId)) return null;
    for (let depth = 0; frame.parentFrameId >= 0; depth++) {
      if (depth >= MAX_DEPTH) return null;
      frame = await getFrame(frame.parentFrameId);
      if (!frame) return null;
      urls.push(frame.url);
    }
  } catch {
    return null; // a tab or frame that is gone, or no webNavigation: unknown, so no fill without a click
  }
  return urls;
};
