import type { Settings, SettingsChange } from '../shared/protocol';
import type { Translate } from './app';

/**
 * "Correct codes for this computer's clock": the popup turns it on when the user accepts its offer
 * (clock more than 15 s off); here it can be turned off again. Part of the settings form: a save sends
 * only this choice.
 */
export function ClockSetting({
  settings,
  t,
  save,
}: {
  settings: Settings | null;
  t: Translate;
  save(change: SettingsChange): void;
}) {
  return (
    <>
      <label class="check">
        <input
          type="checkbox"
          checked={settings?.clockCorrection ?? false}
          disabled={!settings}
          onChange={(e) => save({ clockCorrection: e.currentTarget.checked })}
          data-testid="clock-correction"
        />
        {t('optionsClockCorrection')}
      </label>
      <p class="hint">{t('optionsClockExplain')}</p>
    </>
  );
}
