import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from './app';

export type Source = { kind: 'file'; file: File } | { kind: 'text'; text: string };

/** The three ways in: a file picker, dropping a file on the zone, or pasting text. */
export function ImportSource({
  t,
  disabled,
  onSource,
}: {
  t: Translate;
  disabled: boolean;
  onSource(source: Source): void;
}) {
  const [text, setText] = useState('');
  const [over, setOver] = useState(false);

  function pick(files: FileList | null | undefined) {
    const file = files?.[0];
    if (file) onSource({ kind: 'file', file });
  }

  // Listeners added by hand: preact picks the event name from `'ondrop' in element`, which not every
  // DOM implementation (happy-dom in the tests) has, and then listens for "Drop".
  const zone = useRef<HTMLDivElement>(null);
  const latest = useRef({ disabled, pick });
  latest.current = { disabled, pick };
  useEffect(() => {
    const element = zone.current;
    if (!element) return;
    const over = (event: Event) => {
      event.preventDefault();
      setOver(event.type === 'dragover');
    };
    const drop = (event: Event) => {
      event.preventDefault();
      setOver(false);
      if (!latest.current.disabled) latest.current.pick((event as DragEvent).dataTransfer?.files);
    };
    element.addEventListener('dragover', over);
    element.addEventListener('dragleave', over);
    element.addEventListener('drop', drop);
    return () => {
      element.removeEventListener('dragover', over);
      element.removeEventListener('dragleave', over);
      element.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <div class="import-source">
      <div ref={zone} class={over ? 'drop-zone over' : 'drop-zone'} data-testid="drop-zone">
        <label>
          {t('importFileLabel')}
          <input
            type="file"
            data-testid="import-file"
            disabled={disabled}
            onChange={(e) => {
              pick(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <p class="hint">{t('importDropHint')}</p>
      </div>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (text.trim()) onSource({ kind: 'text', text });
        }}
      >
        <label>
          {t('importPasteLabel')}
          <textarea
            rows={3}
            value={text}
            spellcheck={false}
            autocomplete="off"
            data-testid="import-text"
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <div class="actions">
          <button type="submit" class="secondary" disabled={disabled || !text.trim()}>
            {t('importPasteSubmit')}
          </button>
        </div>
      </form>
    </div>
  );
}
