/**
 * A notice at the top right of the viewport with one action (e.g. "Save 10 backup codes"), in a closed
 * shadow root. It starts with our name and mark, so it cannot pass for the site's own message. The
 * action button fills the card's right end (tests and the demo click its right-most 88 px by
 * position). Trusted clicks only.
 */
import { message } from '../../platform/runtime-lite';
import { guard } from '../genuine';
import { HOST_CSS, mount, setVars } from '../host';
import { BRAND, THEME } from '../ui/theme';
import { announce, LIVE, LIVE_CSS } from '../ui/live';

const CSS =
  '.notice{width:360px;display:flex;align-items:stretch;gap:8px}.body{flex:1;display:flex;flex-direction:column;gap:2px;align-self:center}.ca .close{color:var(--mut);font-size:18px;line-height:24px;align-self:flex-start}.ca .act{min-width:76px;min-height:32px;align-self:flex-start}';

export function showNotice(text: string, action: string, onAction: () => void): { done(text: string): void } {
  const host = document.createElement('div');
  host.setAttribute('data-clickauth-notice', '');
  setVars(host, { t: '16px', r: '16px' });
  const shadow = host.attachShadow({ mode: 'closed' });
  // Not a dialog (it takes no focus and holds none): a status line, said by its live region once it is
  // in the page. The visible text is the same words, hidden from screen readers (said once, not twice).
  shadow.innerHTML = `<style>${HOST_CSS}${THEME}${LIVE_CSS}${CSS}</style><div class="ca card notice"><div class="body">${BRAND}<span class="text" aria-hidden="true"></span>${LIVE}</div><button class="close" type="button">×</button><button class="act primary" type="button"></button></div>`;
  const label = shadow.querySelector('.text')!;
  const live = shadow.querySelector('.live')!;
  const act = shadow.querySelector('.act') as HTMLButtonElement;
  const close = shadow.querySelector('.close') as HTMLButtonElement;
  label.textContent = text;
  act.textContent = action;
  close.setAttribute('aria-label', message('close'));
  mount(host);
  announce(live, text);
  const watch = guard(host, 40);
  const remove = (): void => {
    watch.stop();
    host.remove();
  };
  act.addEventListener('click', (e) => watch.genuine(e) && onAction());
  close.addEventListener('click', (e) => e.isTrusted && remove());
  return {
    done(result) {
      label.textContent = result;
      announce(live, result);
      act.remove();
      setTimeout(remove, 6000);
    },
  };
}
