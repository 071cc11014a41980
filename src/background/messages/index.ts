/**
 * Every background handler, one per record of shared/messages (see the guide at the top of
 * shared/messages/index.ts). Typed `Handlers`: a record without a handler does not compile.
 */
import type { Handlers } from '../router';
import type { Services } from '../handlers/context';
import { importExportHandlers } from '../handlers/import-export';
import { accountHandlers } from './accounts';
import { appHandlers } from './app';
import { clockHandlers } from './clock';
import { enrollHandlers } from './enroll';
import { fillHandlers } from './fill';
import { popupHandlers } from './popup-open';
import { restoreHandlers } from './restore';

export function backgroundHandlers(services: Services): Handlers {
  return {
    ...appHandlers(services),
    ...clockHandlers(services),
    ...accountHandlers(services),
    ...fillHandlers(services),
    ...enrollHandlers(services),
    ...importExportHandlers(services),
    ...restoreHandlers(services),
    ...popupHandlers(services),
  };
}
