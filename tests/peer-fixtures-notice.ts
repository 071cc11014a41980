/** Vitest global setup: one clear line when the peer-fixture tests are skipped (tests/peer-fixtures.ts). */
import { PEER_SKIP_LINE, peerFixturesPresent } from './peer-fixtures';

export default function notice(): void {
  if (!peerFixturesPresent) process.stdout.write(`\n${PEER_SKIP_LINE}\n\n`);
}
