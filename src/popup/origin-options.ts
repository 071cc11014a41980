import type { AccountView, FillOptionsView } from '../shared/protocol';

/**
 * The origin the per-page options (auto-submit, password + code in one field) are set for: the page
 * behind the popup when it is one of this account's pages, else the account's first site; null for an
 * account bound to no site. They hold for that origin only, so `panel.example` can differ from
 * `webmail.example` (vault v4).
 */
export function optionOrigin(account: AccountView, current: string | null): string | null {
  return current ?? account.sites[0] ?? null;
}

const toggled = (list: readonly string[], origin: string, on: boolean): string[] =>
  on ? [...new Set([...list, origin])] : list.filter((o) => o !== origin);

/** The lists with `origin` set to the ticked state, every other origin's choice kept. */
export function withOrigin(
  fill: FillOptionsView,
  origin: string | null,
  submit: boolean,
  append: boolean,
): Pick<FillOptionsView, 'submitOn' | 'appendOn'> {
  if (origin === null) return { submitOn: [...fill.submitOn], appendOn: [...fill.appendOn] };
  return { submitOn: toggled(fill.submitOn, origin, submit), appendOn: toggled(fill.appendOn, origin, append) };
}
