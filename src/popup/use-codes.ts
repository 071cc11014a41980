import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CodeView } from '../shared/protocol';
import type { PopupApi } from './api';

/** One clock for the whole popup, ticking on whole seconds. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    let timer = 0;
    const tick = () => {
      setNow(Date.now());
      timer = window.setTimeout(tick, 1000 - (Date.now() % 1000));
    };
    timer = window.setTimeout(tick, 1000 - (Date.now() % 1000));
    return () => window.clearTimeout(timer);
  }, []);
  return now;
}

/** After a failed refresh (not a lock: a worker restarting, a port closed), asked again this much later. */
const RETRY_MS = 1500;

/**
 * A code no longer to show: past its period, or further ahead than a period (the system clock went
 * back: the code is not this clock's, and its countdown would show more than the period).
 */
const expiredAt = (view: CodeView, now: number): boolean =>
  view.validUntil !== null && (view.validUntil <= now || view.validUntil - now > view.period * 1000 + 1000);

/**
 * Codes for the rows on screen only: asked for when the visible set changes and when one of them
 * expires; never for the thousand rows scrolled away. `initial`: codes already known at mount
 * (popup/open's), so the first render shows them and asks only for what they do not cover.
 * `onFailed`: the codes could not be had (the vault locked behind the popup: it shows the unlock form).
 * A failed ask is made again shortly; all are asked again when the popup's window is focused or shown
 * (an HOTP code may have been used in another window: it never expires by itself).
 */
export function useCodes(
  api: PopupApi,
  ids: string[],
  now: number,
  initial?: readonly CodeView[],
  onFailed?: (failure: unknown) => void,
) {
  const [codes, setCodes] = useState<Map<string, CodeView>>(
    () => new Map(initial?.map((view) => [view.id, view] as const)),
  );
  /** Bumped for an ask whatever `expired` says: a retry, the window back in front. */
  const [again, setAgain] = useState(0);
  const answered = useRef(0);
  const key = ids.join(',');
  const expired = useMemo(
    () =>
      ids.some((id) => {
        const view = codes.get(id);
        return !view || expiredAt(view, now);
      }),
    [key, codes, now],
  );

  useEffect(() => {
    // Only after the window was left (the focus a popup gets as it opens asks for nothing).
    let away = false;
    const left = () => (away = true);
    const back = () => {
      if (document.visibilityState === 'hidden') return left();
      if (away) setAgain((n) => n + 1);
      away = false;
    };
    window.addEventListener('blur', left);
    window.addEventListener('focus', back);
    document.addEventListener('visibilitychange', back);
    return () => {
      window.removeEventListener('blur', left);
      window.removeEventListener('focus', back);
      document.removeEventListener('visibilitychange', back);
    };
  }, []);

  useEffect(() => {
    if ((!expired && again === answered.current) || ids.length === 0) return;
    answered.current = again;
    let live = true;
    let retry = 0;
    api.codes(ids).then(
      (list) => {
        if (!live) return;
        setCodes((old) => {
          const next = new Map(old);
          for (const view of list) next.set(view.id, view);
          return next;
        });
      },
      (failure: unknown) => {
        if (!live) return;
        onFailed?.(failure);
        // `expired` stays true: without a new ask the codes would stay frozen until the popup closes.
        retry = window.setTimeout(() => setAgain((n) => n + 1), RETRY_MS);
      },
    );
    return () => {
      live = false;
      window.clearTimeout(retry);
    };
  }, [api, key, expired, again]);

  const replace = (view: CodeView) => setCodes((old) => new Map(old).set(view.id, view));
  return { codes, replace };
}
