import { useEffect, useMemo, useState } from 'preact/hooks';
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

/**
 * Codes for the rows on screen only: asked for when the visible set changes and when one of them
 * expires; never for the thousand rows scrolled away. `initial`: codes already known at mount
 * (popup/open's), so the first render shows them and asks only for what they do not cover.
 * `onFailed`: the codes could not be had (the vault locked behind the popup: it shows the unlock form).
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
  const key = ids.join(',');
  const expired = useMemo(
    () =>
      ids.some((id) => {
        const view = codes.get(id);
        return !view || (view.validUntil !== null && view.validUntil <= now);
      }),
    [key, codes, now],
  );

  useEffect(() => {
    if (!expired || ids.length === 0) return;
    let live = true;
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
        if (live) onFailed?.(failure);
      },
    );
    return () => {
      live = false;
    };
  }, [api, key, expired]);

  const replace = (view: CodeView) => setCodes((old) => new Map(old).set(view.id, view));
  return { codes, replace };
}
