import { useState } from 'preact/hooks';
import type { Ref } from 'preact';
import type { Translate } from './api';
import { Icon } from './icons';
import { useCapsLock } from '../shared/ui/caps-lock';

interface PasswordInputProps {
  t: Translate;
  value: string;
  onInput(value: string): void;
  autocomplete: string;
  autoFocus?: boolean;
  invalid?: boolean;
  describedBy?: string | undefined;
  inputRef?: Ref<HTMLInputElement> | undefined;
  id?: string | undefined;
}

/** A password field with a show/hide toggle (the toggle is a real button with a name and a state). */
export function PasswordInput({
  t,
  value,
  onInput,
  autocomplete,
  autoFocus,
  invalid,
  describedBy,
  inputRef,
  id,
}: PasswordInputProps) {
  const [shown, setShown] = useState(false);
  const capsLock = useCapsLock();
  return (
    <>
      <span class="password-field">
        <input
          ref={inputRef ?? null}
          {...(id ? { id } : {})}
          type={shown ? 'text' : 'password'}
          autocomplete={autocomplete}
          value={value}
          autoFocus={autoFocus ?? false}
          spellcheck={false}
          onInput={(e) => onInput(e.currentTarget.value)}
          {...capsLock.listeners}
          aria-invalid={invalid ? 'true' : 'false'}
          {...(describedBy ? { 'aria-describedby': describedBy } : {})}
        />
        <button
          type="button"
          class="icon"
          onClick={() => setShown(!shown)}
          aria-pressed={shown}
          aria-label={t('showPassword')}
          title={t('showPassword')}
        >
          <Icon name={shown ? 'eyeOff' : 'eye'} size={16} />
        </button>
      </span>
      {capsLock.on && (
        <span class="hint caps-lock" role="status" data-testid="caps-lock">
          {t('capsLockOn')}
        </span>
      )}
    </>
  );
}
