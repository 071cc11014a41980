/**
 * Every background handler, one per record of shared/messages (see the guide at the top of
 * shared/messages/index.ts). Typed `Handlers`: a record without a handler does not compile.
 */
import type { Handlers } from '../router';
import type { Services } from '../handlers/context';
import { importExportHandlers } from '../handlers/import-export';
import { accountHandlers } from './accounts';
import { appHandlers } from './app';
import { enrollHandlers } from './enroll';
import { fillHandlers } from './fill';

export function backgroundHandlers(services: Services): Handlers {
  return {
    ...appHandlers(services),
    ...accountHandlers(services),
    ...fillHandlers(services),
    ...enrollHandlers(services),
    ...importExportHandlers(services),
  };
}
