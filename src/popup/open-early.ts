/**
 * The popup's first question to the background, asked while this module is evaluated: main.tsx imports
 * it before anything else, so `popup/open` is on its way before preact and the app are evaluated and
 * long before they mount (issue 16: the status → list → paint → codes chain was most of the popup's
 * time). runtime-lite, not the polyfill: nothing more has to be evaluated before the message goes out.
 */
import { sendToBackground } from '../platform/runtime-lite';
import type { PopupOpen } from '../shared/protocol';

export const opening: Promise<PopupOpen> = sendToBackground({ type: 'popup/open' });
// App's first refresh awaits it and shows the error; until then no "unhandled rejection" for it.
opening.catch(() => undefined);
