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
    if (state === 'locked') return void lock();
    if (state !== 'idle') return;
    // An idle event may be what woke the worker: the settings are not read yet, so wait for them (a
    // "browser-close" choice must not lock).
    if (current) {
      if (current.autoLockMinutes !== 'browser-close') void lock();
      return;
    }
    void initial.then(
      (settings) => (settings.autoLockMinutes === 'browser-close' ? undefined : lock()),
      // Settings that cannot be read: lock, the safe side.
      () => lock(),
    );
  });
  // Unreadable settings: the idle listener above locks on idle (its own handler of the same failure).
  void initial.then(apply, () => undefined);
  return apply;
}
