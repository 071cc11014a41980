import { useState } from 'preact/hooks';

/**
 * Caps Lock on while typing a hidden password is the usual cause of "wrong password": the field (or
 * the form, as keys bubble) says so. `on` follows each key press and release; leaving the field (or
 * the form) hides it.
 */
export function useCapsLock(): {
  on: boolean;
  listeners: { onKeyDown(e: KeyboardEvent): void; onKeyUp(e: KeyboardEvent): void; onFocusOut(): void };
} {
  const [on, setOn] = useState(false);
  const read = (e: KeyboardEvent) => setOn(e.getModifierState('CapsLock'));
  return { on, listeners: { onKeyDown: read, onKeyUp: read, onFocusOut: () => setOn(false) } };
}
