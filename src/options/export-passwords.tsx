import type { Translate } from './app';

export interface FilePasswords {
  /** true: "a different password" (the file's own, typed twice); false: the master password. */
  enabled: boolean;
  password: string;
  repeat: string;
}

/**
 * "Protect this file with: ( ) my master password ( ) a different password". A different password
 * keeps a leaked file from becoming a guessing target for the master password itself.
 */
export function ExportPasswords({
  t,
  value,
  onChange,
}: {
  t: Translate;
  value: FilePasswords;
  onChange(next: FilePasswords): void;
}) {
  return (
    <>
      <fieldset data-testid="export-protect">
        <legend>{t('exportProtectLegend')}</legend>
        <label class="choice">
          <input
            type="radio"
            name="export-protect"
            value="master"
            checked={!value.enabled}
            onChange={() => onChange({ ...value, enabled: false })}
          />
          {t('exportProtectMaster')}
        </label>
        <label class="choice">
          <input
            type="radio"
            name="export-protect"
            value="other"
            checked={value.enabled}
            onChange={() => onChange({ ...value, enabled: true })}
          />
          {t('exportProtectOther')}
        </label>
      </fieldset>
      {value.enabled ? (
        <>
          <label>
            {t('exportFilePassword')}
            <input
              type="password"
              autocomplete="new-password"
              value={value.password}
              data-testid="export-file-password"
              onInput={(e) => onChange({ ...value, password: e.currentTarget.value })}
            />
          </label>
          <label>
            {t('exportFilePasswordRepeat')}
            <input
              type="password"
              autocomplete="new-password"
              value={value.repeat}
              data-testid="export-file-repeat"
              onInput={(e) => onChange({ ...value, repeat: e.currentTarget.value })}
            />
          </label>
        </>
      ) : (
        <p class="hint">{t('exportSamePasswordHint')}</p>
      )}
    </>
  );
}
