/**
 * Third-party peer fixtures (Aegis's test resources, GPL-3.0: export files of other apps) are read in
 * place from ../shared/peer-fixtures beside this repository, never copied into it. A clone on its own
 * has no such folder: the tests over those files are skipped then (`describe.skipIf(!peerFixturesPresent)`)
 * and tests/peer-fixtures-notice.ts prints one line saying so. The RFC and URI vectors are data this
 * repository carries (tests/fixtures/vectors), so those tests always run.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PEER_ROOT = resolve(import.meta.dirname, '../../shared/peer-fixtures');
export const AEGIS_DIR = join(PEER_ROOT, 'aegis');
export const peerFixturesPresent = existsSync(join(AEGIS_DIR, 'expected.json'));
export const PEER_SKIP_LINE = `SKIPPED: tests over third-party peer fixtures (GPL) — ${PEER_ROOT} is not beside this clone; everything else ran.`;
