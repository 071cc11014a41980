import type { BackgroundType, Envelope, ResponseOf, ToBackground } from '../shared/protocol';
import type { OptionsApi } from './api';
import type { RestorePointsPort } from './restore-points-section';

export type Send = <K extends BackgroundType>(
  message: Envelope<ToBackground, K>,
) => Promise<ResponseOf<ToBackground, K>>;

/** The options page's client over the message registry: each method is one typed message (shared/messages). */
export function createOptionsApi(
  send: Send,
  io: Pick<OptionsApi, 'qrFromImage' | 'download' | 'screenLockReported'>,
): OptionsApi {
  return {
    status: () => send({ type: 'vault/status' }),
    settings: () => send({ type: 'settings/get' }),
    saveSettings: (change) => send({ type: 'settings/set', settings: change }),
    changePassword: (oldPassword, newPassword) => send({ type: 'vault/change-password', oldPassword, newPassword }),
    addUri: (uri) => send({ type: 'accounts/add-uri', uri }),
    importPreview: (payload) => send({ type: 'import/preview', ...payload }),
    importCommit: ({ previewId, expectedCount, replace }) =>
      send({ type: 'import/commit', previewId, expectedCount, ...(replace && { replace }) }),
    importUndo: (importId) => send({ type: 'import/undo', importId }),
    exportFile: (request) => send({ type: 'export/file', ...request }),
    backupStatus: () => send({ type: 'backup/status' }),
    verifyBackup: (payload) => send({ type: 'backup/verify', ...payload }),
    qrFromImage: (image) => io.qrFromImage(image),
    download: (file) => io.download(file),
    screenLockReported: io.screenLockReported,
  };
}

/** The options page's restore-point section: list and restore (shared/messages/restore.ts). */
export function createRestorePointsPort(send: Send): RestorePointsPort {
  return {
    list: () => send({ type: 'restore-points/list' }),
    restore: (id) => send({ type: 'restore-points/restore', id }),
  };
}
