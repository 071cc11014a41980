/** Handler of the clock record (shared/messages/clock.ts). */
import type { clockMessages } from '../../shared/messages/clock';
import type { AreaHandlers } from '../router';
import type { Services } from '../handlers/context';
import { clockStatus } from '../handlers/clock-status';

export function clockHandlers(services: Services): AreaHandlers<typeof clockMessages> {
  return {
    'clock/status': () => clockStatus(services),
  };
}
