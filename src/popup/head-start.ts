import type { PopupApi } from './api';
import type { CodeView } from '../shared/protocol';
import { visibleAccounts } from './order';

/** Rows whose codes are asked for with the list: the first screen (7 rows) plus the list's overscan. */
const FIRST_ROWS = 13;

/**
 * The popup's first data, asked for as the entry module runs, before preact mounts: status and list
 * in parallel (not status → list → codes, three round trips one after another), and the first rows'
 * codes in the same task the list arrives in. The App's first status(), list() and codes() calls take
 * these answers; every later call, and any call the head start cannot answer, goes to the background.
 * Measured (tests/bench/popup.bench.ts): see the commit that added this file.
 */
export function withHeadStart(api: PopupApi): PopupApi {
  const status = api.status();
  const list = api.list();
  const codes = list.then((data) => {
    const ids = visibleAccounts(data.accounts, '', data.currentSite?.ids ?? []).slice(0, FIRST_ROWS).map((a) => a.id);
    return ids.length ? api.codes(ids) : [];
  });
  // Unlocked-only calls fail when the vault is locked: nobody may see an unhandled rejection for that.
  list.catch(() => undefined);
  codes.catch(() => undefined);
  let first = { status: true, list: true, codes: true };
  return {
    ...api,
    status() {
      if (!first.status) return api.status();
      first = { ...first, status: false };
      return status;
    },
    list() {
      if (!first.list) return api.list();
      first = { ...first, list: false };
      return list.catch(() => api.list());
    },
    codes(ids) {
      if (!first.codes) return api.codes(ids);
      first = { ...first, codes: false };
      return codes.then(
        (early: CodeView[]) => {
          const byId = new Map(early.map((view) => [view.id, view]));
          return ids.every((id) => byId.has(id)) ? ids.map((id) => byId.get(id)!) : api.codes(ids);
        },
        () => api.codes(ids),
      );
    },
  };
}
