/** Shared pieces of the message records' checks (shared/messages/). */
import { str } from './check';

/** Account ids are crypto.randomUUID() today; older or imported vaults may hold other short strings. */
export const accountId = str(128, undefined, 1);
