import { dropGrants } from './grants';
import { dropReady } from './pick';

/**
 * A lock ends every fill grant (./grants.ts) and picked code waiting for its frame (./pick.ts), in
 * memory and in session storage: a field filled before the lock is not refreshed after it, not even
 * after an unlock, without a new click.
 */
export function endFillGrantsOnLock(vault: { onLock(listener: () => Promise<void>): void }): void {
  vault.onLock(async () => {
    await Promise.all([dropGrants(), dropReady()]);
  });
}
