/**
 * The "Add to Authenticator" affordance over a QR, drawn in a closed shadow root so the page can
 * neither read nor restyle it. Only a trusted click (a real user's) acts; script-made clicks are ignored.
 */
import { message } from '../../platform/runtime-lite';
import { genuine } from '../genuine';

// Written compactly: this string ships in the content script of every page.
const STYLE =
  ':host{all:initial}.box{position:absolute;inset:0;box-sizing:border-box;border:3px solid #0b57d0;border-radius:8px;background:rgba(11,87,208,0.08);cursor:pointer;font:600 13px/1.3 system-ui,sans-serif}.box:hover{background:rgba(11,87,208,0.18)}.label{position:absolute;left:50%;bottom:6px;transform:translateX(-50%);background:#0b57d0;color:#fff;padding:4px 10px;border-radius:12px;white-space:nowrap}.toast{position:absolute;left:50%;top:calc(100% + 6px);transform:translateX(-50%);background:#1b1c1f;color:#fff;padding:6px 10px;border-radius:6px;white-space:nowrap;display:flex;gap:8px}.toast button{all:unset;color:#a8c7fa;text-decoration:underline;cursor:pointer}.notice{position:fixed;top:16px;right:16px;width:340px;display:flex;align-items:center;gap:8px;background:#1b1c1f;color:#fff;padding:10px 12px;border-radius:8px;font:14px/1.35 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.3)}.notice span{flex:1}.notice button{all:unset;cursor:pointer;padding:8px 12px;border-radius:6px}.notice .act{background:#a8c7fa;color:#062e6f;font-weight:600;width:64px;text-align:center}.notice .close{color:#c4c7c5}';

export interface Overlay {
  toast(text: string, undo?: () => void): void;
  remove(): void;
}

/**
 * A notice at the top right of the viewport with one action (e.g. "Save 10 backup codes"); the action
 * button is the right-most 88 px of the box. Trusted clicks only.
 */
export function showNotice(text: string, action: string, onAction: () => void): { done(text: string): void } {
  const host = document.createElement('div');
  host.setAttribute('data-clickauth-notice', '');
  Object.assign(host.style, { position: 'fixed', top: '0', right: '0', zIndex: '2147483647' });
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = `<style>${STYLE}</style><div class="notice" role="alertdialog"><span></span><button class="close" type="button">×</button><button class="act" type="button"></button></div>`;
  const label = shadow.querySelector('span')!;
  const act = shadow.querySelector('.act') as HTMLButtonElement;
  label.textContent = text;
  act.textContent = action;
  (shadow.querySelector('.close') as HTMLButtonElement).setAttribute('aria-label', message('close'));
  const shownAt = performance.now();
  act.addEventListener('click', (e) => e.isTrusted && genuine(host, e, shownAt) && onAction());
  shadow.querySelector('.close')!.addEventListener('click', (e) => e.isTrusted && host.remove());
  document.documentElement.append(host);
  return {
    done(result) {
      label.textContent = result;
      act.remove();
      setTimeout(() => host.remove(), 6000);
    },
  };
}

export function showOverlay(target: Element, label: string, onClick: () => void): Overlay {
  const host = document.createElement('div');
  host.setAttribute('data-clickauth-overlay', '');
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = `<style>${STYLE}</style><div class="box" role="button" tabindex="0"><span class="label"></span></div>`;
  const box = shadow.querySelector('.box') as HTMLElement;
  (shadow.querySelector('.label') as HTMLElement).textContent = label;
  box.setAttribute('aria-label', label);
  const shownAt = performance.now();
  const act = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    if (event.isTrusted && genuine(host, event, shownAt)) onClick();
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
