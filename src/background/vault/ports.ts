import type { RestorePoint } from './restore-points';

/**
 * What the vault service needs from the outside world, as plain interfaces: the background wires
 * them to extension storage (./storage-ports.ts); unit tests pass in-memory fakes.
 */
export interface BlobStore {
  /** The sealed vault (current generation) and the generation before it. */
  read(): Promise<{ current?: string; previous?: string }>;
  /**
   * Writes both generations in ONE storage call: after a crash either the old or the new pair is there.
   * `extra` rides in the same call: the new restore-point list, the time of a recovery.
   */
  write(current: string, previous: string | undefined, extra?: BlobExtras): Promise<void>;
  /** The restore points, oldest first (each a sealed vault blob). */
  readPoints(): Promise<RestorePoint[]>;
  /** When the vault last fell back to the previous generation, cleared by reading it. */
  takeRecovered(): Promise<number | undefined>;
}

export interface BlobExtras {
  points?: RestorePoint[];
  recoveredAt?: number;
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
