/**
 * The tabs and windows calls the background makes, each a plain function so a caller can take it as a
 * parameter defaulted from here and a unit test can pass a fake (ARCHITECTURE.md: browser APIs come in
 * as parameters; only platform/ touches the extension API).
 */
import { browser, type Tabs } from './browser';

export type TabQuery = Parameters<typeof browser.tabs.query>[0];
export type QueryTabs = (query: TabQuery) => Promise<Pick<Tabs.Tab, 'id' | 'url' | 'windowId'>[]>;
export type GetTab = (tabId: number) => Promise<Pick<Tabs.Tab, 'active' | 'url' | 'windowId'>>;
export type LastFocusedWindow = () => Promise<{ id?: number | undefined }>;
export type InjectionTarget = { tabId: number; frameIds?: number[]; documentIds?: string[]; allFrames?: boolean };
export type ExecuteScript = (
  injection: { target: InjectionTarget } & (
    { files: string[] } | { func: (...args: string[]) => void; args: string[] }
  ),
) => Promise<unknown>;
export interface TabRemovedEvent {
  addListener(listener: (tabId: number) => void): void;
}

export const queryTabs: QueryTabs = (query) => browser.tabs.query(query);
export const getTab: GetTab = (tabId) => browser.tabs.get(tabId);
/** The last focused *normal* window: `windowTypes` works in Chrome and Firefox, the polyfill's types omit it
 * (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/windows/getLastFocused). */
export const lastFocusedNormalWindow: LastFocusedWindow = () =>
  browser.windows.getLastFocused({ windowTypes: ['normal'] } as Parameters<typeof browser.windows.getLastFocused>[0]);
// documentIds is Chrome's (106+); the polyfill's types omit it:
// https://developer.chrome.com/docs/extensions/reference/api/scripting#type-InjectionTarget
export const executeScript: ExecuteScript = (injection) =>
  browser.scripting.executeScript(injection as Parameters<typeof browser.scripting.executeScript>[0]);
export const tabRemoved = (): TabRemovedEvent => browser.tabs.onRemoved;
export interface TabUpdatedEvent {
  addListener(listener: (tabId: number, change: { status?: string | undefined }) => void): void;
}
/** Fires with `status: 'loading'` when a tab starts loading a document (no permission needed for `status`). */
export const tabUpdated = (): TabUpdatedEvent => browser.tabs.onUpdated;
