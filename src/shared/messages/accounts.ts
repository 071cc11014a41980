/**
 * Records of the account messages: extension pages only (the popup and options page). Pages are our own
 * code, so these checks mostly catch bugs; the handlers still refuse what the types cannot say (an
 * origin that is not one, a counter going down).
 */
import type {
  AccountList,
  AccountPatch,
  AccountView,
  BackupCodeView,
  CodeView,
  HotpUse,
  ManualEntryInput,
  ScanResult,
  TrashView,
} from '../protocol';
import { MAX_STORED_BACKUP_CODES } from '../../core/vault';
import { array, bool, int, object, optional, payload, str } from '../validate/check';
import { accountId } from '../validate/fill';
import { message, PAGES, type NoFields } from './define';

const password = str(4096);
const byId = payload({ id: accountId });
/** Far more accounts than any vault holds; bounds the work a list does. */
const ids = array(accountId, 10_000);
const text = str(4096);
const origins = array(str(2048), 100);
const field = optional(str(256));

const patch = object({
  issuer: optional(text),
  account: optional(text),
  sites: optional(origins),
  pinned: optional(bool),
  order: optional(int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)),
  counter: optional(int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)),
  fill: optional(object({ submitOn: optional(origins), appendOn: optional(origins), exactOrigin: optional(bool) })),
});

const entry = object({
  issuer: text,
  account: text,
  secret: str(4096),
  type: field,
  algorithm: field,
  digits: field,
  period: field,
  counter: field,
});

export const accountMessages = {
  'accounts/list': message<NoFields, AccountList>(PAGES, payload({})),
  'accounts/add-uri': message<{ uri: string; sites?: string[] }, AccountView[]>(
    PAGES,
    payload({ uri: str(64 * 1024), sites: optional(origins) }),
  ),
  'accounts/add-manual': message<{ entry: ManualEntryInput }, AccountView>(PAGES, payload({ entry })),
  'accounts/update': message<{ id: string; patch: AccountPatch }, AccountView>(
    PAGES,
    payload({ id: accountId, patch }),
  ),
  'accounts/delete': message<{ id: string }, NoFields>(PAGES, byId),
  'accounts/restore': message<{ id: string }, AccountView>(PAGES, byId),
  'accounts/trash': message<NoFields, TrashView[]>(PAGES, payload({})),
  'accounts/reorder': message<{ ids: string[] }, NoFields>(PAGES, payload({ ids })),
  'accounts/hotp-next': message<{ id: string }, CodeView>(PAGES, byId),
  /** Take an HOTP account's code for use (copy, fill the active tab): the counter moves on in the same write. */
  'accounts/hotp-use': message<{ id: string }, HotpUse>(PAGES, byId),
  'accounts/export-uri': message<{ id: string; password: string }, { uri: string }>(
    PAGES,
    payload({ id: accountId, password }),
  ),
  'backup-codes/get': message<{ id: string }, BackupCodeView[]>(PAGES, byId),
  'backup-codes/set': message<{ id: string; codes: BackupCodeView[] }, BackupCodeView[]>(
    PAGES,
    payload({ id: accountId, codes: array(object({ code: str(4096), used: bool }), MAX_STORED_BACKUP_CODES) }),
  ),
  'codes/get': message<{ ids: string[] }, CodeView[]>(PAGES, payload({ ids })),
  'clipboard/clear-later': message<{ text: string }, NoFields>(PAGES, payload({ text: str(64) })),
  'scan/visible-tab': message<NoFields, ScanResult>(PAGES, payload({})),
};
