/** Errors the background raises itself (core errors carry their own codes). */
export class BackgroundError extends Error {
  constructor(
    readonly code:
      | 'vault/locked'
      | 'vault/exists'
      | 'enroll/not-authenticator'
      /** A page confirmed more QRs than enroll/confirm-limits.ts allows. */
      | 'enroll/too-many'
      | 'protocol/bad-request',
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}
