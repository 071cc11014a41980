import { tabRemoved, tabUpdated, type TabRemovedEvent, type TabUpdatedEvent } from '../../platform/tabs';
import { forgetCaptureBudget } from './capture-source';
import { candidateQueue } from './decode-source';
import { forgetTab } from './pending';

/**
 * When a tab closes, its unclicked QR tokens, its capture budget and its decode budget go with it
 * (memory stays bounded by open tabs). When it loads a new document, its decodes still waiting are
 * dropped (the page that offered them is gone); its decode budget stays, so a reload resets nothing.
 */
export function startTabCleanup(
  onRemoved: TabRemovedEvent = tabRemoved(),
  onUpdated: TabUpdatedEvent = tabUpdated(),
  queue = candidateQueue,
): void {
  onRemoved.addListener((tabId) => {
    forgetTab(tabId);
    forgetCaptureBudget(tabId);
    queue.forgetTab(tabId);
  });
  onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') queue.dropQueued(tabId);
  });
}
