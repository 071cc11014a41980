/**
 * How a filled field asks for its code again when ./keep-fresh.ts refreshes it: the same way it was
 * filled, so each refresh passes the same checks in the background as the fill did (its site from
 * `sender`, the grant the previous answer brought for this frame and document, the account chosen).
 */
import { sendToBackground } from '../../platform/runtime-lite';
import type { CodeAnswer } from '../../shared/protocol';
import { targetSeen } from './visible';
import type { OtpTarget } from './classify';

/** Asks with the grant the last answer brought (none after an autofill); null: no code for it any more. */
export type AskAgain = (grant: string | undefined) => Promise<CodeAnswer | null>;

/**
 * Again as it was filled: `fill/request` under the same rules, naming the account the user chose of
 * several (popup click) if they did; the background pins each refresh grant to that account.
 */
export const requestAgain =
  (target: OtpTarget, accountId?: string): AskAgain =>
  async (grant) => {
    const again = await sendToBackground({
      type: 'fill/request',
      ...(accountId ? { accountId } : {}),
      ...(grant ? { grant } : {}),
      visible: targetSeen(target),
      consecutive: target.kind === 'consecutive',
    });
    return again.kind === 'code' ? again : null; // locked, or the grant ran out: the field keeps its code
  };

/**
 * A picked account's code (the in-field button's pick, which `fill/request` cannot name: it may be
 * bound to no site): again through `fill/pick-code`, with the refresh grant the background gave to
 * this frame and document only.
 */
export const pickAgain: AskAgain = async (grant) =>
  grant ? sendToBackground({ type: 'fill/pick-code', grant }) : null;
