import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Translate } from './api';

export interface ToastState {
  text: string;
  undo?: () => void;
  /** Stays until closed or replaced (it holds something the user must not miss, such as a code taken). */
  keep?: boolean;
}

/** The toast's distance from the popup's bottom edge (popup.css `.toast`: --ca-space-3). */
const TOAST_MARGIN = 12;

/** A polite status line at the bottom; with Undo for deletions. Disappears after 8 s unless kept. */
export function Toast({ toast, t, onClose }: { toast: ToastState | null; t: Translate; onClose(): void }) {
  useEffect(() => {
    if (!toast || toast.keep) return;
    const timer = window.setTimeout(onClose, 8000);
    return () => window.clearTimeout(timer);
  }, [toast, onClose]);
  // The toast floats over the bottom of the popup: while it shows, the page gets that much room below
  // its end, so what is there (a panel's Save and Cancel) can be scrolled above it, not covered.
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const body = document.body.style;
    if (!toast || !box.current) return;
    body.setProperty('padding-bottom', `${box.current.offsetHeight + TOAST_MARGIN * 2}px`);
    return () => void body.removeProperty('padding-bottom');
  }, [toast]);
  // A button of the toast that had the focus goes with it: the focus goes to the search, not <body>.
  const close = () => {
    const had = box.current?.contains(document.activeElement);
    onClose();
    if (had) document.querySelector<HTMLElement>('input[type=search]')?.focus();
  };
  return (
    <div class="toast" role="status" aria-live="polite" ref={box}>
      {toast && (
        <>
          <span>{toast.text}</span>
          {toast.undo && (
            <button
              type="button"
              class="link"
              onClick={() => {
                toast.undo?.();
                close();
              }}
            >
              {t('undo')}
            </button>
          )}
          {toast.keep && (
            <button type="button" class="link" onClick={close}>
              {t('close')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
