/**
 * The click gate of our host elements (src/content/genuine.ts) where the browser has no
 * IntersectionObserver v2 and no Popover API (happy-dom, like an older Firefox): strict style checks on
 * the host and its ancestors, full size, the hit point, 400 ms unchanged. The IntersectionObserver v2
 * verdict is fed in through a fake. Real-Chromium attacks: tests/e2e/clickjack.test.ts.
 * happy-dom has no layout: the host's box and the hit test are given per test.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guard } from '../../../src/content/genuine';
import { HOST_CSS, mount } from '../../../src/content/host';
import { trackVisibility, type Sight } from '../../../src/content/visibility';

let clock = 0;
const now = () => clock;
const noV2 = () => null;
let host: HTMLElement;
let hitTarget: Element | null;

function click(trusted = true, at = { clientX: 50, clientY: 50 }): MouseEvent {
  const event = new MouseEvent('click', { ...at, detail: 1 });
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  return event;
}

const flush = () => new Promise((done) => setTimeout(done, 0));

beforeEach(() => {
  clock = 1000;
  host = document.createElement('div');
  host.attachShadow({ mode: 'open' }).innerHTML = `<style>${HOST_CSS}</style><div></div>`;
  mount(host);
  host.getBoundingClientRect = () => DOMRect.fromRect({ x: 0, y: 0, width: 100, height: 100 });
  hitTarget = host;
  document.elementFromPoint = () => hitTarget;
});

afterEach(() => {
  host.remove();
  document.documentElement.removeAttribute('style');
});

describe('genuine clicks without IntersectionObserver v2', () => {
  it('mount() stays in the flow where there is no Popover API, with the pinned styles inline !important', () => {
    expect(host.parentNode).toBe(document.documentElement);
    expect(host.hasAttribute('popover')).toBe(false);
    expect(host.style.getPropertyPriority('opacity')).toBe('important');
    expect(host.style.getPropertyValue('transform')).toBe('none');
  });

  it('a trusted click on the plain host, 400 ms after it was shown, counts (the control)', () => {
    const g = guard(host, 40, now, noV2);
    clock += 399;
    expect(g.genuine(click())).toBe(false);
    clock += 1;
    expect(g.genuine(click())).toBe(true);
    expect(g.genuine(click(false))).toBe(false);
  });

  it.each([
    ['opacity', '0.5'],
    ['visibility', 'hidden'],
    ['filter', 'opacity(0)'],
  ])('%s: %s on <html> (an ancestor outside the top layer) refuses the click', (name, value) => {
    const g = guard(host, 40, now, noV2);
    clock += 500;
    expect(g.genuine(click())).toBe(true);
    document.documentElement.style.setProperty(name, value);
    expect(g.genuine(click())).toBe(false);
  });

  it('a script animation on the host refuses the click', () => {
    const g = guard(host, 40, now, noV2);
    clock += 500;
    const animation = host.animate([{ opacity: 1 }, { opacity: 1 }], { duration: 100_000 });
    expect(host.getAnimations()).toHaveLength(1);
    expect(g.genuine(click())).toBe(false);
    animation.finished.catch(() => undefined); // cancel() rejects it
    animation.cancel();
    expect(g.genuine(click())).toBe(true);
  });

  it('a host smaller than its honest size (shrunk by a transform, zoom or a tiny QR) refuses the click', () => {
    const g = guard(host, 40, now, noV2);
    clock += 500;
    host.getBoundingClientRect = () => DOMRect.fromRect({ x: 49, y: 49, width: 2, height: 2 });
    expect(g.genuine(click())).toBe(false);
  });

  it('a click that hit something else, or a host moved out of <html>, does not count', () => {
    const g = guard(host, 40, now, noV2);
    clock += 500;
    hitTarget = document.body;
    expect(g.genuine(click())).toBe(false);
    hitTarget = host;
    document.body.append(host);
    expect(g.genuine(click())).toBe(false);
  });

  it('any change to the host (the page restyling or moving it) starts its 400 ms again', async () => {
    const g = guard(host, 40, now, noV2);
    await flush(); // mount()'s own attribute changes
    clock += 500;
    expect(g.genuine(click())).toBe(true);
    host.style.setProperty('--l', '300px'); // moved (e.g. under the user's pointer)
    await flush();
    expect(g.genuine(click())).toBe(false);
    clock += 399;
    expect(g.genuine(click())).toBe(false);
    clock += 1;
    expect(g.genuine(click())).toBe(true);
    host.dispatchEvent(new Event('toggle')); // our popover closed or shown again by the page
    expect(g.genuine(click())).toBe(false);
  });
});

describe('a click refused because the page has something in the top layer (no IntersectionObserver v2)', () => {
  // happy-dom has no top layer: `[data-top]` stands for `:popover-open` (as in top-layer.test.ts).
  const real = Object.getPrototypeOf(document).querySelectorAll as Document['querySelectorAll'];
  beforeEach(() => {
    document.querySelectorAll = function (this: Document, selector: string) {
      return real.call(this, selector === ':popover-open' ? '[data-top]' : selector);
    } as Document['querySelectorAll'];
  });
  afterEach(() => {
    delete (document as { querySelectorAll?: unknown }).querySelectorAll;
    document.querySelectorAll('[data-top]').forEach((el) => el.remove());
  });
  const notice = (box: DOMRect) => {
    const el = document.createElement('div');
    el.setAttribute('data-top', '');
    el.getBoundingClientRect = () => box;
    document.body.append(el);
    return el;
  };

  it("is refused and reported as covered when it was the user's own click on our host; not when nothing is above", () => {
    const g = guard(host, 40, now, noV2);
    clock += 500;
    expect(g.genuine(click())).toBe(true); // control: no cover
    expect(g.covered()).toBe(false);
    const cover = notice(DOMRect.fromRect({ x: 20, y: 20, width: 200, height: 60 }));
    expect(g.genuine(click())).toBe(false);
    expect(g.covered()).toBe(true);
    cover.remove();
    expect(g.genuine(click())).toBe(true);
    expect(g.covered()).toBe(false);
  });

  it('is not reported as covered for a script click, a click too early, or a click that hit something else', () => {
    const g = guard(host, 40, now, noV2);
    notice(DOMRect.fromRect({ x: 0, y: 0, width: 300, height: 300 }));
    expect(g.genuine(click())).toBe(false); // before 400 ms
    expect(g.covered()).toBe(false);
    clock += 500;
    expect(g.genuine(click(false))).toBe(false);
    expect(g.covered()).toBe(false);
    hitTarget = document.body;
    expect(g.genuine(click())).toBe(false);
    expect(g.covered()).toBe(false);
    hitTarget = host;
    expect(g.genuine(click())).toBe(false);
    expect(g.covered()).toBe(true);
  });
});

describe('genuine clicks with IntersectionObserver v2', () => {
  function fakeSight(): Sight & { visibleSince: number | undefined } {
    return {
      visibleSince: undefined as number | undefined,
      since() {
        return this.visibleSince;
      },
      stop() {},
    };
  }

  it('counts only when the browser has seen the host visible, without a break, for 300 ms', () => {
    const sight = fakeSight();
    const g = guard(host, 40, now, () => sight);
    clock += 1000;
    expect(g.genuine(click())).toBe(false); // never reported visible (e.g. occluded by a top-layer cover)
    sight.visibleSince = clock - 299;
    expect(g.genuine(click())).toBe(false);
    sight.visibleSince = clock - 300;
    expect(g.genuine(click())).toBe(true);
  });

  it('trackVisibility keeps the start of the current visible stretch from the observer entries', () => {
    let deliver: (entries: Partial<IntersectionObserverEntry & { isVisible: boolean }>[]) => void = () => undefined;
    let options: (IntersectionObserverInit & { trackVisibility?: boolean; delay?: number }) | undefined;
    class FakeIO {
      constructor(callback: typeof deliver, init: typeof options) {
        deliver = callback;
        options = init;
      }
      observe() {}
      disconnect() {}
    }
    const sight = trackVisibility(host, FakeIO as unknown as typeof IntersectionObserver, true)!;
    expect(options).toMatchObject({ trackVisibility: true, delay: 100 });
    expect(sight.since()).toBeUndefined();
    deliver([{ isVisible: true, time: 10 }]);
    deliver([{ isVisible: true, time: 200 }]);
    expect(sight.since()).toBe(10);
    deliver([{ isVisible: false, time: 300 }]);
    expect(sight.since()).toBeUndefined();
    deliver([{ isVisible: true, time: 400 }]);
    expect(sight.since()).toBe(400);
    expect(trackVisibility(host, FakeIO as unknown as typeof IntersectionObserver, false)).toBeNull();
  });
});
