/** Record of the popup's opening message (issue 16): extension pages only; it has no request fields. */
import type { PopupOpen } from '../protocol';
import { payload } from '../validate/check';
import { message, PAGES, type NoFields } from './define';

export const popupMessages = {
  /** Vault status, account list and the first rows' codes in one round trip (a locked vault: the status only). */
  'popup/open': message<NoFields, PopupOpen>(PAGES, payload({})),
};
