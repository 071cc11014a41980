import { browser, type Menus, type Tabs } from './browser';

export type { Menus, Tabs };

/** The context-menu calls the background makes; a caller takes them as a parameter (a fake in tests). */
export interface MenuApi {
  /** Runs `listener` when the extension is installed or updated (menus persist; they are made once then). */
  onInstalled(listener: () => void): void;
  create(properties: Menus.CreateCreatePropertiesType): void;
  onClicked(listener: (info: Menus.OnClickData, tab?: Tabs.Tab) => void): void;
}

export const menuApi = (): MenuApi => ({
  onInstalled: (listener) => browser.runtime.onInstalled.addListener(() => listener()),
  create: (properties) => void browser.contextMenus.create(properties),
  onClicked: (listener) => browser.contextMenus.onClicked.addListener(listener),
});
