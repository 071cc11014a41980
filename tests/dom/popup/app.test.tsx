import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App, type PopupApi } from '../../../src/popup/app';

const messages: Record<string, string> = {
  extName: 'ClickAuth Authenticator',
  loading: 'Loading…',
  popupReady: 'Ready.',
  errorBackgroundUnavailable: 'Background not responding.',
};
const t = (key: string) => messages[key] ?? `!${key}`;

let root: HTMLElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(api: PopupApi) {
  root = document.createElement('main');
  document.body.append(root);
  await act(async () => {
    render(<App api={api} t={t} />, root);
  });
  await act(async () => {
    await new Promise((done) => setTimeout(done, 0));
  });
  return root;
}

describe('popup shell', () => {
  it('shows the name and version from the background', async () => {
    const el = await mount({ info: async () => ({ name: 'ClickAuth', version: '9.9.9' }) });
    expect(el.querySelector('h1')?.textContent).toBe('ClickAuth');
    expect(el.querySelector('.version')?.textContent).toBe('9.9.9');
    expect(el.querySelector('[role=status]')?.textContent).toBe('Ready.');
  });

  it('says so when the background does not answer', async () => {
    const el = await mount({ info: () => Promise.reject(new Error('gone')) });
    expect(el.querySelector('h1')?.textContent).toBe('ClickAuth Authenticator');
    expect(el.querySelector('[role=status]')?.textContent).toBe('Background not responding.');
  });
});
