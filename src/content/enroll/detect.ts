/** QR-shaped elements: big enough and square-ish images, canvases and SVGs, and QRs inside otpauth links. */
const MIN_SIDE = 48;

export function qrShaped(el: Element): boolean {
  if (el instanceof SVGSVGElement && el.parentElement?.closest('svg')) return false;
  if (el instanceof HTMLImageElement && !el.complete) return false;
  const { width, height } = el.getBoundingClientRect();
  return width >= MIN_SIDE && height >= MIN_SIDE && width / height > 0.8 && width / height < 1.25;
}

export function qrCandidates(root: ParentNode = document): Element[] {
  return [...root.querySelectorAll('img, canvas, svg')].filter(qrShaped);
}
