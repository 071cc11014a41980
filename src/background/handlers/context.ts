import type { VaultService } from '../vault/vault-service';
import type { StorageItem } from '../../platform/storage';
import type { Settings } from '../../shared/protocol';
import type { ClockStore } from '../clock/clock-store';

/** What handlers are given; built once in ../index.ts. */
export interface Services {
  vault: VaultService;
  settings: StorageItem<Settings>;
  onSettingsChanged(settings: Settings): void;
  /** Origin of the tab the popup was opened on (http/https only), or null. */
  activeOrigin(): Promise<string | null>;
  /**
   * Open the popup (or a small window, one at a time) so the user can unlock or answer. `tabId`: asked
   * for a content script of that tab, at most once per few seconds per tab (enroll/after-unlock.ts).
   */
  askToUnlock(tabId?: number): Promise<void>;
  /** Clock samples from the user's sites (issue 13): `clock/status` and the code offset read it. */
  clock: ClockStore;
}
