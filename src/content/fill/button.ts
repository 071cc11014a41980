/**
 * The in-field button: shown at the right end of the code field when the code cannot be filled by
 * itself (several accounts, none bound to this site yet, the vault locked, automatic filling off).
 * A closed shadow root the page can neither read nor restyle; only a genuine user click acts.
 */
import { message } from '../../platform/runtime-lite';
import { guard } from '../genuine';
import { HOST_CSS, mount, setVars } from '../host';

const SIZE = 22;
const STYLE = `${HOST_CSS}button{all:unset;display:block;box-sizing:border-box;width:${SIZE}px;height:${SIZE}px;border-radius:6px;background:#0b57d0;color:#fff;font:700 9px/${SIZE}px system-ui,sans-serif;text-align:center;cursor:pointer}button:focus-visible{outline:2px solid #0b57d0;outline-offset:2px}`;

/** Shows the button over `anchor`'s right end; returns a function that removes it. */
export function showFieldButton(anchor: Element, locked: boolean, onClick: () => void): () => void {
  const host = document.createElement('clickauth-fill');
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = `<style>${STYLE}</style><button type=button>${locked ? '🔒' : '2FA'}</button>`;
  const button = shadow.lastElementChild as HTMLButtonElement;
  button.title = message(locked ? 'fieldButtonLocked' : 'fieldButton');
  button.setAttribute('aria-label', button.title);
  const watch = guard(host, SIZE);
  // Keep the field focused: a mousedown on the button would blur it.
  button.onmousedown = (e) => e.preventDefault();
  button.onclick = (e) => {
    e.preventDefault();
    e.stopPropagation();
    if (watch.genuine(e)) onClick();
  };
  const place = (): void => {
    if (!anchor.isConnected) return remove();
    const r = anchor.getBoundingClientRect();
    setVars(host, { l: `${r.right - SIZE - 4}px`, t: `${r.top + (r.height - SIZE) / 2}px`, d: r.width ? 'block' : 'none' });
  };
  // Fixed position, re-placed on scroll (of any container), resize and layout changes.
  const timer = setInterval(place, 400);
  addEventListener('scroll', place, true);
  addEventListener('resize', place);
  function remove(): void {
    clearInterval(timer);
    removeEventListener('scroll', place, true);
    removeEventListener('resize', place);
    watch.stop();
    host.remove();
  }
  place();
  mount(host, anchor);
  return remove;
}
