import { clockSamplesItem, rememberedItem, settingsItem } from '../platform/storage';
import { ClockStore } from './clock/clock-store';
import { activeTabOrigin } from './active-tab';
import { askToUnlock } from './enroll/after-unlock';
import type { Services } from './handlers/context';
import { storagePorts } from './vault/storage-ports';
import { VaultService } from './vault/vault-service';
import type { VaultPorts } from './vault/ports';

/** What the handlers are given (index.ts wires the timers to it; the adapter tests build the same). */
export function createServices(ports: VaultPorts = storagePorts()): Services {
  const vault = new VaultService(ports);
  return {
    vault,
    // Only settings/set writes them (through this object): read once per worker.
    settings: rememberedItem(settingsItem),
    onSettingsChanged: () => undefined,
    activeOrigin: activeTabOrigin,
    askToUnlock,
    clock: new ClockStore(clockSamplesItem),
  };
}
