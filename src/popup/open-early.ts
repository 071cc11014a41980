/**
 * The popup's first question to the background, asked while this module is evaluated: main.tsx imports
 * it before anything else, so `popup/open` is on its way before the app is evaluated and long before it
 * mounts (issue 16: the status → list → paint → codes chain was most of the popup's time).
 */
import { callBackground } from '../platform/messaging';
import type { PopupOpen } from '../shared/protocol';

export const opening: Promise<PopupOpen> = callBackground({ type: 'popup/open' });
// App's first refresh awaits it and shows the error; until then no "unhandled rejection" for it.
opening.catch(() => undefined);
