import type { NoFields } from '../../shared/protocol';
import { senderOrigin, type SenderLike } from '../../shared/sender';
import { BackgroundError } from '../errors';
import { rememberPick } from '../fill/pick';
import { embedders } from '../fill/silent';
import type { FrameAncestors } from '../../platform/web-navigation';
import type { Services } from './context';

/**
 * `fill/choose` (content scripts): the user clicked our in-field button. The frame, document and
 * origin come from `sender`; the click becomes a pick with its own id, and the popup then unlocks
 * and/or offers the accounts for it (see fill/pick.ts). The id never goes to the page. The frames that
 * embed it go with the pick: the popup warns when another site does.
 */
export async function fillChoose(services: Services, sender: SenderLike, frames?: FrameAncestors): Promise<NoFields> {
  const origin = senderOrigin(sender);
  const tabId = sender.tab?.id;
  if (!origin || tabId === undefined) throw new BackgroundError('protocol/bad-request', 'Not a web page');
  // Who embeds the frame, from the browser's frame tree: the popup names another site that does.
  const above = await embedders(sender, frames);
  rememberPick({ tabId, frameId: sender.frameId ?? 0, documentId: sender.documentId, origin, above });
  await services.askToUnlock(sender.tab?.id);
  return {};
}
