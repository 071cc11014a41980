/** Handlers of the enrollment records (shared/messages/enroll.ts); tokens are bound to their frame. */
import type { enrollMessages } from '../../shared/messages/enroll';
import type { AreaHandlers } from '../router';
import type { Services } from '../handlers/context';
import { captureAccept, capturePending, captureReject } from '../enroll/capture-ask';
import { enrollBackupCodes } from '../handlers/enroll-backup-codes';
import { enrollCandidate } from '../handlers/enroll-candidate';
import { enrollCode } from '../handlers/enroll-code';
import { enrollConfirm } from '../handlers/enroll-confirm';
import { enrollUndo } from '../handlers/enroll-undo';
import { enrollReenroll } from '../handlers/enroll-reenroll';
import { enrollOutcome } from '../enroll/told';

export function enrollHandlers(services: Services): AreaHandlers<typeof enrollMessages> {
  return {
    'enroll/candidate': (m, { sender }) => enrollCandidate(m.source, sender),
    'enroll/confirm': (m, { sender }) => enrollConfirm(services, m.token, sender),
    'enroll/undo': (m, { sender }) => enrollUndo(services, m.token, sender),
    'enroll/reenroll': (m, { sender }) => enrollReenroll(services, m.token, m.choice, sender),
    'enroll/outcome': (m, { sender }) => enrollOutcome(m.token, sender),
    'enroll/code': (m, { sender }) => enrollCode(services, m.token, sender),
    'enroll/backup-codes': (m, { sender }) => enrollBackupCodes(services, m.token, m.codes, sender),
    'enroll/capture-pending': () => capturePending(services.vault),
    'enroll/capture-accept': (m) =>
      captureAccept(services.vault, m.token, { bind: m.bind, ...(m.reenroll && { reenroll: m.reenroll }) }),
    'enroll/capture-reject': (m) => (captureReject(m.token), {}),
  };
}
