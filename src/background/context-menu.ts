import { addAccount } from '../core/vault';
import { DuplicateAccount } from '../core/errors';
import { keyFromSelection } from './enroll/selection';
import { menuApi, type MenuApi, type Menus } from '../platform/menus';
import type { VaultService } from './vault/vault-service';
import { sendToFrame } from './send-to-frame';
import { boundTo, pageSite, sitesForSelection } from './enroll/binding';
import { frameOrigin } from './frame-origin';
import { executeScript as inject, type ExecuteScript } from '../platform/tabs';

const MENU = 'add-selected-key';

export function startContextMenu(
  vault: VaultService,
  askToUnlock: () => Promise<void>,
  label: (key: string, subs?: string[]) => string,
  menus: MenuApi = menuApi(),
  executeScript: ExecuteScript = inject,
): void {
  menus.onInstalled(() => {
    menus.create({
      id: MENU,
      title: label('menuAddKey'),
      contexts: ['selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
  });
  menus.onClicked((info, tab) => {
    if (info.menuItemId !== MENU || tab?.id === undefined) return;
    void addSelected(vault, askToUnlock, label, info, tab.id, executeScript);
  });
}

async function addSelected(
  vault: VaultService,
  askToUnlock: () => Promise<void>,
  label: (key: string, subs?: string[]) => string,
  info: Menus.OnClickData,
  tabId: number,
  executeScript: ExecuteScript,
): Promise<void> {
  const notify = (text: string) => sendToFrame(tabId, { type: 'content/notice', text }, { frameId: info.frameId ?? 0 });
  const found = keyFromSelection(info.selectionText ?? '', info.frameUrl ?? info.pageUrl ?? '');
  if (!found) return void notify(label('menuNotAKey'));
  if ((await vault.state()) !== 'unlocked') {
    await askToUnlock();
    return void notify(label('enrollLocked'));
  }
  // Bound as a QR's key clicked on this page would be (binding.ts), to the origin the frame's document
  // really has: its URL's origin is also a sandboxed upload's on that site.
  const origin = await frameOrigin(tabId, info.frameId ?? 0, found.origin, executeScript);
  try {
    const bound = await vault.mutate((data, now) => {
      const site = origin === null ? { lookalike: false, narrowed: false } : pageSite(data, origin);
      // The page it came from is kept with it, as for a QR's key: two accounts that look the same can be told apart.
      const input = origin === null ? found.account : { ...found.account, addedOn: origin };
      const account = boundTo(input, sitesForSelection(origin, site), site);
      return { data: addAccount(data, account, { now }).vault, result: account.sites.length > 0 };
    });
    await notify(label(bound ? 'enrollAdded' : 'enrollAddedUnbound', [found.account.issuer]));
  } catch (error) {
    await notify(
      error instanceof DuplicateAccount ? label('enrollDuplicate', [found.account.issuer]) : label('errorGeneric'),
    );
  }
}
