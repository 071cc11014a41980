/** Errors of the in-field pick, with stable codes the popup translates (error_fill_*). */
export class PickError extends Error {
  constructor(
    /**
     * `fill/pick-gone`: the id names no live pick (never issued, expired, used or cancelled).
     * `fill/lookalike-unconfirmed`: the page looks like another account's site and the user did not confirm.
     */
    readonly code: 'fill/pick-gone' | 'fill/lookalike-unconfirmed',
    message: string,
  ) {
    super(message);
    this.name = 'PickError';
  }
}
