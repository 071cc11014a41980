/**
 * The "Add to Authenticator" affordance on a QR, drawn in a closed shadow root so the page can neither
 * read nor restyle it. Only a trusted click (a real user's) acts; script-made clicks are ignored.
 *
 * Issue 17: it never covers the QR's finder patterns nor, where the page leaves room, its text (see
 * placement.ts): a ring around the QR that takes no clicks, a clickable zone over the QR's
 * bottom-right part, and the label outside the QR. What follows the click ("Added ✓", the result with
 * Undo) grows the label in place; it follows the QR, hides while the QR is hidden, and is gone once
 * the QR is hidden or removed after the account was added. The zone is see-through: its click adds
 * only while the QR is what the page shows there (qr-seen.ts); the label always can.
 */
import { message } from '../../platform/runtime-lite';
import { guard } from '../genuine';
import { HOST_CSS, mount, setVars } from '../host';
import { BRAND, MARK, THEME } from '../ui/theme';
import { announce, LIVE, LIVE_CSS } from '../ui/live';
import { choose, hostBox, zoneOf, type Box } from './placement';
import { obstaclesNear } from './obstacles';
import { qrSeenAt } from './qr-seen';

const CSS =
  '.ca{position:absolute;inset:0}.ring{position:absolute;border:2px solid var(--a);border-radius:6px;pointer-events:none}.zone{position:absolute;cursor:pointer}' +
  '.label{position:absolute;width:max-content;display:flex;flex-direction:column;align-items:stretch;gap:6px}' +
  '.ca .add{flex:1;display:flex;align-items:center;gap:8px;min-height:36px;padding:6px 14px 6px 8px;border-radius:12px;text-align:left;box-shadow:var(--sh)}.add .mark rect{fill:var(--on-a)}.add .mark path{stroke:var(--a)}.add .mark circle{fill:var(--a)}' +
  '.ca .add.done{cursor:default}.result{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;padding:8px 12px}.result .brand{flex-basis:100%}';

/** The smallest QR a phone can be expected to scan on a screen; also genuine.ts's smallest host. */
const MIN_QR = 40;

export interface Overlay {
  /** After the click: `added` turns the label into "Added ✓"; `undo` offers Undo. */
  toast(text: string, undo?: () => void, added?: boolean): void;
  /** A question under the QR with one button per answer ("Replace the old one?"); only a genuine click answers. */
  ask(text: string, answers: readonly (readonly [string, () => void])[]): void;
  remove(): void;
}

const style = (el: HTMLElement, b: Box): void => {
  const css = `left:${b.left}px;top:${b.top}px;width:${b.width}px;height:${b.height}px`;
  if (el.style.cssText !== css) el.style.cssText = css;
};
const rel = (b: Box, to: Box): Box => ({ ...b, left: b.left - to.left, top: b.top - to.top });

export function showOverlay(target: Element, labelText: string, onClick: () => void): Overlay {
  const host = document.createElement('div');
  host.setAttribute('data-clickauth-overlay', '');
  const shadow = host.attachShadow({ mode: 'closed' });
  // The live region is there (empty) from the start: a result card's text is said through it, since a
  // card inserted with its text in it would not be.
  shadow.innerHTML = `<style>${HOST_CSS}${THEME}${LIVE_CSS}${CSS}</style><div class="ca"><div class="ring"></div><div class="zone" aria-hidden="true"></div><div class="label"><button class="add primary" type="button">${MARK}<span></span></button></div>${LIVE}</div>`;
  const live = shadow.querySelector('.live')!;
  const [ring, zone, label] = ['.ring', '.zone', '.label'].map((s) => shadow.querySelector(s) as HTMLElement) as [
    HTMLElement,
    HTMLElement,
    HTMLElement,
  ];
  const add = shadow.querySelector('.add') as HTMLButtonElement;
  const inner = shadow.querySelector('.ca') as HTMLElement;
  add.lastElementChild!.textContent = labelText;
  let added = false;
  // Watched from before it is placed and mounted: those changes only start its clock.
  const watch = guard(host, MIN_QR);
  const act = (event: Event) => {
    event.preventDefault();
    event.stopPropagation();
    if (added) return;
    if (watch.genuine(event)) onClick();
    // Firefox: the user's own click, refused while something of the page is in the top layer above
    // our host (genuine.ts). Silence would look like a broken button: say why, and the way that works.
    else if (watch.covered()) card(message('enrollCovered'), []);
  };
  add.addEventListener('click', act);
  // The zone is see-through: its click counts only on the QR the user sees there (qr-seen.ts), not
  // on a decoy the page shows under it or above the QR, nor without a point (no keyboard reaches it).
  // Then only our label adds.
  zone.addEventListener('click', (event) => {
    const { clientX, clientY, detail } = event;
    if (added || (detail > 0 && qrSeenAt(target, clientX, clientY))) return act(event);
    event.preventDefault();
    event.stopPropagation();
  });

  let obstacles: { key: string; boxes: Box[] } = { key: '', boxes: [] };
  // Page coordinates (absolute in the top layer scrolls with the page): scrolling changes nothing here.
  const place = () => {
    if (!target.isConnected) return remove();
    const r = target.getBoundingClientRect();
    const visible =
      target.getClientRects().length > 0 && (target.checkVisibility?.({ visibilityProperty: true }) ?? true);
    if (!visible) return added ? remove() : setVars(host, { d: 'none' });
    const q: Box = { left: r.left, top: r.top, width: r.width, height: r.height };
    // A QR shrunk out of sight (a transform on the page): no label, and the host stays the QR's size,
    // too small for genuine.ts to take a click (clickjacking, issue 11).
    const tiny = Math.min(q.width, q.height) < MIN_QR;
    inner.style.display = tiny ? 'none' : '';
    if (tiny)
      return setVars(host, {
        d: 'block',
        p: 'absolute',
        l: `${q.left + scrollX}px`,
        t: `${q.top + scrollY}px`,
        w: `${q.width}px`,
        h: `${q.height}px`,
      });
    // Sized for the longest (German) text: never wider than the QR (or its longest word), it wraps
    // instead. Measured as it would be beside the QR (natural) and below it (as wide as the zone).
    const zoneBox = zoneOf(q);
    // Its narrowest (the longest word): wherever it goes it is at least that wide, never cut off.
    label.style.cssText = 'width:min-content';
    const least = Math.ceil(label.getBoundingClientRect().width);
    label.style.cssText = `max-width:${Math.max(q.width, least)}px`;
    const { width, height } = label.getBoundingClientRect();
    label.style.cssText = `width:${Math.max(zoneBox.width, least)}px`;
    const narrowH = label.getBoundingClientRect().height;
    const key = `${q.left},${q.top},${q.width},${q.height},${width},${height},${narrowH},${least}`;
    if (obstacles.key !== key) {
      const near = { left: q.left - 16, top: q.top, width: q.width + width + 48, height: q.height + height + 24 };
      obstacles = { key, boxes: obstaclesNear(target, near) };
    }
    const spot = choose(q, width, height, obstacles.boxes, document.documentElement.clientWidth, narrowH, least);
    const h = hostBox(q, spot);
    style(ring, rel({ left: q.left - 4, top: q.top - 4, width: q.width + 8, height: q.height + 8 }, h));
    style(zone, rel(zoneBox, h));
    style(label, rel(spot, h));
    setVars(host, {
      d: 'block',
      p: 'absolute',
      l: `${h.left + scrollX}px`,
      t: `${h.top + scrollY}px`,
      w: `${h.width}px`,
      h: `${h.height}px`,
    });
  };
  const observer = new ResizeObserver(place);
  observer.observe(target);
  observer.observe(label);
  // Moves that change no size (a transform on the page, a layout shift) are caught on the next tick.
  const timer = setInterval(place, 400);
  addEventListener('scroll', place, true);
  addEventListener('resize', place);
  mount(host, target);
  place();

  function remove() {
    clearInterval(timer);
    observer.disconnect();
    removeEventListener('scroll', place, true);
    removeEventListener('resize', place);
    watch.stop();
    host.remove();
  }

  /** The result card under the label: our name and mark first, so it cannot pass for the site's own message. */
  const card = (text: string, buttons: readonly (readonly [string, (e: Event) => void])[]) => {
    shadow.querySelector('.result')?.remove();
    const result = document.createElement('div');
    result.className = 'result card';
    result.innerHTML = BRAND;
    const span = document.createElement('span');
    span.textContent = text;
    result.append(span);
    buttons.forEach(([name, act], i) => {
      const button = document.createElement('button');
      button.className = i === 0 && buttons.length > 1 ? 'primary' : 'quiet';
      button.type = 'button';
      button.textContent = name;
      button.addEventListener('click', (e) => {
        e.stopPropagation();
        act(e);
      });
      result.append(button);
    });
    label.append(result);
    announce(live, text);
    place();
  };

  return {
    toast(text, undo, done = false) {
      if (done) {
        added = true;
        add.classList.add('done');
        add.lastElementChild!.textContent = message('enrollAddedShort');
      }
      const undoing = (e: Event) => {
        if (!e.isTrusted) return;
        add.remove();
        undo?.();
      };
      card(text, undo ? [[message('undo'), undoing]] : []);
    },
    ask(text, answers) {
      // Answering changes the vault (the old key goes to the trash): held to the same test as the QR's click.
      card(
        text,
        answers.map(([name, act]) => [name, (e: Event) => watch.genuine(e) && act()] as const),
      );
    },
    remove,
  };
}
