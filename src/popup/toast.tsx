import { useEffect } from 'preact/hooks';
import type { Translate } from './api';

export interface ToastState {
  text: string;
  undo?: () => void;
}

/** A polite status line at the bottom; with Undo for deletions. Disappears after 8 s. */
export function Toast({ toast, t, onClose }: { toast: ToastState | null; t: Translate; onClose(): void }) {
  useEffect(() => {
    if (!toast) return;
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
        </>
      )}
    </div>
  );
}
