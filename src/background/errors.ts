/** Errors the background raises itself (core errors carry their own codes). */
export class BackgroundError extends Error {
  constructor(
    readonly code: 'vault/locked' | 'vault/exists' | 'enroll/not-authenticator' | 'protocol/bad-request',
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}
