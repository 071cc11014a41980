import type { VaultPorts } from '../../../src/background/vault/ports';

/** In-memory storage with the same semantics as extension storage: local survives, session is per browser run. */
export function memoryPorts(iterations = 2000) {
  const local: { current?: string; previous?: string } = {};
  const session: { key?: Uint8Array } = {};
  let writes = 0;
  const ports: VaultPorts = {
    blobs: {
      read: async () => ({ ...local }),
      write: async (current, previous) => {
        writes++;
        local.current = current;
        local.previous = previous ?? current;
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

