import {
  CURRENT_MIN_ITERATIONS,
  changePassword,
  createEnvelope,
  openWithKey,
  readEnvelopeHeader,
  rewrapEnvelope,
  sealWithKey,
  unlockEnvelope,
} from '../../core/crypto';
import {
  deserializeVault,
  emptyVault,
  keepHigherCounters,
  purgeTrash,
  serializeVault,
  type VaultData,
} from '../../core/vault';
import { CoreError, VaultCorrupted, isCoreError } from '../../core/errors';
import { passwordProblem } from '../../shared/password-policy';
import { serialQueue } from '../../shared/serial-queue';
import type { VaultState } from '../../shared/protocol';
import type { BlobExtras, VaultPorts } from './ports';
import { BackgroundError } from '../errors';
import type { RestorePointView, RestoreReason } from '../../shared/protocol-restore';
import {
  RestorePointGone,
  describePoints,
  rekeyPoints,
  strengthenPoints,
  withPoint,
  wrappedBelow,
} from './restore-points';
import { StorageFull } from './storage-fault';
import { logger } from '../../shared/logger';

const log = logger('vault');

/** Decrypted contents read as a vault; `unreadable` is told first when they decrypted but are damaged. */
function readDecrypted(plaintext: Uint8Array, unreadable: () => void): VaultData {
  try {
    return deserializeVault(plaintext);
  } catch (error) {
    if (error instanceof VaultCorrupted) unreadable();
    throw error;
  }
}

interface Open {
  data: VaultData;
  key: Uint8Array;
  blob: string;
}

export interface MutateOptions {
  /** Keep the vault as it was before this change as a restore point (imports, bulk changes). */
  restorePoint?: RestoreReason;
}

/**
 * The single owner of the vault (the background is its only writer). Every mutation runs through one
 * queue, re-reads nothing it did not write itself, and stores the new sealed blob together with the
 * previous generation in one atomic write. A corrupted current blob falls back to the previous one.
 */
export class VaultService {
  private open: Open | null = null;
  /** Counts locks, so a resume that read the session key before a lock does not reopen after it. */
  private locks = 0;
  private readonly queue = serialQueue();
  private readonly lockListeners: (() => void | Promise<void>)[] = [];
  private resuming: Promise<Open | null> | null = null;

  constructor(private readonly ports: VaultPorts) {}

  async state(): Promise<VaultState> {
    if (this.open) return 'unlocked';
    // Only when neither generation is there: a lost current blob with the previous one intact is a
    // damaged vault (unlock recovers it), never "no vault yet", which would offer to create one over it.
    const { current, previous } = await this.ports.blobs.read();
    if (!current && !previous) return 'empty';
    return (await this.resume()) ? 'unlocked' : 'locked';
  }

  create(password: string): Promise<void> {
    return this.queue(async () => {
      const { current, previous } = await this.ports.blobs.read();
      if (current || previous) throw new BackgroundError('vault/exists', 'A vault already exists');
      if (passwordProblem(password)) throw new CoreError('vault/weak-password', 'Password too weak', 'password');
      const data = emptyVault();
      const iterations = await this.ports.iterations();
      const { blob, vaultKey } = await createEnvelope(password, serializeVault(data), { iterations });
      await this.write(blob, undefined);
      await this.ports.keys.write(vaultKey);
      this.open = { data, key: vaultKey, blob };
    });
  }

  unlock(password: string): Promise<void> {
    return this.queue(async () => {
      const { current, previous } = await this.ports.blobs.read();
      const generations = [current, previous].filter((blob): blob is string => !!blob);
      if (generations.length === 0) throw new CoreError('vault/not-found', 'There is no vault yet');
      // Decrypted and read before anything is written: a generation whose contents do not read (or a
      // newer format) must leave storage and the session key as they were.
      // A current generation that decrypts but does not read is kept as a restore point when the previous
      // one opens instead: it holds the latest changes, which a later version may read again.
      let unreadable: string | undefined;
      const opened = async (blob: string) => {
        const unlocked = await unlockEnvelope(blob, password);
        const data = readDecrypted(unlocked.plaintext, () => {
          if (blob === current) unreadable = blob;
        });
        return { unlocked, data };
      };
      let blob = generations[0]!;
      let open;
      try {
        open = await opened(blob);
      } catch (error) {
        // Only damage falls back to the previous generation; a wrong password is a wrong password.
        if (!isCoreError(error, 'vault/corrupted') || generations.length < 2) throw error;
        blob = generations[1]!;
        open = await opened(blob);
      }
      // The current generation was damaged or lost: keep the one that opened as both, and tell the popup.
      const recovered = blob !== current;
      if (recovered) await this.recover(blob, unreadable);
      const { unlocked, data } = open;
      const stored = { current: blob, previous: recovered ? blob : previous };
      if (unlocked.iterations < CURRENT_MIN_ITERATIONS) {
        blob = await rewrapEnvelope(blob, unlocked.vaultKey, password, await this.ports.iterations());
      }
      await this.strengthen(blob, stored, unlocked.vaultKey);
      await this.ports.keys.write(unlocked.vaultKey);
      this.open = { data, key: unlocked.vaultKey, blob };
    });
  }

  lock(): Promise<void> {
    return this.queue(async () => {
      this.open = null;
      this.locks += 1;
      // The session key goes before the listeners run: a listener's storage write wakes pages that ask
      // state(), and a key still in session storage would resume the vault the user just locked.
      await this.ports.keys.clear();
      for (const listener of this.lockListeners) await listener();
    });
  }

  /** Runs `listener` on every lock, so unlocked-only state elsewhere (decrypted imports) goes too. */
  onLock(listener: () => void | Promise<void>): void {
    this.lockListeners.push(listener);
  }

  /**
   * A new password gets a new vault key (see core `changePassword`): the re-keyed blob is written as
   * BOTH generations in one atomic write, so no stored generation is left under the old key (the
   * previous old-key generation is dropped, not re-encrypted), then the session key is replaced.
   * Restore points are re-keyed in the same write (a restore point of the vault before the change is
   * added first), so no blob in storage stays readable with the old password or the old key. What this
   * write overwrote may stay in the browser's storage files for a while (Chromium's LevelDB keeps
   * overwritten records until it compacts them): nothing written after the change is among them, but the
   * vault before it is (SECURITY.md, Limitations; the options page says what to do if the old password leaked).
   */
  changePassword(oldPassword: string, newPassword: string): Promise<void> {
    return this.queue(async () => {
      const open = await this.require();
      if (passwordProblem(newPassword)) throw new CoreError('vault/weak-password', 'Password too weak', 'password');
      const { blob, vaultKey } = await changePassword(
        open.blob,
        oldPassword,
        newPassword,
        await this.ports.iterations(),
      );
      const before = withPoint(await this.ports.blobs.readPoints(), this.point(open.blob, 'password'));
      const points = await rekeyPoints(before, open.key, blob, vaultKey);
      await this.write(blob, blob, { points });
      // Memory first: should the session write fail, later writes still seal under the new key.
      this.open = { ...open, key: vaultKey, blob };
      await this.ports.keys.write(vaultKey);
      open.key.fill(0);
    });
  }

  /** Re-enter the master password before revealing a secret: throws `vault/wrong-password`. */
  async verifyPassword(password: string): Promise<void> {
    const open = await this.require();
    await unlockEnvelope(open.blob, password);
  }

  /** Read the unlocked vault (after a service-worker restart, from the session key). */
  async read<T>(reader: (data: VaultData) => T): Promise<T> {
    return reader((await this.require()).data);
  }

  /** Apply a pure change and persist it; the change's error leaves the vault as it was. */
  mutate<T>(
    change: (data: VaultData, now: number) => { data: VaultData; result: T },
    options: MutateOptions = {},
  ): Promise<T> {
    return this.queue(async () => {
      const open = await this.require();
      const now = this.ports.now();
      const kept = purgeTrash(open.data, now);
      // What leaves the trash for good is kept in a restore point of the vault before (unless the change
      // keeps one already): 30 days are counted on the computer's clock, which may be set ahead.
      const purged = kept.trash.length < open.data.trash.length;
      const changed = change(kept, now);
      // HOTP counters only move forward, whatever the change (an old backup imported or a key added
      // again while a used copy of it is in the trash): see core/vault/counters.ts.
      const data = keepHigherCounters(changed.data, open.data);
      const { result } = changed;
      const blob = await sealWithKey(open.blob, open.key, serializeVault(data));
      const reason = options.restorePoint ?? (purged ? 'trash-purge' : undefined);
      await this.write(blob, open.blob, await this.pointExtras(open.blob, reason));
      this.open = { data, key: open.key, blob };
      return result;
    });
  }

  /** The restore points, newest first, with their account counts (decrypted here, never stored in the clear). */
  async restorePoints(): Promise<RestorePointView[]> {
    const open = await this.require();
    return describePoints(await this.ports.blobs.readPoints(), open.key);
  }

  /**
   * Restores point `id` (an unknown id is `restore/not-found`); the vault before it becomes a restore
   * point. An HOTP account keeps the higher of its two counters (the point's and today's, matched by id
   * or by key): the codes used since the point was kept must not be shown again (RFC 4226 §7.2).
   */
  restore(id: string): Promise<number> {
    return this.queue(async () => {
      const open = await this.require();
      const points = await this.ports.blobs.readPoints();
      const point = points.find((p) => p.id === id);
      if (!point) throw new RestorePointGone();
      // Deserialize + serialize: a point from an older schema is migrated like any stored vault.
      const data = keepHigherCounters(deserializeVault(await openWithKey(point.blob, open.key)), open.data);
      const blob = await sealWithKey(open.blob, open.key, serializeVault(data));
      await this.write(blob, open.blob, { points: withPoint(points, this.point(open.blob, 'restore')) });
      this.open = { data, key: open.key, blob };
      return data.accounts.length;
    });
  }

  /**
   * Both generations (and the extras) in one atomic write. When the browser's storage is full (Chrome
   * gives `storage.local` 10 MB), the oldest restore points make room, one at a time, before the change
   * fails: the accounts of today come before a copy of the vault from an earlier import. The point this
   * write adds (the last of `extras.points`) is never dropped, as it is what undoes this very change; with
   * nothing else left to drop, the write fails with `storage/full` and storage is as it was.
   */
  private async write(current: string, previous: string | undefined, extras: BlobExtras = {}): Promise<void> {
    try {
      await this.ports.blobs.write(current, previous, extras);
      return;
    } catch (error) {
      if (!(error instanceof StorageFull)) throw error;
      const keep = extras.points?.length ? 1 : 0;
      let points = extras.points ?? (await this.ports.blobs.readPoints());
      while (points.length > keep) {
        points = points.slice(1);
        try {
          await this.ports.blobs.write(current, previous, { ...extras, points });
          log.warn('storage full: dropped old restore points to make room; points kept', points.length);
          return;
        } catch (retry) {
          if (!(retry instanceof StorageFull)) throw retry;
        }
      }
      throw error;
    }
  }

  /**
   * `blob` (the current generation, perhaps just re-wrapped to a higher iteration count) stored with
   * nothing beside it wrapping the same vault key at a lower count: the previous generation and the
   * restore points each carry their own key section, and the cheapest of them would open the key (so
   * every generation) for the cheaper password guess. Each weaker one is sealed again under `blob`'s key
   * section, contents unchanged, in ONE write with `blob`. Also mends a profile whose earlier re-wrap
   * left them behind. Nothing weaker and `blob` already stored: no write.
   */
  private async strengthen(
    blob: string,
    stored: { current: string; previous: string | undefined },
    key: Uint8Array,
  ): Promise<void> {
    const { iterations } = await readEnvelopeHeader(blob);
    let previous = stored.previous === stored.current ? blob : stored.previous;
    if (previous && previous !== blob && (await wrappedBelow(previous, iterations))) {
      previous = await this.resealed(previous, key, blob);
    }
    const points = await strengthenPoints(await this.ports.blobs.readPoints(), key, blob);
    if (blob === stored.current && previous === stored.previous && !points) return;
    await this.write(blob, previous, points ? { points } : {});
  }

  /** `generation`'s contents sealed under `blob`'s key section; one that no longer opens gives way to `blob`. */
  private async resealed(generation: string, key: Uint8Array, blob: string): Promise<string> {
    let plaintext: Uint8Array | undefined;
    try {
      plaintext = await openWithKey(generation, key);
      return await sealWithKey(blob, key, plaintext);
    } catch (error) {
      if (!isCoreError(error, 'vault/corrupted')) throw error;
      log.warn('the previous generation does not open: replaced by the current one');
      return blob;
    } finally {
      plaintext?.fill(0);
    }
  }

  /** When the vault last fell back to its previous generation (read once, for the popup's notice). */
  takeRecovered(): Promise<number | undefined> {
    return this.ports.blobs.takeRecovered();
  }

  private point(blob: string, reason: RestoreReason) {
    return { id: globalThis.crypto.randomUUID(), at: this.ports.now(), reason, blob };
  }

  /**
   * The fall-back write: the generation that opened, as both, and when. The current generation that
   * decrypted but did not read is kept as a restore point if there is room for it (once: a second
   * resume finds it kept); without room the vault still opens, which matters more.
   */
  private async recover(blob: string, unreadable: string | undefined): Promise<void> {
    const recoveredAt = this.ports.now();
    if (unreadable) {
      const points = await this.ports.blobs.readPoints();
      if (!points.some((p) => p.blob === unreadable)) {
        try {
          await this.write(blob, blob, {
            recoveredAt,
            points: withPoint(points, this.point(unreadable, 'unreadable')),
          });
          return;
        } catch (error) {
          if (!(error instanceof StorageFull)) throw error;
          log.warn('storage full: the unreadable generation is not kept as a restore point');
        }
      }
    }
    await this.write(blob, blob, { recoveredAt });
  }

  private async pointExtras(blob: string, reason: RestoreReason | undefined): Promise<BlobExtras> {
    return reason ? { points: withPoint(await this.ports.blobs.readPoints(), this.point(blob, reason)) } : {};
  }

  private async require(): Promise<Open> {
    const open = this.open ?? (await this.resume());
    if (!open) throw new BackgroundError('vault/locked', 'The vault is locked');
    return open;
  }

  /**
   * A restarted service worker finds the key in session storage and reopens the vault with it. One
   * resume at a time: the popup's status and a page's request after a restart share it (two would each
   * write a recovery).
   */
  private resume(): Promise<Open | null> {
    this.resuming ??= this.resumeOnce().finally(() => {
      this.resuming = null;
    });
    return this.resuming;
  }

  private async resumeOnce(): Promise<Open | null> {
    const locks = this.locks;
    const key = await this.ports.keys.read();
    if (!key) return null;
    const { current, previous } = await this.ports.blobs.read();
    let unreadable: string | undefined;
    for (const blob of [current, previous]) {
      if (!blob) continue;
      try {
        // Decrypts but does not read: kept as a restore point should the previous generation open.
        const data = readDecrypted(await openWithKey(blob, key), () => {
          if (blob === current) unreadable = blob;
        });
        // Opened meanwhile (another resume, or a write after one): that is newer than what was read
        // here, and putting this older read back would undo the write (the next one would seal it).
        // Locked meanwhile: nothing (or the vault as unlocked since).
        if (locks !== this.locks || this.open) return this.open;
        // The current blob was damaged: keep the generation that opened as both, and tell the popup.
        if (blob !== current) {
          await this.recover(blob, unreadable);
          if (locks !== this.locks || this.open) return this.open;
        }
        this.open = { data, key, blob };
        return this.open;
      } catch (error) {
        if (!(error instanceof VaultCorrupted)) throw error;
      }
    }
    await this.ports.keys.clear();
    return null;
  }

  /** Iterations stored in the current header (for the benchmark and settings page). */
  async headerIterations(): Promise<number | null> {
    const { current } = await this.ports.blobs.read();
    return current ? (await readEnvelopeHeader(current)).iterations : null;
  }
}
