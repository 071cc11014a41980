import { addAccount } from '../core/vault';
import { DuplicateAccount } from '../core/errors';
import { keyFromSelection } from './enroll/selection';
import { menuApi, type MenuApi, type Menus } from '../platform/menus';
import type { VaultService } from './vault/vault-service';
import { sendToFrame } from './send-to-frame';

const MENU = 'add-selected-key';

export function startContextMenu(
  vault: VaultService,
  askToUnlock: () => Promise<void>,
  label: (key: string, subs?: string[]) => string,
  menus: MenuApi = menuApi(),
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
    void addSelected(vault, askToUnlock, label, info, tab.id);
  });
}

async function addSelected(
  vault: VaultService,
  askToUnlock: () => Promise<void>,
  label: (key: string, subs?: string[]) => string,
  info: Menus.OnClickData,
  tabId: number,
): Promise<void> {
  const notify = (text: string) => sendToFrame(tabId, { type: 'content/notice', text }, { frameId: info.frameId ?? 0 });
  const found = keyFromSelection(info.selectionText ?? '', info.frameUrl ?? info.pageUrl ?? '');
  if (!found) return void notify(label('menuNotAKey'));
  if ((await vault.state()) !== 'unlocked') {
    await askToUnlock();
    return void notify(label('enrollLocked'));
  }
  try {
    await vault.mutate((data, now) => ({
      data: addAccount(data, { ...found.account, sites: [found.origin] }, { now }).vault,
      result: null,
    }));
    await notify(label('enrollAdded', [found.account.issuer]));
  } catch (error) {
    await notify(
      error instanceof DuplicateAccount ? label('enrollDuplicate', [found.account.issuer]) : label('errorGeneric'),
    );
  }
}
