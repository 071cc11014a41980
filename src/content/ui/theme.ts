/**
 * The look of everything we show on pages (part of the page UI script, see ../ui-loader.ts): the
 * design tokens of src/shared/ui/tokens.css, copied as values (the page UI cannot link extension CSS
 * into a page, and the full file would double this string). They are declared on `.ca`, an element
 * inside our closed shadow root, never on `:host`: custom properties inherit into a shadow tree, and
 * the page's own rules on our host element would beat a `:host` rule, so a page could recolour us.
 */

/** Our mark (the toolbar icon: a blue rounded square with a white countdown ring), never an emoji. */
export const MARK =
  '<svg class="mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><rect width="24" height="24" rx="6" fill="#175ddc"/><path d="M12 5.5a6.5 6.5 0 1 1-6.5 6.5" fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round"/><circle cx="12" cy="12" r="2.2" fill="#fff"/></svg>';

/** A small padlock, drawn in the current text colour. */
export const LOCK =
  '<svg class="lock" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="2.5" y="7" width="11" height="7.5" rx="1.5" fill="currentColor"/><path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" stroke-width="1.6"/></svg>';

/** The brand line every notice starts with, so that it cannot pass for the site's own message. */
export const BRAND = `<div class="brand">${MARK}<b>ClickAuth</b></div>`;

// tokens.css: accent, on-accent, toast (raised) surface, text, muted text, border, focus, shadow,
// 14px text, 8px/999px radii, 24px minimum target; light, then dark.
export const THEME =
  '.ca{--a:#175ddc;--on-a:#fff;--bg:#fff;--fg:#1b1d21;--mut:#5a6069;--bd:#d5d8dd;--ok:#1e7b34;--sh:0 2px 8px rgb(0 0 0/.16),0 1px 2px rgb(0 0 0/.1);all:initial;box-sizing:border-box;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Ubuntu,"Noto Sans",sans-serif;color:var(--fg)}' +
  '@media (prefers-color-scheme:dark){.ca{--a:#8fb4ff;--on-a:#10131a;--bg:#2b2d33;--fg:#e6e7ea;--mut:#a6abb3;--bd:#3d4047;--ok:#8fd19e;--sh:0 2px 10px rgb(0 0 0/.5)}}' +
  '.ca *{box-sizing:border-box}.mark{width:18px;height:18px;flex:none;display:block}.brand{display:flex;align-items:center;gap:6px;font-size:12px;color:var(--mut)}.brand b{font-weight:600;color:var(--fg)}' +
  '.card{background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:8px;box-shadow:var(--sh);padding:10px 12px}' +
  '.ca button{all:unset;box-sizing:border-box;min-height:24px;min-width:24px;cursor:pointer;border-radius:999px;font-weight:600;text-align:center}.ca button:focus-visible{outline:2px solid var(--a);outline-offset:2px}' +
  '.ca .primary{background:var(--a);color:var(--on-a);padding:4px 12px}.ca .quiet{color:var(--a);padding:4px 8px;text-decoration:underline}';
