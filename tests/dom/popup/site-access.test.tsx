import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { SiteAccessNotice, type SiteAccessPort } from '../../../src/popup/site-access-notice';
import { msg, settle, t } from './helpers';

let root: HTMLElement | null = null;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = null;
});

async function mountNotice(access: SiteAccessPort): Promise<HTMLElement> {
  root = document.createElement('main');
  document.body.append(root);
  await act(async () => render(<SiteAccessNotice t={t} access={access} />, root!));
  await settle();
  return root;
}

/** A fake permission: granted or not, and what the user answers to the browser's prompt. */
function fakeAccess(granted: boolean, answer: boolean) {
  const calls: string[] = [];
  const access: SiteAccessPort = {
    has: async () => (calls.push('has'), granted),
    request: async () => (calls.push('request'), (granted = answer)),
  };
  return { access, calls };
}

describe('popup: access to web sites (Firefox lets the user withhold it)', () => {
  it('shows nothing when the host permission is granted', async () => {
    const { access, calls } = fakeAccess(true, true);
    const el = await mountNotice(access);
    expect(el.textContent).toBe('');
    expect(calls).toEqual(['has']);
  });

  it('says what is missing, asks on a click, and goes away once granted', async () => {
    const { access, calls } = fakeAccess(false, true);
    const el = await mountNotice(access);
    expect(el.querySelector('[data-testid=site-access]')?.textContent).toContain(msg('siteAccessMissing'));
    await act(async () => (el.querySelector('button') as HTMLButtonElement).click());
    await settle();
    expect(calls).toEqual(['has', 'request']);
    expect(el.querySelector('[data-testid=site-access]')).toBeNull();
  });

  it('stays when the user declines', async () => {
    const { access } = fakeAccess(false, false);
    const el = await mountNotice(access);
    await act(async () => (el.querySelector('button') as HTMLButtonElement).click());
    await settle();
    expect(el.querySelector('[data-testid=site-access] button')?.textContent).toBe(msg('siteAccessGrant'));
  });

  it('reports a failed check instead of hiding it', async () => {
    const el = await mountNotice({
      has: () => Promise.reject(new Error('no permissions API')),
      request: async () => true,
    });
    expect(el.querySelector('[role=alert]')?.textContent).toBe(msg('siteAccessUnknown'));
  });
});
