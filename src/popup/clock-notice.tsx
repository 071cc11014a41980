import { useEffect, useState } from 'preact/hooks';
import { AGREE_MS, WARN_OFFSET_MS } from '../core/clock';
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

/** What the sites say of this computer's clock, in one sentence ("…90 s behind…", "…is right…"). */
function sitesSay(t: Translate, offsetMs: number, sources: number): string {
  if (Math.abs(offsetMs) <= AGREE_MS) return t('clockNowRight', String(sources));
  return t(offsetMs > 0 ? 'clockNowBehind' : 'clockNowAhead', [String(sources), offsetText(t, offsetMs)]);
}

/** "Codes are corrected by 90 s." or "Codes use this computer's clock." (on, none accepted yet). */
const correctedBy = (t: Translate, acceptedMs: number | null) =>
  acceptedMs === null ? t('clockUncorrected') : t('clockCorrectedBy', offsetText(t, acceptedMs));

/**
 * The popup's clock notice (issue 13). Codes made from a wrong clock are rejected, so:
 * - Off: one line when this computer's clock is more than 15 s off the time the user's own sites give
 *   (their `Date` headers, background/clock/), with a button that corrects codes by that offset: the
 *   one shown is the one stored, and codes use exactly it from then on (not whatever later samples say).
 * - On: a quiet line with the accepted offset. When the sites now say something else (the clock was
 *   set, or a site's clock is wrong) it asks: use the new offset, or stop correcting; when the sites do
 *   not agree with each other it says so, and codes keep the accepted offset (review rev-codes).
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
  if (!status) return null;
  const { offsetMs, correcting, acceptedMs } = status;
  const choose = async (on: boolean, offset?: number) => {
    await api.correctClock(on, offset);
    setStatus({ ...status, correcting: on, acceptedMs: on && offset !== undefined ? Math.round(offset) : null });
    onCorrected();
  };

  if (!correcting) {
    if (offsetMs == null || Math.abs(offsetMs) <= WARN_OFFSET_MS) return null;
    const amount = offsetText(t, offsetMs);
    return (
      <div class="warning clock-warning" role="alert" data-testid="clock-warning">
        <p>{t(offsetMs > 0 ? 'clockBehind' : 'clockAhead', amount)}</p>
        <button type="button" onClick={() => void choose(true, offsetMs)}>
          {t('clockCorrect', amount)}
        </button>
      </div>
    );
  }

  if (offsetMs != null && Math.abs(offsetMs - (acceptedMs ?? 0)) > AGREE_MS)
    return (
      <div class="warning clock-warning" role="alert" data-testid="clock-changed">
        <p>
          {sitesSay(t, offsetMs, status.sources)} {correctedBy(t, acceptedMs)}
        </p>
        {Math.abs(offsetMs) > AGREE_MS && (
          <button type="button" data-testid="clock-use" onClick={() => void choose(true, offsetMs)}>
            {t('clockCorrect', offsetText(t, offsetMs))}
          </button>
        )}
        <button type="button" data-testid="clock-stop" onClick={() => void choose(false)}>
          {t('clockStop')}
        </button>
      </div>
    );

  if (status.sitesDisagree)
    return (
      <p class="clock-note" role="status" data-testid="clock-disagree">
        {t('clockSitesDisagree')} {correctedBy(t, acceptedMs)}
      </p>
    );

  if (acceptedMs === null || Math.round(Math.abs(acceptedMs) / 1000) === 0) return null;
  return (
    <p class="clock-note" role="status" data-testid="clock-corrected">
      {t('clockCorrected', offsetText(t, acceptedMs))}
    </p>
  );
}
