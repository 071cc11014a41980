/**
 * Seeds (and fast-check paths) of inputs that once broke a parser, replayed by tests/unit/fuzz on every
 * `npm test`; each names the fix. Add a line whenever the fuzzer finds something.
 */
export interface Regression {
  name: string;
  target: string;
  seed: number;
  path: string;
}

export const REGRESSIONS: Regression[] = [];
