import type { AccountView, CodeView } from '../shared/protocol';
import type { Translate } from './api';
import { groupCode } from './order';
import { CountdownRing } from './countdown-ring';
import { Icon } from './icons';

/** What the row says after a copy: the current code, or (in the last seconds) the next one. */
export type CopiedState = 'current' | 'next' | null;

export interface RowProps {
  account: AccountView;
  code: CodeView | undefined;
  now: number;
  current: boolean;
  focused: boolean;
  copied: CopiedState;
  t: Translate;
  onCopy(): void;
  onOpen(): void;
  onNext(): void;
  onKeyDown(event: KeyboardEvent): void;
  onFocus(): void;
  drag: { onDragStart(): void; onDrop(): void };
}

/** Seconds a TOTP code has left (null for HOTP or before the code arrived). */
export const secondsLeft = (code: CodeView | undefined, now: number): number | null =>
  code?.validUntil ? Math.max(0, Math.ceil((code.validUntil - now) / 1000)) : null;

/** In the last seconds a copy gives the next code instead: the current one would expire while typed. */
export const NEXT_CODE_WINDOW = 5;

/** One account: names, the grouped code (click or Enter copies), an always-visible countdown ring. */
export function AccountRow(props: RowProps) {
  const { account, code, now, t, copied } = props;
  const left = secondsLeft(code, now);
  const name = account.issuer || account.sites[0]?.replace(/^https?:\/\//, '') || t('noIssuer');
  const soon = left !== null && left <= NEXT_CODE_WINDOW && code?.next !== undefined;
  const hint =
    copied === 'next' ? t('copiedNextShort') : copied ? t('copiedShort') : soon ? t('copyNextHint') : t('copyShort');
  const classes = ['account', props.current && 'current', account.type === 'hotp' && 'hotp', copied && 'copied']
    .filter(Boolean)
    .join(' ');
  return (
    <li
      class={classes}
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
        onClick={props.onCopy}
        onKeyDown={props.onKeyDown}
        onFocus={props.onFocus}
        aria-describedby="copy-hint"
        title={`${name} · ${account.account}`}
      >
        <span class="names">
          <span class="issuer">
            {account.pinned && (
              <span class="pin" aria-hidden="true">
                <Icon name="star" size={12} />
              </span>
            )}
            {name}
          </span>
          <span class="name">{account.account}</span>
        </span>
        <span class="code-col">
          <span class="code" data-testid="code">
            {code ? groupCode(code.code) : '··· ···'}
          </span>
          {left !== null && code && <CountdownRing left={left} period={code.period} />}
          {account.type === 'hotp' && <span class="ring" aria-hidden="true" />}
        </span>
        <span class="copy-hint" aria-hidden="true">
          <Icon name={copied ? 'check' : 'copy'} size={11} />
          {hint}
        </span>
      </button>
      {account.type === 'hotp' && (
        // In the tab order of the focused row: Tab from the code reaches it, Enter or Space activates it.
        <button
          type="button"
          class="icon next"
          onClick={props.onNext}
          aria-label={t('hotpNext')}
          title={t('hotpNext')}
          tabIndex={props.focused ? 0 : -1}
        >
          <Icon name="refresh" size={16} />
        </button>
      )}
      <button
        type="button"
        class="icon more"
        onClick={props.onOpen}
        aria-label={t('accountDetails', name)}
        title={t('accountDetails', name)}
        tabIndex={props.focused ? 0 : -1}
      >
        <Icon name="more" size={16} />
      </button>
    </li>
  );
}
