/**
 * Draws a table/div-grid QR from its cells' computed background colours (see grid-source.ts). Part of
 * the on-demand page UI script (../ui-loader.ts): only pages with such a grid load it.
 */
import type { CandidateSource } from '../../shared/protocol';

const CELL = 4;
const QUIET = 4;

/** The grid drawn as a PNG, CELL px a module, with a quiet zone in the colour of a light module. */
export function gridPng(rows: Element[][]): CandidateSource | null {
  const n = rows.length;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = (n + 2 * QUIET) * CELL;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // Row 7, column 0 is the separator under the top-left finder pattern: light in every QR.
  ctx.fillStyle = getComputedStyle(rows[7]![0]!).backgroundColor;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  rows.forEach((row, y) =>
    row.forEach((cell, x) => {
      ctx.fillStyle = getComputedStyle(cell).backgroundColor;
      ctx.fillRect((x + QUIET) * CELL, (y + QUIET) * CELL, CELL, CELL);
    }),
  );
  return { kind: 'png', dataUrl: canvas.toDataURL('image/png') };
}
