// Not code: crxjs builds the content UI as its own file and gives its path, for injection below.
// eslint-disable-next-line no-restricted-imports
import uiScript from '../../content/page-ui.ts?iife';
import { executeScript as inject, type ExecuteScript } from '../../platform/tabs';
import type { NoFields } from '../../shared/protocol';
import type { SenderLike } from '../../shared/sender';
import { BackgroundError } from '../errors';
import { frameTarget } from '../send-to-frame';

/**
 * `ui/load` (content scripts): inject the page UI script into the asking frame (its own document
 * where the browser says which). Injected by `scripting`, so it is not a web-accessible resource.
 */
export async function uiLoad(sender: SenderLike, executeScript: ExecuteScript = inject): Promise<NoFields> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new BackgroundError('protocol/bad-request', 'Not a tab');
  await executeScript({
    target: frameTarget(tabId, { frameId: sender.frameId ?? 0, documentId: sender.documentId }),
    files: [uiScript],
  });
  return {};
}
