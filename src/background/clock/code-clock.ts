/**
 * Where every code the background computes (popup display and copy, fill, the setup page's field) gets
 * its clock correction. index.ts installs the real source (the offset the user accepted, clock/keeper.ts); until then,
 * and in unit tests, it is 0: this computer's clock as it is.
 *
 * One source for all code paths rather than a parameter through each: the fill paths (fill/request,
 * the popup's pick, the unlock that finishes a pick or an enrollment) must never disagree with the
 * code the popup shows.
 */
let source: () => Promise<number> = () => Promise.resolve(0);

export function setCodeOffsetSource(next: () => Promise<number>): void {
  source = next;
}

/** Milliseconds to add to this computer's clock for codes (0 unless the user turned correction on). */
export function codeOffsetNow(): Promise<number> {
  return source();
}
