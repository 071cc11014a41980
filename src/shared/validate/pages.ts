/**
 * Checks for extension-page messages that carry ids or strings. Extension pages are our own code, so
 * these are cheap belts and braces (a bug, not an attacker, is what they mostly catch); messages whose
 * payloads are rich (account patches, imports, settings) are checked by their handlers.
 */
import { array, payload, str } from './check';
import { accountId } from './fill';

const password = str(4096);
const byId = payload({ id: accountId });
/** Far more accounts than any vault holds; bounds the work a list does. */
const ids = array(accountId, 10_000);

export const pageChecks = {
  'vault/create': payload({ password }),
  'vault/unlock': payload({ password }),
  'vault/change-password': payload({ oldPassword: password, newPassword: password }),
  'accounts/hotp-next': byId,
  'accounts/hotp-use': byId,
  'accounts/delete': byId,
  'accounts/restore': byId,
  'accounts/export-uri': payload({ id: accountId, password }),
  'backup-codes/get': byId,
  'accounts/reorder': payload({ ids }),
  'codes/get': payload({ ids }),
  'clipboard/clear-later': payload({ text: str(64) }),
  'import/undo': payload({ importId: str(128, undefined, 1) }),
  'restore-points/restore': payload({ id: str(128, undefined, 1) }),
};
