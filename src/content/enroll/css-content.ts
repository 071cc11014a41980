/**
 * CSS `content: url(…)` on an element (an <img>, a canvas, a div) paints that image in place of what
 * the element holds, without touching its `src`, pixels or markup: the page could show QR B on the
 * element we read QR A from. A QR element styled so is not read (index.ts), and a click after the page
 * styled it so reads it again (shows.ts).
 */

/** The element's computed `content` when it replaces what the element shows; '' when it does not. */
export function cssContent(el: Element): string {
  const content = getComputedStyle(el).content;
  return content === 'normal' || content === 'none' || content === '' ? '' : content;
}
