/** gridCells: the n×n cells of an HTML-drawn QR (table rows, rows of divs, a flat div grid), nothing else. */
import { describe, expect, it } from 'vitest';
import { gridCells } from '../../../src/content/enroll/grid-source';

const table = (n: number, m = n) => `<table>${`<tr>${'<td></td>'.repeat(m)}</tr>`.repeat(n)}</table>`;
const rows = (n: number) => `<div>${`<div>${'<i></i>'.repeat(n)}</div>`.repeat(n)}</div>`;
const flat = (n: number) => `<div>${'<i></i>'.repeat(n * n)}</div>`;

describe('gridCells', () => {
  it.each([
    ['a 21×21 table', table(21), 21],
    ['a 25×25 grid of row divs', rows(25), 25],
    ['a flat grid of 29² divs', flat(29), 29],
  ])('%s', (_name, html, n) => {
    document.body.innerHTML = html;
    const cells = gridCells(document.body.firstElementChild!);
    expect(cells).toHaveLength(n);
    expect(cells!.every((r) => r.length === n)).toBe(true);
  });

  it.each([
    ['too small for a QR (20×20)', table(20)],
    ['not square (21 rows of 22)', table(21, 22)],
    ['a plain list', '<ul><li>a</li><li>b</li></ul>'],
  ])('none for %s', (_name, html) => {
    document.body.innerHTML = html;
    expect(gridCells(document.body.firstElementChild!)).toBeNull();
  });
});
