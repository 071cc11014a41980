import type { Translate } from './app';

export interface FilePasswords {
  enabled: boolean;
  password: string;
  repeat: string;
}

/** An encrypted export's own password (default: the master password typed above). */
export function ExportPasswords({ t, value, onChange }: { t: Translate; value: FilePasswords; onChange(next: FilePasswords): void }) {
  return (
    <>
      <label class="choice">
        <input type="checkbox" checked={value.enabled} onChange={(e) => onChange({ ...value, enabled: e.currentTarget.checked })} />
        {t('exportOwnPassword')}
      </label>
      {value.enabled ? (
        <>
          <label>
            {t('exportFilePassword')}
            <input type="password" autocomplete="new-password" value={value.password}
              onInput={(e) => onChange({ ...value, password: e.currentTarget.value })} />
          </label>
          <label>
            {t('exportFilePasswordRepeat')}
            <input type="password" autocomplete="new-password" value={value.repeat}
              onInput={(e) => onChange({ ...value, repeat: e.currentTarget.value })} />
          </label>
        </>
      ) : (
        <p class="hint">{t('exportSamePasswordHint')}</p>
      )}
    </>
  );
}
