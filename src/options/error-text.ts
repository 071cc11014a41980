export { codeText, errorText } from '../shared/error-text';

/** An error the page raises itself, with a code like the background's. */
export class PageError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'PageError';
  }
}
