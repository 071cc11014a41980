/**
 * What the vault service needs from the outside world, as plain interfaces: the background wires
 * them to extension storage (./storage-ports.ts); unit tests pass in-memory fakes.
 */
export interface BlobStore {
  /** The sealed vault (current generation) and the generation before it. */
  read(): Promise<{ current?: string; previous?: string }>;
  /** Writes both generations in ONE storage call: after a crash either the old or the new pair is there. */
  write(current: string, previous: string | undefined): Promise<void>;
}

export interface KeyStore {
  /** The unlocked vault key, kept in session storage so a service-worker restart stays unlocked. */
  read(): Promise<Uint8Array | undefined>;
  write(key: Uint8Array): Promise<void>;
  clear(): Promise<void>;
}

export interface VaultPorts {
  blobs: BlobStore;
  keys: KeyStore;
  now(): number;
  /** PBKDF2 iterations for a new vault or a re-wrap (calibrated to ~0.5 s, floor 600,000). */
  iterations(): Promise<number>;
}
