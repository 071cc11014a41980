import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AccountView, CodeView } from '../shared/protocol';
import { isLocked, type PopupApi, type Translate } from './api';
import { AccountRow, NEXT_CODE_WINDOW, secondsLeft, type CopiedState } from './account-row';
import { moveTo, moveWithinGroup } from './order';
import { useCodes, useNow } from './use-codes';

export const ROW_HEIGHT = 56;
const VIEWPORT = 392;
const OVERSCAN = 3;
/** PageUp and PageDown move by the rows a viewport shows. */
const PAGE = Math.floor(VIEWPORT / ROW_HEIGHT);

interface ListProps {
  api: PopupApi;
  t: Translate;
  accounts: AccountView[];
  /** Every account in vault order (unsearched): a move is made in it, so what the search hides keeps its place. */
  all: readonly AccountView[];
  currentIds: readonly string[];
  /** Codes already known when the list mounts (popup/open's first rows): shown without asking again. */
  initialCodes?: CodeView[] | undefined;
  /**
   * Set while `accounts` are only the first rows (the full list is on its way): the list's height is
   * that of `total` rows, so the scroll bar does not jump when the rest arrives, and nothing reorders.
   */
  total?: number | undefined;
  /** `next`: the code copied is the next period's (the current one had too little time left). */
  onCopied(code: string, next?: boolean, left?: number): void;
  /**
   * A copy, a next code or the codes' refresh failed (the vault locked behind the popup, the clipboard
   * refused). `taken`: an HOTP code already used up (the counter moved on) that did not reach the clipboard.
   */
  onFailed(failure: unknown, taken?: string): void;
  onOpen(account: AccountView): void;
  onReordered(): void;
  /**
   * An account to give the keyboard focus to once it is in the list (back from its details, the one
   * after a deleted one, one restored by Undo); `onFocusTaken` says it has it.
   */
  focusId?: string | null | undefined;
  onFocusTaken?: (() => void) | undefined;
}

/**
 * The account list, virtualised: only the rows in view (plus a few) exist in the DOM and only their
 * codes are computed, so 1000 accounts open as fast as 10. Arrow keys move through accounts, Enter
 * copies, Alt+Arrow moves an account within its group; rows can also be dragged.
 */
export function AccountList({
  api,
  t,
  accounts,
  all,
  currentIds,
  initialCodes,
  total,
  onCopied,
  onFailed,
  onOpen,
  onReordered,
  focusId,
  onFocusTaken,
}: ListProps) {
  const [scrollTop, setScrollTop] = useState(0);
  const [focus, setFocus] = useState(0);
  const [copied, setCopied] = useState<{ id: string; what: CopiedState } | null>(null);
  const dragged = useRef<string | null>(null);
  // The row the keyboard moved to: focused once it is rendered. A jump (End, PageDown) scrolls the
  // row that had the focus out of the rendered rows first, so the focus cannot just follow along.
  const focusPending = useRef<number | null>(null);
  const viewport = useRef<HTMLDivElement>(null);
  const now = useNow();
  // The first render draws the rows in view only; the few beyond them follow after the first paint
  // (each row is ~0.2 ms of the popup's first render, issue 16).
  const [overscan, setOverscan] = useState(0);
  useEffect(() => setOverscan(OVERSCAN), []);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - overscan);
  const last = Math.min(accounts.length, Math.ceil((scrollTop + VIEWPORT) / ROW_HEIGHT) + overscan);
  const rows = accounts.slice(first, last);
  const { codes, replace } = useCodes(
    api,
    rows.map((a) => a.id),
    now,
    initialCodes,
    // A locked vault says so (the popup shows the unlock form); other failures leave the codes shown
    // until the next refresh, rather than a message every second.
    (failure) => {
      if (isLocked(failure)) onFailed(failure);
    },
  );
  const current = new Set(currentIds);

  useEffect(() => setFocus((f) => Math.min(f, Math.max(0, accounts.length - 1))), [accounts.length]);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(null), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);

  const copy = async (account: AccountView) => {
    // Set once an HOTP code is used up: if it then misses the clipboard, the user is shown it.
    let taken: string | undefined;
    try {
      if (account.type === 'hotp') {
        // Each HOTP code is good once: the background takes it and moves the counter on in one write,
        // and fills the tab itself with that same code (so no second advance).
        const used = await api.hotpUse(account.id);
        taken = used.code;
        replace(used.next);
        await api.copy(used.code);
        setCopied({ id: account.id, what: 'current' });
        return onCopied(used.code);
      }
      // The code is asked for at the click, not taken from the row: a vault locked behind the popup
      // says so here (no old code "copied"), and the code is the current one however long the row showed.
      const [view] = await api.codes([account.id]);
      if (!view) return onFailed({ code: 'vault/not-found' });
      replace(view);
      const left = secondsLeft(view, Date.now());
      const next = left !== null && left <= NEXT_CODE_WINDOW && view.next !== undefined;
      const code = next ? view.next! : view.code;
      await api.copy(code, account.id);
      setCopied({ id: account.id, what: next ? 'next' : 'current' });
      onCopied(code, next, left ?? undefined);
    } catch (failure) {
      onFailed(failure, taken);
    }
  };

  const reorder = async (ids: string[] | null) => {
    // A partial list would send a partial order: reordering waits for the full list.
    if (!ids || total !== undefined) return;
    await api.reorder(ids);
    onReordered();
  };

  const moveFocus = (index: number) => {
    const next = Math.max(0, Math.min(accounts.length - 1, index));
    setFocus(next);
    focusPending.current = next;
    const el = viewport.current;
    if (!el) return;
    if (next * ROW_HEIGHT < el.scrollTop) el.scrollTop = next * ROW_HEIGHT;
    else if ((next + 1) * ROW_HEIGHT > el.scrollTop + VIEWPORT) el.scrollTop = (next + 1) * ROW_HEIGHT - VIEWPORT;
    setScrollTop(el.scrollTop);
    focusRow();
  };

  // Focuses the row the keyboard moved to if it is rendered; if not, the render its scroll causes does.
  const focusRow = () => {
    const index = focusPending.current;
    if (index === null) return;
    const id = accounts[index]?.id;
    const button = id && viewport.current?.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"] button.copy`);
    if (!button) return;
    focusPending.current = null;
    button.focus();
  };
  useLayoutEffect(focusRow);
  useLayoutEffect(() => {
    if (!focusId) return;
    const index = accounts.findIndex((a) => a.id === focusId);
    if (index < 0) return;
    moveFocus(index);
    onFocusTaken?.();
  }, [focusId, accounts]);

  const onKeyDown = (account: AccountView, index: number) => (event: KeyboardEvent) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step && event.altKey) void reorder(moveWithinGroup(all, accounts, currentIds, account.id, step));
    else if (step) moveFocus(index + step);
    else if (event.key === 'PageDown') moveFocus(index + PAGE);
    else if (event.key === 'PageUp') moveFocus(index - PAGE);
    else if (event.key === 'Home') moveFocus(0);
    else if (event.key === 'End') moveFocus(accounts.length - 1);
    else if (event.key === 'Delete' || event.key === 'F2') onOpen(account);
    else return;
    event.preventDefault();
  };

  if (accounts.length === 0) return <p class="empty">{t('listEmpty')}</p>;
  return (
    <div
      class="viewport"
      ref={viewport}
      style={{ maxHeight: `${VIEWPORT}px` }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <p id="copy-hint" class="sr-only">
        {t('copyHint')}
      </p>
      <ul
        class="accounts"
        aria-label={t('listLabel')}
        style={{ height: `${Math.max(accounts.length, total ?? 0) * ROW_HEIGHT}px` }}
      >
        <li aria-hidden="true" style={{ height: `${first * ROW_HEIGHT}px` }} class="spacer" />
        {rows.map((account, i) => (
          <AccountRow
            key={account.id}
            account={account}
            code={codes.get(account.id)}
            now={now}
            t={t}
            current={current.has(account.id)}
            focused={first + i === focus}
            copied={copied?.id === account.id ? copied.what : null}
            onCopy={() => void copy(account)}
            onOpen={() => onOpen(account)}
            onNext={() => void api.hotpNext(account.id).then(replace, (failure: unknown) => onFailed(failure))}
            onKeyDown={onKeyDown(account, first + i)}
            onFocus={() => setFocus(first + i)}
            drag={{
              onDragStart: () => (dragged.current = account.id),
              onDrop: () =>
                dragged.current && void reorder(moveTo(all, accounts, currentIds, dragged.current, account.id)),
            }}
          />
        ))}
      </ul>
    </div>
  );
}
