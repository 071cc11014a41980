import { useEffect, useState } from 'preact/hooks';
import { WARN_OFFSET_MS } from '../core/clock';
import type { ClockStatus } from '../shared/protocol';
import type { PopupApi, Translate } from './api';
import { logger } from '../shared/logger';

const log = logger('clock-notice');

/** "90 s", "12 min", "3 h": the offset in the unit a person reads at a glance. */
export function offsetText(t: Translate, ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 120) return t('clockSeconds', String(seconds));
  if (seconds < 120 * 60) return t('clockMinutes', String(Math.round(seconds / 60)));
  return t('clockHours', String(Math.round(seconds / 3600)));
}

/**
 * One line when this computer's clock is more than 15 s off the time the user's own sites give (their
 * `Date` headers, background/clock/): codes made from a wrong clock are rejected. A button corrects
 * codes by the measured offset; once on, one quiet line says so (the options page turns it off).
 */
export function ClockNotice({ api, t, onCorrected }: { api: PopupApi; t: Translate; onCorrected(): void }) {
  const [status, setStatus] = useState<ClockStatus | null>(null);
  useEffect(() => {
    api.clock().then(setStatus, (error: unknown) => {
      // No status, no line: the popup works on without the clock notice.
      log.warn('clock status', error);
      setStatus(null);
    });
  }, [api]);
  if (status?.offsetMs == null || Math.abs(status.offsetMs) <= WARN_OFFSET_MS) return null;
  const amount = offsetText(t, status.offsetMs);
  if (status.correcting)
    return (
      <p class="clock-note" role="status" data-testid="clock-corrected">
        {t('clockCorrected', amount)}
      </p>
    );
  const correct = async () => {
    await api.correctClock(true);
    setStatus({ ...status, correcting: true });
    onCorrected();
  };
  return (
    <div class="warning clock-warning" role="alert" data-testid="clock-warning">
      <p>{t(status.offsetMs > 0 ? 'clockBehind' : 'clockAhead', amount)}</p>
      <button type="button" onClick={() => void correct()}>
        {t('clockCorrect', amount)}
      </button>
    </div>
  );
}
