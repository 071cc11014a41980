/**
 * The "Add to Authenticator" affordance over a QR, drawn in a closed shadow root so the page can
 * neither read nor restyle it. Only a trusted click (a real user's) acts; script-made clicks are ignored.
 */
import { message } from '../../platform/runtime-lite';
import { guard } from '../genuine';
import { HOST_CSS, mount, setVars } from '../host';

// Written compactly: this string ships in the content script of every page.
const STYLE =
  HOST_CSS +
  '.box{position:absolute;inset:0;box-sizing:border-box;border:3px solid #0b57d0;border-radius:8px;background:rgba(11,87,208,0.08);cursor:pointer;font:600 13px/1.3 system-ui,sans-serif}.box:hover{background:rgba(11,87,208,0.18)}.label{position:absolute;left:50%;bottom:6px;transform:translateX(-50%);background:#0b57d0;color:#fff;padding:4px 10px;border-radius:12px;white-space:nowrap}.toast{position:absolute;left:50%;top:calc(100% + 6px);transform:translateX(-50%);background:#1b1c1f;color:#fff;padding:6px 10px;border-radius:6px;white-space:nowrap;display:flex;gap:8px}.toast button{all:unset;color:#a8c7fa;text-decoration:underline;cursor:pointer}.notice{width:340px;display:flex;align-items:center;gap:8px;background:#1b1c1f;color:#fff;padding:10px 12px;border-radius:8px;font:14px/1.35 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.3)}.notice span{flex:1}.notice button{all:unset;cursor:pointer;padding:8px 12px;border-radius:6px}.notice .act{background:#a8c7fa;color:#062e6f;font-weight:600;width:64px;text-align:center}.notice .close{color:#c4c7c5}';

export interface Overlay {
  toast(text: string, undo?: () => void): void;
  /** A question under the QR with one button per answer ("Replace the old one?"); only a genuine click answers. */
  ask(text: string, answers: readonly (readonly [string, () => void])[]): void;
  remove(): void;
}

/**
 * A notice at the top right of the viewport with one action (e.g. "Save 10 backup codes"); the action
 * button is the right-most 88 px of the box. Trusted clicks only.
 */
export function showNotice(text: string, action: string, onAction: () => void): { done(text: string): void } {
  const host = document.createElement('div');
  host.setAttribute('data-clickauth-notice', '');
  setVars(host, { t: '16px', r: '16px' });
  const shadow = host.attachShadow({ mode: 'closed' });
  shadow.innerHTML = `<style>${STYLE}</style><div class="notice" role="alertdialog"><span></span><button class="close" type="button">×</button><button class="act" type="button"></button></div>`;
  const label = shadow.querySelector('span')!;
  const act = shadow.querySelector('.act') as HTMLButtonElement;
  label.textContent = text;
  act.textContent = action;
  (shadow.querySelector('.close') as HTMLButtonElement).setAttribute('aria-label', message('close'));
  mount(host);
  const watch = guard(host, 40);
  act.addEventListener('click', (e) => watch.genuine(e) && onAction());
  shadow.querySelector('.close')!.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    watch.stop();
    host.remove();
  });
  return {
    done(result) {
      label.textContent = result;
      act.remove();
      setTimeout(() => {
        watch.stop();
        host.remove();
      }, 6000);
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
  // Watched from before it is placed and mounted: those changes only start its clock.
  const watch = guard(host, 40);
  const act = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    if (watch.genuine(event)) onClick();
  };
  box.addEventListener('click', act);
  box.addEventListener('keydown', (e) => (e.key === 'Enter' || e.key === ' ') && act(e));

  // Page coordinates (absolute in the top layer scrolls with the page): scrolling changes nothing here.
  const place = () => {
    const r = target.getBoundingClientRect();
    setVars(host, { p: 'absolute', l: `${r.left + scrollX}px`, t: `${r.top + scrollY}px`, w: `${r.width}px`, h: `${r.height}px` });
    if (!target.isConnected) remove();
  };
  const observer = new ResizeObserver(place);
  observer.observe(target);
  // Moves that change no size (a transform on the page, a layout shift) are caught on the next tick:
  // the overlay always sits where the QR is, at the QR's size (genuine.ts refuses a shrunken one).
  const timer = setInterval(place, 400);
  addEventListener('scroll', place, true);
  addEventListener('resize', place);
  place();
  mount(host, target);

  function remove() {
    clearInterval(timer);
    observer.disconnect();
    removeEventListener('scroll', place, true);
    removeEventListener('resize', place);
    watch.stop();
    host.remove();
  }

  const toast = (text: string, buttons: readonly (readonly [string, (e: Event) => void])[], role = 'status') => {
    shadow.querySelector('.toast')?.remove();
    const toast = document.createElement('div');
    toast.className = 'toast';
    toast.setAttribute('role', role);
    toast.textContent = text;
    for (const [label, act] of buttons) {
      const button = document.createElement('button');
      button.textContent = label;
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        act(e);
      });
      toast.append(button);
    }
    box.append(toast);
  };

  return {
    toast(text, undo) {
      toast(text, undo ? [[message('undo'), (e) => e.isTrusted && undo()]] : []);
    },
    ask(text, answers) {
      // Answering changes the vault (the old key goes to the trash): held to the same test as the QR's click.
      toast(text, answers.map(([label, act]) => [label, (e: Event) => watch.genuine(e) && act()] as const), 'alertdialog');
    },
    remove,
  };
}
