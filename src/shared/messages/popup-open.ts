/** Record of the popup's opening message (issue 16): extension pages only; it has no request fields. */
import type { PopupOpen } from '../protocol';
import { payload, str } from '../validate/check';
import { message, PAGES, type NoFields } from './define';

export const popupMessages = {
  /** Vault status, account list and the first rows' codes in one round trip (a locked vault: the status only). */
  'popup/open': message<NoFields, PopupOpen>(PAGES, payload({})),
  /** vault/unlock, then popup/open's answer in the same round trip (the unlock form's first code). */
  'popup/unlock': message<{ password: string }, PopupOpen>(PAGES, payload({ password: str(4096) })),
};
