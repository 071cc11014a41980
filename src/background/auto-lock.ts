import type { Settings } from '../shared/protocol';

/** The part of the idle API auto-lock uses (browser.idle in the extension, a fake in tests). */
export interface IdleLike {
  setDetectionInterval(seconds: number): void;
  onStateChanged: { addListener(listener: (state: 'active' | 'idle' | 'locked') => void): void };
}

/**
 * Auto-lock through the idle API: the vault locks when the system locks its screen, and after the
 * chosen minutes without user input ("browser-close": only the screen lock and closing the browser,
 * which empties session storage, lock it). The listener is registered at start-up so an idle event
 * can wake a sleeping service worker. Returns the function that applies changed settings.
 */
export function startAutoLock(
  idle: IdleLike,
  lock: () => Promise<void>,
  initial: Promise<Settings>,
): (settings: Settings) => void {
  let current: Settings | null = null;
  const apply = (settings: Settings) => {
    current = settings;
    // For "browser-close" the interval only matters for the 'locked' state, which ignores it.
    const minutes = settings.autoLockMinutes === 'browser-close' ? 60 : settings.autoLockMinutes;
    idle.setDetectionInterval(minutes * 60);
  };
  idle.onStateChanged.addListener((state) => {
    if (state === 'locked' || (state === 'idle' && current?.autoLockMinutes !== 'browser-close')) void lock();
  });
  void initial.then(apply);
  return apply;
}
