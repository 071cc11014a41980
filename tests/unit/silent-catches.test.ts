/**
 * Errors are never silent (issue 15): every catch block and promise `.catch` handler in src either
 * uses its error (rethrow, a type or code check, a report through src/shared/logger.ts) or names the
 * expected case in a comment. scripts/silent-catches.mjs finds the others; there must be none.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
// @ts-expect-error: a plain .mjs script without types
import { silentCatches } from '../../scripts/silent-catches.mjs';
import { readdirSync, statSync } from 'node:fs';

const root = resolve(import.meta.dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = `${dir}/${name}`;
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
const PENDING: string[] = [];

describe('silent catches', () => {
  it('none in src', () => {
    const found = files(resolve(root, 'src'))
      .flatMap((path) => silentCatches(path) as string[])
      .map((place) => place.slice(root.length + 1))
      .filter((place) => !PENDING.some((file) => place.startsWith(`${file}:`)));
    expect(found).toEqual([]);
  });

  it('finds an empty catch, an unused error and an ignored rejection', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = `${mkdtempSync(`${tmpdir()}/silent-`)}/x.ts`;
    writeFileSync(
      file,
      'try {\n  a();\n} catch {\n  b();\n}\ntry {\n  a();\n} catch (e) {\n  b();\n}\np.catch(() => undefined);\np.then(f, () => null);\ntry {\n  a();\n} catch (e) {\n  log.error(e);\n}\n',
    );
    expect((silentCatches(file) as string[]).map((p) => Number(p.split(':').pop()))).toEqual([3, 8, 11, 12]);
  });
});
