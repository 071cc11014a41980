/**
 * The in-field button: shown at the right end of the code field when the code cannot be filled by
 * itself (several accounts, none bound to this site yet, the vault locked, automatic filling off).
 * A closed shadow root the page can neither read nor restyle; only a genuine user click acts.
 * Issue 17: a 28 px target (WCAG 2.2 asks for 24), our mark or a padlock as inline SVG (an emoji shows
 * as a missing glyph where there is no emoji font), and an accessible name.
 */
import { message } from '../../platform/runtime-lite';
import { guard } from '../genuine';
import { HOST_CSS, mount, setVars } from '../host';
import { LOCK, THEME } from '../ui/theme';

const SIZE = 28;
const RING =
  '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 5.5a6.5 6.5 0 1 1-6.5 6.5" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round"/><circle cx="12" cy="12" r="2.2" fill="currentColor"/></svg>';
const CSS = `.ca button{display:flex;align-items:center;justify-content:center;width:${SIZE}px;height:${SIZE}px;border-radius:8px;background:var(--a);color:var(--on-a)}.ca svg{width:18px;height:18px}.ca .lock{width:14px;height:14px}`;

/** Shows the button over `anchor`'s right end; returns a function that removes it. */
export function showFieldButton(anchor: Element, locked: boolean, onClick: () => void): () => void {
  const host = document.createElement('clickauth-fill');
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = `<style>${HOST_CSS}${THEME}${CSS}</style><div class="ca"><button type=button>${locked ? LOCK : RING}</button></div>`;
  const button = shadow.querySelector('button') as HTMLButtonElement;
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
    setVars(host, {
      l: `${r.right - SIZE - 4}px`,
      t: `${r.top + (r.height - SIZE) / 2}px`,
      d: r.width ? 'block' : 'none',
    });
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
