import { browser } from '../../platform/browser';
import { forgetCaptureBudget } from './capture-source';
import { forgetTab } from './pending';

type OnRemoved = { addListener(listener: (tabId: number) => void): void };

/** When a tab closes, its unclicked QR tokens and its capture budget go with it (memory stays bounded by open tabs). */
export function startTabCleanup(onRemoved: OnRemoved = browser.tabs.onRemoved): void {
  onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    forgetCaptureBudget(tabId);
  });
}
