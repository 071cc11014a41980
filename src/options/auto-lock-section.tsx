import { useEffect, useState } from 'preact/hooks';
import type { AutoLock, Settings, SettingsChange } from '../shared/protocol';
import { AUTO_LOCK_CHOICES, type OptionsApi } from './api';
import type { Translate } from './app';
import { plural } from '../shared/ui/plural';
import { ClockSetting } from './clock-setting';
import { errorText } from './error-text';

/**
 * Locking and autofill: two cards over one settings object. A save sends only the setting the user
 * changed and shows all of them as the background then stores them: this tab's copy may be stale (the
 * popup turned clock correction on, another options tab changed something), and sending it whole
 * would undo those changes.
 */
export function AutoLockSection({ api, t }: { api: OptionsApi; t: Translate }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState<'lock' | 'autofill' | null>(null);

  useEffect(() => {
    // The background unreachable: the section stays empty.
    api.settings().then(setSettings, () => setSettings(null));
  }, [api]);

  const [failed, setFailed] = useState<{ card: 'lock' | 'autofill'; text: string } | null>(null);

  async function save(change: SettingsChange) {
    const card = 'autofill' in change || 'clockCorrection' in change ? 'autofill' : 'lock';
    try {
      setSettings(await api.saveSettings(change));
      setSaved(card);
      setFailed(null);
    } catch (failure) {
      // Not saved: the controls show what is stored again (a new object re-renders them), and the card says why.
      setSettings(settings && { ...settings });
      setSaved(null);
      setFailed({ card, text: errorText(t, failure) });
    }
  }
  const choose = (value: string) =>
    save({ autoLockMinutes: (value === 'browser-close' ? value : Number(value)) as AutoLock });

  return (
    <>
      <section aria-labelledby="lock-title" id="locking" class="card">
        <h2 id="lock-title">{t('optionsLockTitle')}</h2>
        <label>
          {t('optionsAutoLock')}
          <select
            value={String(settings?.autoLockMinutes ?? 15)}
            disabled={!settings}
            onChange={(e) => choose(e.currentTarget.value)}
            data-testid="auto-lock"
          >
            {AUTO_LOCK_CHOICES.map((choice) => (
              <option value={String(choice)} key={String(choice)}>
                {choice === 'browser-close' ? t('autoLockBrowserClose') : plural(t, 'autoLockMinutes', choice)}
              </option>
            ))}
          </select>
        </label>
        <p class="hint" data-testid="lock-explain">
          {t(api.screenLockReported === false ? 'optionsLockExplainNoScreenLock' : 'optionsLockExplain')}
        </p>
        {saved === 'lock' && (
          <p class="saved" role="status">
            {t('optionsSaved')}
          </p>
        )}
        {failed?.card === 'lock' && (
          <p class="error" role="alert">
            {failed.text}
          </p>
        )}
      </section>
      <section aria-labelledby="autofill-title" id="autofill" class="card">
        <h2 id="autofill-title">{t('optionsAutofillTitle')}</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={settings?.autofill ?? true}
            disabled={!settings}
            onChange={(e) => save({ autofill: e.currentTarget.checked })}
            data-testid="autofill"
          />
          {t('optionsAutofill')}
        </label>
        <p class="hint">{t('optionsAutofillExplain')}</p>
        <ClockSetting settings={settings} t={t} save={(change) => void save(change)} />
        {saved === 'autofill' && (
          <p class="saved" role="status">
            {t('optionsSaved')}
          </p>
        )}
        {failed?.card === 'autofill' && (
          <p class="error" role="alert">
            {failed.text}
          </p>
        )}
      </section>
    </>
  );
}
