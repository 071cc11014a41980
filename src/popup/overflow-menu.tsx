import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { Translate } from './api';
import { Icon } from './icons';

/**
 * "More actions": a button that opens a short list of secondary actions. Escape or a click outside
 * closes it; picking an action closes it too (the click reaches the item first).
 */
export function OverflowMenu({ t, children }: { t: Translate; children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (event: Event) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    // Escape inside the menu closes it at once (the document listener above is added only after the
    // next paint), before the panel around it sees the key (Escape there closes the panel).
    <div
      class="more-menu"
      ref={box}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.preventDefault();
        setOpen(false);
        toggle.current?.focus();
      }}
    >
      <button
        type="button"
        class="icon"
        ref={toggle}
        aria-expanded={open}
        aria-controls="more-actions"
        aria-label={t('moreActions')}
        title={t('moreActions')}
        onClick={() => setOpen(!open)}
        data-testid="more-actions"
      >
        <Icon name="more" />
      </button>
      {open && (
        <div class="menu" id="more-actions" role="group" aria-label={t('moreActions')} onClick={() => setOpen(false)}>
          {children}
        </div>
      )}
    </div>
  );
}
