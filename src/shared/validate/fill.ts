/** Run-time checks for the fill and page-UI messages a content script sends (all small). */
import { bool, optional, payload, str, uuid } from './check';

/** Account ids are crypto.randomUUID() today; older or imported vaults may hold other short strings. */
export const accountId = str(128, undefined, 1);

export const fillChecks = {
  'fill/request': payload({
    accountId: optional(accountId),
    grant: optional(uuid),
    visible: optional(bool),
    consecutive: optional(bool),
    append: optional(bool),
  }),
  'fill/choose': payload({}),
  'ui/load': payload({}),
};
