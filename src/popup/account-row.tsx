import { useEffect, useRef } from 'preact/hooks';
import type { AccountView, CodeView } from '../shared/protocol';
import type { Translate } from './api';
import { groupCode } from './order';

export interface RowProps {
  account: AccountView;
  code: CodeView | undefined;
  now: number;
  current: boolean;
  focused: boolean;
  t: Translate;
  onCopy(): void;
  onOpen(): void;
  onNext(): void;
  onKeyDown(event: KeyboardEvent): void;
  onFocus(): void;
  drag: { onDragStart(): void; onDrop(): void };
}

/** One account: names, the grouped code (click or Enter copies), the countdown when under 5 s. */
export function AccountRow(props: RowProps) {
  const { account, code, now, t } = props;
  const left = code?.validUntil ? Math.max(0, Math.ceil((code.validUntil - now) / 1000)) : null;
  const fraction = code?.validUntil && left !== null ? left / code.period : 1;
  const button = useRef<HTMLButtonElement>(null);
  // Keyboard navigation moves DOM focus along with the roving tabindex (only while focus is in the list).
  useEffect(() => {
    if (props.focused && document.activeElement?.closest('.accounts')) button.current?.focus();
  }, [props.focused]);
  const name = account.issuer || account.sites[0]?.replace(/^https?:\/\//, '') || t('noIssuer');
  return (
    <li
      class={`account${props.current ? ' current' : ''}`}
      data-testid="account"
      data-id={account.id}
      draggable
      onDragStart={props.drag.onDragStart}
      onDragOver={(e) => e.preventDefault()}
      onDrop={props.drag.onDrop}
    >
      <button
        type="button"
        class="copy"
        tabIndex={props.focused ? 0 : -1}
        ref={button}
        onClick={props.onCopy}
        onKeyDown={props.onKeyDown}
        onFocus={props.onFocus}
        aria-describedby="copy-hint"
      >
        <span class="names">
          <span class="issuer">
            {account.pinned && <span class="pin" aria-hidden="true">★ </span>}
            {name}
          </span>
          <span class="name">{account.account}</span>
        </span>
        <span class="code" data-testid="code">{code ? groupCode(code.code) : '··· ···'}</span>
        <span class={left !== null && left <= 5 ? 'left urgent' : 'left'} aria-hidden="true">
          {left !== null && left <= 5 ? left : ''}
          {left !== null && <span class="bar" style={{ transform: `scaleX(${fraction})` }} />}
        </span>
      </button>
      {account.type === 'hotp' && (
        // In the tab order of the focused row: Tab from the code reaches it, Enter or Space activates it.
        <button type="button" class="icon next" onClick={props.onNext} aria-label={t('hotpNext')} tabIndex={props.focused ? 0 : -1}>↻</button>
      )}
      <button type="button" class="icon more" onClick={props.onOpen} aria-label={t('accountDetails', name)} tabIndex={-1}>⋯</button>
    </li>
  );
}
