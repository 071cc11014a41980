import { useEffect, useState } from 'preact/hooks';
import type { AutoLock, Settings } from '../shared/protocol';
import { AUTO_LOCK_CHOICES, type OptionsApi } from './api';
import type { Translate } from './app';
import { plural } from '../shared/ui/plural';
import { ClockSetting } from './clock-setting';
import { errorText } from './error-text';

/**
 * Locking and autofill: two cards, one settings object (saved whole, so the two never overwrite
 * each other's change with a stale copy).
 */
export function AutoLockSection({ api, t }: { api: OptionsApi; t: Translate }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState<'lock' | 'autofill' | null>(null);

  useEffect(() => {
    // The background unreachable: the section stays empty.
    api.settings().then(setSettings, () => setSettings(null));
  }, [api]);

  const [failed, setFailed] = useState<{ card: 'lock' | 'autofill'; text: string } | null>(null);

  async function save(change: Partial<Settings>) {
    const card = 'autofill' in change || 'clockCorrection' in change ? 'autofill' : 'lock';
    try {
      setSettings(await api.saveSettings({ ...(settings ?? { autoLockMinutes: 15, autofill: true }), ...change }));
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
