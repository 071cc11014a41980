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

export const REGRESSIONS: Regression[] = [
  // `version: { toString: null }` made String(version) throw a TypeError in the backup reader's error
  // message (fixed: the message names only numbers; same guard in the Ente and Bitwarden readers).
  {
    name: 'backup version object without toString',
    target: 'backup reader',
    seed: -1962443755,
    path: '45335:1:19:13:7:6:84:83:84:86:84:84:84:84:84:84:84:84:84:84:84:84:84:84:84:84:84:84:84:87:84:84:84:84:85:85',
  },
];
