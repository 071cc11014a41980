/**
 * `el instanceof HTMLImageElement` and the like, by tag name. The first use of an interface object in
 * our isolated world builds it for that world (part of the cost of a page's first look in the CPU
 * benchmark, issue 16); a tag name costs nothing. It also holds for elements of another frame.
 */
import { HTML_NS } from '../platform/shadow-root';

export const isHtml = <K extends keyof HTMLElementTagNameMap>(
  node: unknown,
  tag: K,
): node is HTMLElementTagNameMap[K] =>
  (node as Element | null)?.localName === tag && (node as Element).namespaceURI === HTML_NS;

/** An `<svg>` element (any SVG root, nested or not). */
export const isSvg = (node: unknown): node is SVGSVGElement =>
  (node as Element | null)?.localName === 'svg' && (node as Element).namespaceURI === 'http://www.w3.org/2000/svg';
