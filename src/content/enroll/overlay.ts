/**
 * The "Add to Authenticator" affordance over a QR, drawn in a closed shadow root so the page can
 * neither read nor restyle it. Only a trusted click (a real user's) acts; script-made clicks are ignored.
 */
import { message } from '../../platform/runtime-lite';

const STYLE = `
:host { all: initial; }
.box { position: absolute; inset: 0; box-sizing: border-box; border: 3px solid #0b57d0; border-radius: 8px;
  background: rgba(11, 87, 208, 0.08); cursor: pointer; font: 600 13px/1.3 system-ui, sans-serif; }
.box:hover { background: rgba(11, 87, 208, 0.18); }
.label { position: absolute; left: 50%; bottom: 6px; transform: translateX(-50%); background: #0b57d0; color: #fff;
  padding: 4px 10px; border-radius: 12px; white-space: nowrap; }
.toast { position: absolute; left: 50%; top: calc(100% + 6px); transform: translateX(-50%); background: #1b1c1f;
  color: #fff; padding: 6px 10px; border-radius: 6px; white-space: nowrap; display: flex; gap: 8px; }
.toast button { all: unset; color: #a8c7fa; text-decoration: underline; cursor: pointer; }
`;

export interface Overlay {
  toast(text: string, undo?: () => void): void;
  remove(): void;
}

export function showOverlay(target: Element, label: string, onClick: () => void): Overlay {
  const host = document.createElement('div');
  host.setAttribute('data-clickauth-overlay', '');
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = `<style>${STYLE}</style><div class="box" role="button" tabindex="0"><span class="label"></span></div>`;
  const box = shadow.querySelector('.box') as HTMLElement;
  (shadow.querySelector('.label') as HTMLElement).textContent = label;
  box.setAttribute('aria-label', label);
  const act = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    if (event.isTrusted) onClick();
  };
  box.addEventListener('click', act);
  box.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && act(e));

  const place = () => {
    const r = target.getBoundingClientRect();
    Object.assign(host.style, {
      position: 'absolute', zIndex: '2147483647', margin: '0',
      left: `${r.left + scrollX}px`, top: `${r.top + scrollY}px`, width: `${r.width}px`, height: `${r.height}px`,
    });
    if (!target.isConnected) remove();
  };
  const observer = new ResizeObserver(place);
  observer.observe(target);
  addEventListener('scroll', place, true);
  addEventListener('resize', place);
  place();
  document.documentElement.append(host);

  function remove() {
    observer.disconnect();
    removeEventListener('scroll', place, true);
    removeEventListener('resize', place);
    host.remove();
  }

  return {
    toast(text, undo) {
      shadow.querySelector('.toast')?.remove();
      const toast = document.createElement('div');
      toast.className = 'toast';
      toast.setAttribute('role', 'status');
      toast.textContent = text;
      if (undo) {
        const button = document.createElement('button');
        button.textContent = message('undo');
        button.addEventListener('click', (e) => {
          e.stopPropagation();
          if (e.isTrusted) undo();
        });
        toast.append(button);
      }
      box.append(toast);
    },
    remove,
  };
}
