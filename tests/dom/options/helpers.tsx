import { render } from 'preact';
import { act } from 'preact/test-utils';
import { OptionsApp } from '../../../src/options/app';
import type { OptionsApi } from '../../../src/options/api';
import { settle, t } from '../popup/helpers';

export { button, click, msg, settle, submit, t, type } from '../popup/helpers';

let root: HTMLElement | null = null;

export async function mountOptions(api: OptionsApi): Promise<HTMLElement> {
  root = document.createElement('main');
  document.body.append(root);
  await act(async () => {
    render(<OptionsApp api={api} t={t} />, root!);
  });
  await settle();
  return root;
}

export function unmountOptions(): void {
  if (!root) return;
  render(null, root);
  root.remove();
  root = null;
}

/** Puts files on a file input and fires `change`, as a user picking them does. */
export async function pickFile(input: Element | null, file: File): Promise<void> {
  if (!input) throw new Error('no file input');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await idle();
}

/** Waits until no section shows the busy message (decryption in the fake takes real time). */
export const idle = () =>
  waitFor(() => ![...document.querySelectorAll('[role=status]')].some((el) => el.textContent === t('importBusy')));

/** Drops a file on an element. */
export async function dropFile(target: Element | null, file: File): Promise<void> {
  if (!target) throw new Error('no drop target');
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { files: [file] } });
  await act(async () => {
    target.dispatchEvent(event);
  });
  await idle();
}

/** Settles until `ready()` holds (scrypt/PBKDF2 in the fake take real time). */
export async function waitFor(ready: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await settle();
    if (ready()) return;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((done) => setTimeout(done, 20));
  }
}

export const textOf = (el: Element | null | undefined): string => el?.textContent?.trim() ?? '';
