import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIELDS_DIR = resolve(import.meta.dirname, '../../fixtures/fields');

export interface FieldFixture {
  name: string;
  kind: 'single' | 'split' | 'hidden-real' | 'consecutive' | 'none';
  description: string;
  html: string;
}

/** Every tests/fixtures/fields/*.html; the first line says `<!-- expect: kind | description -->`. */
export function loadFieldFixtures(): FieldFixture[] {
  return readdirSync(FIELDS_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const html = readFileSync(resolve(FIELDS_DIR, file), 'utf8');
      const m = /^<!-- expect: (\S+) \| (.*?) -->/.exec(html);
      if (!m) throw new Error(`${file}: missing <!-- expect: kind | description -->`);
      return { name: file.replace(/\.html$/, ''), kind: m[1] as FieldFixture['kind'], description: m[2] ?? '', html };
    });
}

/** Turns <template shadowrootmode="open"> into real open shadow roots (innerHTML does not). */
export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
    const host = template.parentElement;
    if (!host) continue;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    shadow.append(template.content.cloneNode(true));
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/** Elements matching `selector` anywhere under root, open shadow roots included, in document order. */
export function deepQueryAll(root: ParentNode, selector: string): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.matches(selector)) out.push(el);
    if (el.shadowRoot) out.push(...deepQueryAll(el.shadowRoot, selector));
  }
  return out;
}

/** Loads a fixture into the document and returns the elements it marks as expected. */
export function mount(fixture: FieldFixture): { inputs: Element[]; visual: Element | undefined } {
  document.body.innerHTML = fixture.html;
  attachDeclarativeShadowRoots(document);
  const inputs = deepQueryAll(document, '[data-expect]');
  const visual = deepQueryAll(document, '[data-expect-visual]')[0];
  for (const el of deepQueryAll(document, '[data-expect],[data-expect-visual]')) {
    el.removeAttribute('data-expect');
    el.removeAttribute('data-expect-visual');
  }
  return { inputs, visual };
}
