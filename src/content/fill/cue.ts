/**
 * After an autofill, a brief "Filled by ClickAuth" cue on the field (issue 17; Bitwarden shows one): a
 * ring around the field and a small tag on its top-right corner, for 2.5 s. It takes no clicks (the
 * page stays usable under it) and holds no code: only our name, in a closed shadow root.
 */
import { message } from '../../platform/runtime-lite';
import { HOST_CSS, mount, setVars } from '../host';
import { MARK, THEME } from '../ui/theme';

const CSS =
  ':host{pointer-events:none!important}.ca{position:absolute;inset:0;border:2px solid var(--a);border-radius:6px}.tag{position:absolute;right:-2px;bottom:calc(100% + 4px);display:flex;align-items:center;gap:4px;padding:2px 8px 2px 4px;font-size:12px;font-weight:600;border-radius:999px;background:var(--bg);color:var(--fg);border:1px solid var(--bd);box-shadow:var(--sh);white-space:nowrap}.tag .mark{width:16px;height:16px}';

export function showFillCue(anchor: Element, ms = 2500): () => void {
  const host = document.createElement('clickauth-cue');
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = `<style>${HOST_CSS}${THEME}${CSS}</style><div class="ca"><div class="tag" role="status">${MARK}<span></span></div></div>`;
  shadow.querySelector('span')!.textContent = message('fillCue');
  const place = (): void => {
    if (!anchor.isConnected) return remove();
    const r = anchor.getBoundingClientRect();
    setVars(host, {
      l: `${r.left - 4}px`,
      t: `${r.top - 4}px`,
      w: `${r.width + 8}px`,
      h: `${r.height + 8}px`,
      d: r.width ? 'block' : 'none',
    });
  };
  addEventListener('scroll', place, true);
  addEventListener('resize', place);
  const timer = setTimeout(remove, ms);
  function remove(): void {
    clearTimeout(timer);
    removeEventListener('scroll', place, true);
    removeEventListener('resize', place);
    host.remove();
  }
  place();
  mount(host, anchor);
  return remove;
}
