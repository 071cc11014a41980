/**
 * THE MESSAGE REGISTRY (issue 15, ARCHITECTURE.md rule 3): one record per message, and everything else
 * derives from the records: the protocol types (../protocol.ts), the router and its sender checks
 * (background/router.ts), the typed senders (platform/messaging.ts `callBackground`,
 * platform/runtime-lite.ts `sendToBackground`, background/send-to-frame.ts `sendToFrame`,
 * background/clipboard-clear.ts → offscreen) and the popup/options API clients.
 *
 * HOW TO ADD A MESSAGE (two files):
 * 1. Its record, in the area file here (e.g. ./accounts.ts):
 *      'accounts/archive': message<{ id: string }, AccountView>(PAGES, payload({ id: accountId })),
 *    i.e. `type: message<Request, Response>(senders, validate)`. Senders: PAGES (popup/options),
 *    CONTENT (content scripts: keep that list short, validate tightly, take the origin from `sender`),
 *    or BACKGROUND (background → content/offscreen). `validate` is built from ../validate/check.ts and
 *    must prove the request type, or it does not compile. New area? Add its file and spread it below.
 * 2. Its handler, in the matching background/messages/<area>.ts table:
 *      'accounts/archive': (m) => accountsArchive(services, m.id),
 *    The table is typed `{ [K in <area's types>]: Handler<K> }`: a record without a handler (or a
 *    handler without a record) does not compile, and tests/unit/shared/registry.test.ts checks it too.
 *    Background → content messages get their handler in the content script's `onBackgroundMessage`.
 * Pages then call it with `callBackground({ type: 'accounts/archive', id })`, typed from the record (a
 * popup/options method is one more line in src/popup/client.ts or src/options/client.ts).
 */
import { accountMessages } from './accounts';
import { appMessages } from './app';
import { clockMessages } from './clock';
import { toContentMessages } from './to-content';
import type { MessageMap } from './define';
import { enrollMessages } from './enroll';
import { fillMessages } from './fill';
import { importExportMessages } from './import-export';
import { popupMessages } from './popup-open';
import { restoreMessages } from './restore';
import { toOffscreenMessages } from './to-offscreen';

/** Every message the background answers (from extension pages and content scripts). */
export const toBackground = {
  ...appMessages,
  ...clockMessages,
  ...accountMessages,
  ...fillMessages,
  ...enrollMessages,
  ...importExportMessages,
  ...restoreMessages,
  ...popupMessages,
};

export { toContentMessages as toContent, toOffscreenMessages as toOffscreen };

export type ToBackgroundMap = MessageMap<typeof toBackground>;
export type ToContentMap = MessageMap<typeof toContentMessages>;
export type ToOffscreenMap = MessageMap<typeof toOffscreenMessages>;

export function isBackgroundType(type: unknown): type is keyof typeof toBackground {
  return typeof type === 'string' && Object.hasOwn(toBackground, type);
}

export { message, PAGES, CONTENT, BACKGROUND, type MessageRecord, type SenderKind, type NoFields } from './define';
