/**
 * Records of the fill messages. A content script may only ask for a code for its own frame (the
 * background reads the origin from `sender`) and open the popup; picking, and filling the active tab,
 * are the popup's.
 */
import type { CodeAnswer, FillAnswer, PendingPick } from '../protocol';
import { bool, optional, payload, str, uuid } from '../validate/check';
import { accountId } from '../validate/fill';
import { CONTENT, message, PAGES, type NoFields } from './define';

export const fillMessages = {
  /**
   * `accountId`: the user picked this account (popup click, shortcut); `grant`: the background's
   * one-time grant for a fill the user asked for; `visible`: our content script saw the field;
   * `consecutive`: the field wants two codes. See background/handlers/fill-request.ts.
   */
  'fill/request': message<
    { accountId?: string; grant?: string; visible?: boolean; consecutive?: boolean; append?: boolean },
    FillAnswer
  >(
    CONTENT,
    payload({
      accountId: optional(accountId),
      grant: optional(uuid),
      visible: optional(bool),
      consecutive: optional(bool),
      append: optional(bool),
    }),
  ),
  /** The user clicked the in-field button: open the popup to unlock or pick an account for this frame. */
  'fill/choose': message<NoFields, NoFields>(CONTENT, payload({})),
  /**
   * The frame told `content/pick-ready`: the picked account's code, for the one-use `grant` that came
   * with it, only if this frame (origin and, where the browser names it, document) is the pick's.
   */
  'fill/pick-code': message<{ grant: string }, CodeAnswer | null>(CONTENT, payload({ grant: uuid })),
  /** Popup: the in-field pick waiting in the active tab (the popup's), with its id, if any. */
  'fill/pick-pending': message<NoFields, PendingPick | null>(PAGES, payload({})),
  /**
   * Popup: fill pick `pickId`'s frame with account `id`'s code; `always` binds an unbound account to the
   * site; `despiteLookalike`: the user confirmed although the site looks like another account's.
   */
  'fill/pick': message<
    { pickId: string; id: string; always: boolean; despiteLookalike?: boolean },
    { filled: boolean }
  >(PAGES, payload({ pickId: str(128, undefined, 1), id: accountId, always: bool, despiteLookalike: optional(bool) })),
  /** Popup: the user dismissed pick `pickId`; nothing is filled for it later. */
  'fill/pick-cancel': message<{ pickId: string }, NoFields>(PAGES, payload({ pickId: str(128, undefined, 1) })),
  /** Popup: fill this account's code into the active tab's one-time-code field (the page's own site only). */
  'fill/active-tab': message<{ id?: string }, { filled: boolean }>(PAGES, payload({ id: optional(accountId) })),
  /** Inject the page UI script (overlay, notices, in-field button) into the asking frame. */
  'ui/load': message<NoFields, NoFields>(CONTENT, payload({})),
};
