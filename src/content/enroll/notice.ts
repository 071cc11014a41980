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

const CSS =
  '.notice{width:360px;display:flex;align-items:stretch;gap:8px}.body{flex:1;display:flex;flex-direction:column;gap:2px;align-self:center}.ca .close{color:var(--mut);font-size:18px;line-height:24px;align-self:flex-start}.ca .act{min-width:76px;min-height:32px;align-self:flex-start}';

export function showNotice(text: string, action: string, onAction: () => void): { done(text: string): void } {
  const host = document.createElement('div');
  host.setAttribute('data-clickauth-notice', '');
  setVars(host, { t: '16px', r: '16px' });
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = `<style>${HOST_CSS}${THEME}${CSS}</style><div class="ca card notice" role="alertdialog"><div class="body">${BRAND}<span class="text"></span></div><button class="close" type="button">×</button><button class="act primary" type="button"></button></div>`;
  const label = shadow.querySelector('.text')!;
  const act = shadow.querySelector('.act') as HTMLButtonElement;
  const close = shadow.querySelector('.close') as HTMLButtonElement;
  const card = shadow.querySelector('.notice')!;
  label.textContent = text;
  act.textContent = action;
  close.setAttribute('aria-label', message('close'));
  card.setAttribute('aria-label', `ClickAuth: ${text}`);
  mount(host);
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
      card.setAttribute('aria-label', `ClickAuth: ${result}`);
      card.setAttribute('role', 'status');
      act.remove();
      setTimeout(remove, 6000);
    },
  };
}
