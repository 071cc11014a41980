/**
 * A look at the page finds media by an XPath query that leaves out those declared oblong
 * (content/enroll/detect.ts `MEDIA_XPATH`); SVGs, and documents where XPath is not used, go through the
 * script copy of the same test (`oblong`). happy-dom has no XPath, so the two are compared here, in
 * Chromium's XPath, on the same attribute values: in the document, and with a shadow root's top-level
 * elements as contexts (a shadow root cannot be one), as `xpathIn` does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { chromePath } from './harness';
import { MEDIA_XPATH, oblong } from '../../src/content/enroll/detect';

const VALUES: [string | null, string | null][] = [
  ['640', '360'],
  ['200', '200'],
  ['200', '140'],
  ['300', '150'],
  ['100', '150'],
  [' 90 ', '30.0'],
  ['\t60\n', '40'],
  ['.9', '.3'],
  ['5.', '5'],
  ['-640', '360'],
  ['640', '0'],
  ['0', '0'],
  ['640', null],
  [null, '360'],
  [null, null],
  ['640px', '360'],
  ['100%', '40'],
  ['1e3', '10'],
  ['+640', '360'],
  ['', '360'],
  ['\u00a0640', '360'],
];

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromePath, headless: true, args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
});

describe("the media look's XPath and its script copy agree (Chromium)", () => {
  it('on every declared size, in the document and in a shadow root, for each element name', async () => {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>media</title><div id="host"></div>');
    const names = ['img', 'canvas', 'object', 'embed'];
    const found = await page.evaluate(
      ({ values, names, expr }) => {
        const make = (name: string, id: string, [w, h]: [string | null, string | null]) => {
          const el = document.createElement(name);
          el.id = id;
          if (w !== null) el.setAttribute('width', w);
          if (h !== null) el.setAttribute('height', h);
          return el;
        };
        const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
        names.forEach((name) =>
          values.forEach((v, i) => {
            document.body.append(make(name, `d-${name}-${i}`, v));
            shadow.append(make(name, `s-${name}-${i}`, v));
          }),
        );
        const run = (context: Node) => {
          const out: string[] = [];
          const r = document.evaluate(expr, context, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
          for (let i = 0; i < r.snapshotLength; i++) out.push((r.snapshotItem(i) as Element).id);
          return out;
        };
        return { doc: run(document), shadow: [...shadow.children].flatMap(run) };
      },
      { values: VALUES, names, expr: MEDIA_XPATH },
    );
    const expected = (prefix: string) =>
      names.flatMap((name) =>
        VALUES.flatMap((v, i) => {
          const el = { getAttribute: (n: string) => (n === 'width' ? v[0] : v[1]) } as unknown as Element;
          return oblong(el) ? [] : [`${prefix}-${name}-${i}`];
        }),
      );
    // The control: both kinds of answer occur.
    expect(expected('d').length).toBeGreaterThan(10);
    expect(expected('d').length).toBeLessThan(names.length * VALUES.length);
    expect(found.doc).toEqual(expected('d'));
    expect(found.shadow).toEqual(expected('s'));
    await page.close();
  });
});
