import { browser } from './browser';

export interface CommandEvent {
  addListener(listener: (command: string) => void): void;
}

/** The keyboard shortcuts' event (manifest "commands"). */
export const commandEvent = (): CommandEvent => browser.commands.onCommand;
