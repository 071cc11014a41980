/**
 * The popup's row order with an empty search, shared by the popup (popup/order.ts) and the background's
 * `popup/open` (which computes the codes of the first rows before the popup has drawn anything).
 */

/**
 * Rows whose codes `popup/open` brings: the popup's list shows 7 rows (392 px of 56-px rows) plus an
 * overscan of 3, asked for at scroll 0; 13 leaves room for a taller viewport.
 */
export const FIRST_ROWS = 13;

/** The accounts of the current tab's site first, then the rest, each in the given (vault) order. */
export function currentSiteFirst<T extends { id: string }>(accounts: readonly T[], currentIds: readonly string[]): T[] {
  const current = new Set(currentIds);
  return [...accounts.filter((a) => current.has(a.id)), ...accounts.filter((a) => !current.has(a.id))];
}
