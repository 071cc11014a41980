import type { VaultPorts } from '../../../src/background/vault/ports';
import type { RestorePoint } from '../../../src/background/vault/restore-points';

/** In-memory storage with the same semantics as extension storage: local survives, session is per browser run. */
export function memoryPorts(iterations = 2000) {
  const local: { current?: string; previous?: string; points?: RestorePoint[]; recoveredAt?: number } = {};
  const session: { key?: Uint8Array } = {};
  let writes = 0;
  const ports: VaultPorts = {
    blobs: {
      read: async () => ({
        ...(local.current ? { current: local.current } : {}),
        ...(local.previous ? { previous: local.previous } : {}),
      }),
      write: async (current, previous, extra = {}) => {
        writes++;
        local.current = current;
        local.previous = previous ?? current;
        if (extra.points) local.points = extra.points;
        if (extra.recoveredAt !== undefined) local.recoveredAt = extra.recoveredAt;
      },
      readPoints: async () => local.points ?? [],
      takeRecovered: async () => {
        const at = local.recoveredAt;
        delete local.recoveredAt;
        return at;
      },
    },
    keys: {
      read: async () => session.key,
      write: async (key) => {
        session.key = key;
      },
      clear: async () => {
        delete session.key;
      },
    },
    now: () => Date.UTC(2026, 10, 24),
    iterations: async () => iterations,
  };
  return { ports, local, session, writes: () => writes };
}
