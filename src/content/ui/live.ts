/**
 * A live region in our shadow roots: an element with role=status that exists, empty, before it says
 * anything. Screen readers announce a change of a live region's text; an element inserted with its
 * text already in it is often not announced at all (Chromium, NVDA, VoiceOver).
 */

/** Visually hidden, still in the accessibility tree. */
export const LIVE_CSS =
  '.live{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}';

export const LIVE = '<span class="live" role="status"></span>';

/**
 * Sets the region's text after the region has been in the page for a moment (a region added and
 * filled in the same task reads as one with its text already in it). The latest call wins.
 */
export function announce(live: Element, text: string): void {
  clearTimeout(pending.get(live));
  pending.set(
    live,
    setTimeout(() => (live.textContent = text), 100),
  );
}

const pending = new WeakMap<Element, ReturnType<typeof setTimeout>>();
