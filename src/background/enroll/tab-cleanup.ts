import { tabRemoved, type TabRemovedEvent } from '../../platform/tabs';
import { forgetCaptureBudget } from './capture-source';
import { forgetConfirms } from './confirm-limits';
import { candidateQueue } from './decode-source';
import { forgetTab } from './pending';

/**
 * When a tab closes, its unclicked QR tokens, its capture budget, its confirmation count and its decode budget and queue go
 * with it (memory stays bounded by open tabs). A tab that loads another page keeps what it queued:
 * listening to `tabs.onUpdated` would wake the worker at every change of every tab, and the queue is
 * bounded by the tab's decode budget anyway (decode-queue.ts).
 */
export function startTabCleanup(onRemoved: TabRemovedEvent = tabRemoved(), queue = candidateQueue): void {
  onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    forgetCaptureBudget(tabId);
    forgetConfirms(tabId);
    queue.forgetTab(tabId);
  });
}
