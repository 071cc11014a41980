/**
 * The page and clock the keep-fresh DOM tests share (login-field-fresh, picked-field-fresh,
 * grant-refresh-after-sleep): one login form with a code field, fake timers 20 s before a step ends,
 * and a layout happy-dom lacks (a 1280×2000 page, every element a 200×40 box in view).
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { pageSize } from './layout';

export const LOGIN_FORM =
  '<form action="/verify"><label for="c">Authentication code</label><input id="c" name="code" autocomplete="one-time-code" inputmode="numeric"><button>Verify</button></form>';

/**
 * Before each test: fake timers at 09:00:10 (20 s left in the step) and the layout; `html` as the
 * body if given. After each: 3 s more (the fill cue takes itself away), real timers, an empty body. A
 * file's own afterEach registered after this call runs before it.
 */
export function fakeLoginPage(html?: string): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 11, 5, 9, 0, 10));
    pageSize(1280, 2000);
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 100, 200, 40));
    if (html !== undefined) document.body.innerHTML = html;
  });
  afterEach(async () => {
    await vi.advanceTimersByTimeAsync(3000);
    vi.useRealTimers();
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });
}
