import { useCallback, useEffect, useState } from 'preact/hooks';
import type { RestorePointView } from '../shared/protocol-restore';
import type { Translate } from './app';
import { errorText } from './error-text';

/** What this section needs from the background (main.tsx wires it; tests pass a fake). */
export interface RestorePointsPort {
  list(): Promise<RestorePointView[]>;
  restore(id: string): Promise<{ count: number }>;
}

/**
 * The restore points, newest first: when, what changed, how many accounts (read by decrypting the
 * point, so only while unlocked). Restoring one keeps the vault before it as a new point (undoable).
 * `version` changes whenever the page changed the vault (import, undo), so the list reloads.
 */
export function RestorePointsSection({
  port,
  t,
  version,
  onRestored,
}: {
  port: RestorePointsPort;
  t: Translate;
  version: number;
  onRestored(): void;
}) {
  const [points, setPoints] = useState<RestorePointView[] | null>(null);
  const [locked, setLocked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const load = useCallback(() => {
    port.list().then(
      (list) => (setPoints(list), setLocked(false)),
      (failure: unknown) => {
        setPoints(null);
        if ((failure as { code?: unknown } | null)?.code === 'vault/locked') setLocked(true);
        else setMessage({ error: true, text: errorText(t, failure) });
      },
    );
  }, [port, t]);

  useEffect(load, [load, version]);

  async function restore(point: RestorePointView) {
    setBusy(true);
    setMessage(null);
    try {
      const { count } = await port.restore(point.id);
      setMessage({ error: false, text: t('restorePointRestored', String(count)) });
      onRestored();
    } catch (failure) {
      setMessage({ error: true, text: errorText(t, failure) });
    } finally {
      setBusy(false);
      load();
    }
  }

  return (
    <section aria-labelledby="restore-title" id="restore" class="card" data-testid="restore-points">
      <h2 id="restore-title">{t('restorePointsTitle')}</h2>
      <p class="hint">{t('restorePointsHint')}</p>
      {locked && <p class="hint">{t('restorePointsLocked')}</p>}
      {points?.length === 0 && <p class="hint">{t('restorePointsNone')}</p>}
      {points && points.length > 0 && (
        <ul class="restore-points">
          {points.map((point) => {
            const when = new Date(point.at).toLocaleString();
            return (
              <li key={point.id} data-testid="restore-point">
                <time dateTime={new Date(point.at).toISOString()}>{when}</time>
                {' · '}
                <span>{t(`restoreReason_${point.reason.replace(/-/g, '_')}`)}</span>
                {' · '}
                <span data-testid="restore-point-count">
                  {point.count === null ? t('restorePointUnreadable') : t('restorePointCount', String(point.count))}
                </span>{' '}
                <button
                  type="button"
                  disabled={busy || point.count === null}
                  aria-label={t('restorePointRestoreLabel', when)}
                  onClick={() => void restore(point)}
                >
                  {t('restorePointRestore')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {message && (
        <p
          class={message.error ? 'error' : 'saved'}
          role={message.error ? 'alert' : 'status'}
          data-testid="restore-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
