/**
 * The seconds left of a TOTP code, as a number inside a ring that empties; red in the last 5 s. Hidden
 * from screen readers: inside the row's copy button it would make the button's name change every
 * second, which screen readers say again while the row has the focus.
 */
export function CountdownRing({ left, period }: { left: number; period: number }) {
  const r = 12;
  const length = 2 * Math.PI * r;
  const fraction = Math.max(0, Math.min(1, left / period));
  return (
    <span class={left <= 5 ? 'ring urgent' : 'ring'} data-testid="countdown" aria-hidden="true">
      {/* Fill, stroke width and caps are in popup.css's `.ring` (fewer DOM calls in the first render). */}
      <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true">
        <circle class="track" cx="14" cy="14" r={r} />
        <circle
          class="arc"
          cx="14"
          cy="14"
          r={r}
          stroke-dasharray={length}
          stroke-dashoffset={length * (1 - fraction)}
        />
      </svg>
      {left}
    </span>
  );
}
