import { browser } from '../platform/browser';
import type { Settings } from '../shared/protocol';

/**
 * Auto-lock through the idle API: the vault locks when the system locks its screen, and after the
 * chosen minutes without user input ("browser-close": only the screen lock and closing the browser,
 * which empties session storage, lock it). Listeners are registered at start-up so an idle event
 * can wake a sleeping service worker.
 */
export function startAutoLock(lock: () => Promise<void>, initial: Promise<Settings>): (settings: Settings) => void {
  let current: Settings | null = null;
  const apply = (settings: Settings) => {
    current = settings;
    const minutes = settings.autoLockMinutes === 'browser-close' ? 60 : settings.autoLockMinutes;
    browser.idle.setDetectionInterval(minutes * 60);
  };
  browser.idle.onStateChanged.addListener((state) => {
    if (state === 'locked' || (state === 'idle' && current?.autoLockMinutes !== 'browser-close')) void lock();
  });
  void initial.then(apply);
  return apply;
}
