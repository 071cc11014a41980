import { useEffect, useState } from 'preact/hooks';
import type { AutoLock, Settings } from '../shared/protocol';
import { AUTO_LOCK_CHOICES, type OptionsApi } from './api';
import type { Translate } from './app';

export function AutoLockSection({ api, t }: { api: OptionsApi; t: Translate }) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    api.settings().then(setSettings, () => setSettings(null));
  }, [api]);

  async function choose(value: string) {
    const autoLockMinutes = (value === 'browser-close' ? value : Number(value)) as AutoLock;
    setSettings(await api.saveSettings({ ...(settings ?? { autoLockMinutes, autofill: true }), autoLockMinutes }));
    setSaved(true);
  }

  return (
    <section aria-labelledby="lock-title">
      <h2 id="lock-title">{t('optionsLockTitle')}</h2>
      <label>
        {t('optionsAutoLock')}
        <select value={String(settings?.autoLockMinutes ?? 15)} disabled={!settings}
          onChange={(e) => choose(e.currentTarget.value)} data-testid="auto-lock">
          {AUTO_LOCK_CHOICES.map((choice) => (
            <option value={String(choice)} key={String(choice)}>
              {choice === 'browser-close' ? t('autoLockBrowserClose') : t('autoLockMinutes', String(choice))}
            </option>
          ))}
        </select>
      </label>
      <p class="hint">{t('optionsLockExplain')}</p>
      {saved && <p class="saved" role="status">{t('optionsSaved')}</p>}
    </section>
  );
}
