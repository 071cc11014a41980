import { tabRemoved, type TabRemovedEvent } from '../../platform/tabs';
import { forgetCaptureBudget } from './capture-source';
import { forgetTab } from './pending';

/** When a tab closes, its unclicked QR tokens and its capture budget go with it (memory stays bounded by open tabs). */
export function startTabCleanup(onRemoved: TabRemovedEvent = tabRemoved()): void {
  onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    forgetCaptureBudget(tabId);
  });
}
