/** Errors the background raises itself (core errors carry their own codes). */
export class BackgroundError extends Error {
  constructor(
    readonly code:
      | 'vault/locked'
      | 'vault/exists'
      | 'enroll/not-authenticator'
      /** A page confirmed more QRs than enroll/confirm-limits.ts allows. */
      | 'enroll/too-many'
      /** A new backup code longer than MAX_BACKUP_CODE_LENGTH (core/vault/types.ts). */
      | 'backup-codes/too-long'
      | 'protocol/bad-request',
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}
