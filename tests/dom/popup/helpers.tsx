import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../../../src/popup/app';
import { idle, messagesSent } from '../../adapter/background';
import type { PopupApi } from '../../../src/popup/api';
import en from '../../../public/_locales/en/messages.json' with { type: 'json' };

type Entry = { message: string; placeholders?: Record<string, { content: string }> };
export const messages = en as Record<string, Entry>;

/** chrome.i18n.getMessage over the English messages.json, placeholders included. */
export function t(key: string, sub?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = Array.isArray(sub) ? sub : sub === undefined ? [] : [sub];
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return subs[Number(content.slice(1)) - 1] ?? '';
  });
}

export const msg = (key: string, ...subs: string[]) => t(key, subs);

/**
 * Let the UI and the real background (tests/adapter) finish: rounds of macrotasks until no message is
 * in flight, repeated while a round's effects (preact runs them after paint) sent new messages.
 */
export async function settle(): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const before = messagesSent();
    await act(async () => {
      for (let i = 0; i < 6; i++) await new Promise((done) => setTimeout(done, 0));
      await idle();
    });
    await new Promise((done) => setTimeout(done, 20));
    if (messagesSent() === before) return;
  }
}

let root: HTMLElement | null = null;

export async function mount(api: PopupApi): Promise<HTMLElement> {
  root = document.createElement('main');
  document.body.append(root);
  await act(async () => {
    render(<App api={api} t={t} />, root!);
  });
  await settle();
  return root;
}

export function unmount(): void {
  if (!root) return;
  render(null, root);
  root.remove();
  root = null;
}

export async function type(input: Element | null | undefined, value: string): Promise<void> {
  if (!input) throw new Error('no input');
  const el = input as HTMLInputElement;
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

export async function click(el: Element | null | undefined): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(async () => {
    (el as HTMLElement).click();
  });
  await settle();
}

export async function submit(form: Element | null | undefined): Promise<void> {
  if (!form) throw new Error('no form');
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

export async function key(el: Element | Document, keyName: string, init: KeyboardEventInit = {}): Promise<void> {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true, cancelable: true, ...init }));
  });
  await settle();
}

export function button(root: Element, name: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name,
  );
}
