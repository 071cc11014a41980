import { useEffect } from 'preact/hooks';
import type { Translate } from './api';

export interface ToastState {
  text: string;
  undo?: () => void;
  /** Stays until closed or replaced (it holds something the user must not miss, such as a code taken). */
  keep?: boolean;
}

/** A polite status line at the bottom; with Undo for deletions. Disappears after 8 s unless kept. */
export function Toast({ toast, t, onClose }: { toast: ToastState | null; t: Translate; onClose(): void }) {
  useEffect(() => {
    if (!toast || toast.keep) return;
    const timer = window.setTimeout(onClose, 8000);
    return () => window.clearTimeout(timer);
  }, [toast, onClose]);
  return (
    <div class="toast" role="status" aria-live="polite">
      {toast && (
        <>
          <span>{toast.text}</span>
          {toast.undo && (
            <button
              type="button"
              class="link"
              onClick={() => {
                toast.undo?.();
                onClose();
              }}
            >
              {t('undo')}
            </button>
          )}
          {toast.keep && (
            <button type="button" class="link" onClick={onClose}>
              {t('close')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
