import type { VaultService } from '../vault/vault-service';
import type { StorageItem } from '../../platform/storage';
import type { Settings } from '../../shared/protocol';

/** What handlers are given; built once in ../index.ts. */
export interface Services {
  vault: VaultService;
  settings: StorageItem<Settings>;
  onSettingsChanged(settings: Settings): void;
  /** Origin of the tab the popup was opened on (http/https only), or null. */
  activeOrigin(): Promise<string | null>;
  /** Open the popup (or a small window) so the user can unlock. */
  askToUnlock(): Promise<void>;
}
