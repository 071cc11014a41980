import { browser } from './browser';

/** The alarms API: a timer that survives the service worker going to sleep.
 * https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle */
export interface AlarmApi {
  create(name: string, delayInMinutes: number): Promise<void>;
  onAlarm(listener: (name: string) => void | Promise<void>): void;
}

export const alarmApi = (): AlarmApi => ({
  create: (name, delayInMinutes) => browser.alarms.create(name, { delayInMinutes }) as Promise<void>,
  onAlarm: (listener) => browser.alarms.onAlarm.addListener((alarm) => listener(alarm.name)),
});
