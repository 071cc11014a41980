/**
 * Finds the one-time-code field(s) of a page. A scored classifier: each text input earns points from
 * the data in hints.ts (identifiers, labels, nearby headings) and from its shape (numeric input mode,
 * a digits pattern, maxlength 6–8); exclusions (postal, coupon, card, phone, search, captcha, backup
 * codes, credentials) cost more than any hint earns. Layout patterns are recognised on top: split
 * boxes, input-otp style transparent inputs, and two fields wanting consecutive codes.
 */
import { contextText, inputsIn, shown, transparent } from './dom';
import { NEGATIVE_CONTEXT, norm, ORDINAL, RULES, STRONG } from './hints';

export type OtpTarget =
  | { kind: 'single'; input: HTMLInputElement }
  | { kind: 'split'; inputs: HTMLInputElement[] }
  | { kind: 'hidden-real'; input: HTMLInputElement; visual: Element }
  | { kind: 'consecutive'; inputs: [HTMLInputElement, HTMLInputElement] };

/** Fields scoring at least this are one-time-code fields. */
export const THRESHOLD = 3.5;

const TYPES = /^(?:text|tel|number|password)$/;
// Attributes, not properties: Firefox's `input.autocomplete` reads "" for tokens it does not know,
// one-time-code among them (firefox-esr 153: `autocomplete=one-time-code` gives ""), Chrome's gives it.
// The IDL attribute gives only tokens the browser knows:
// https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#dom-fe-autocomplete
const attr = (el: Element, name: string): string => el.getAttribute(name) ?? '';
const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * `f`, remembered per text (at most 500 texts of up to 200 characters): a shop's 200 quantity fields
 * repeat a few label and attribute texts, and normalising runs four patterns over each (issue 16's CPU
 * benchmark).
 */
function remembered(f: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    // A long text (a whole section as a label) is not kept: the few short ones repeat.
    if (text.length > 200) return f(text);
    let out = known.get(text);
    if (out === undefined) {
      out = f(text);
      if (known.size >= 500) known.clear();
      known.set(text, out);
    }
    return out;
  };
}
const normId = remembered(norm);
const normLabel = remembered((text) => norm(clean(text)));

function identifiers(input: HTMLInputElement): string {
  return normId(
    ['id', 'name', 'class', 'formcontrolname', 'data-testid', 'autocomplete'].map((n) => attr(input, n)).join(' '),
  );
}

const LABELABLE = 'input:not([type=hidden]),button,meter,output,progress,select,textarea';

/**
 * `input.labels`, by the same rules, without it: Blink answers `labels` by walking the field's whole
 * document, so a shop with 200 quantity inputs paid that walk 200 times (the CPU benchmark's heavy
 * page). The enclosing label with no `for` whose first labelable element this is, and the labels whose
 * `for` names this field when it is the first element with that id.
 */
function labelsOf(input: HTMLInputElement, root: Document | ShadowRoot): Element[] {
  const out: Element[] = [];
  const wrap = input.closest('label');
  if (wrap && !wrap.hasAttribute('for') && wrap.querySelector(LABELABLE) === input) out.push(wrap);
  if (input.id && root.getElementById(input.id) === input)
    for (const label of root.querySelectorAll('label[for]'))
      if (label.getAttribute('for') === input.id) out.push(label);
  return out;
}

/** Label-like text, one source per line (the credential/phone patterns anchor on whole labels). */
function labelText(input: HTMLInputElement): string {
  const root = input.getRootNode() as Document | ShadowRoot;
  const parts = [attr(input, 'placeholder'), attr(input, 'aria-label'), attr(input, 'title')];
  for (const label of labelsOf(input, root)) parts.push(label.textContent ?? '');
  for (const id of attr(input, 'aria-labelledby').split(/\s+/))
    if (id) parts.push(root.getElementById(id)?.textContent ?? '');
  const prev = input.previousElementSibling ?? input.parentElement?.previousElementSibling;
  if (prev && !prev.querySelector('input') && clean(prev.textContent).length < 80) parts.push(prev.textContent ?? '');
  return parts.map(normLabel).join('\n');
}

/** The most the context text (headings and paragraphs around a field) can add to a score. */
const CONTEXT_MAX = RULES.reduce((sum, rule) => sum + Math.max(0, rule[3]), 0);

/**
 * What the rules give `text` as text of kind `kind` (0 identifiers, 1 label, 2 context), counting
 * only the hints or only the exclusions. Remembered: a shop's 200 quantity fields share one label and
 * a form's fields one context, and the patterns are long.
 */
function rulesScore(kind: number, hints: boolean, text: string): number {
  if (!text) return 0;
  const key = `${kind}${+hints}${text}`;
  let score = known.get(key);
  if (score === undefined) {
    score = 0;
    for (const [re, ...weights] of RULES)
      if (weights[kind] && weights[kind] > 0 === hints && re.test(text)) score += weights[kind];
    if (known.size > 500) known.clear();
    known.set(key, score);
  }
  return score;
}
const known = new Map<string, number>();

/**
 * How much `input` looks like a one-time-code field; -Infinity when it cannot be one. With a `floor`,
 * a field that cannot reach it even with the best context is dropped before its context is read
 * (reading it walks the DOM around the field; a shop with 200 quantity inputs pays that 200 times).
 */
export function scoreField(input: HTMLInputElement, floor = -Infinity): number {
  if (!TYPES.test(input.type) || input.disabled || input.readOnly) return -Infinity;
  const texts = [identifiers(input), labelText(input)];
  let score = 0;
  // Hints first, exclusions only for a field the hints keep in the running: exclusions only lower a
  // score, so the result is the same, and most fields of a page never run them.
  const add = (i: number, hints: boolean) => (score += rulesScore(i, hints, texts[i]!));
  add(0, true);
  add(1, true);
  if (attr(input, 'autocomplete').includes('one-time-code')) score += 4;
  const max = input.maxLength;
  score += max >= 6 && max <= 8 ? 1.5 : max > 8 && max <= 10 ? 0.5 : max > 0 && (max < 4 || max > 20) ? -1 : 0;
  if (/numeric|decimal/.test(attr(input, 'inputmode'))) score += 1;
  if (/\\d|0-9/.test(input.pattern)) score += 1;
  score += ({ tel: 0.5, number: 0.5, password: -2 } as Record<string, number>)[input.type] ?? 0;
  if (score + CONTEXT_MAX < floor) return -Infinity;
  add(0, false);
  add(1, false);
  if (score + CONTEXT_MAX < floor || !shown(input)) return -Infinity;
  texts.push(norm(contextText(input)));
  add(2, true);
  add(2, false);
  // A "security code" next to card fields is a CVC.
  if (input.form?.querySelector('[autocomplete^="cc-"]')) score -= 10;
  return score;
}

/** 4–8 adjacent maxlength=1 boxes sharing a container, with nothing around them ruling them out. */
function findSplit(inputs: HTMLInputElement[]): HTMLInputElement[] | null {
  const boxes = inputs.filter((i) => i.maxLength === 1 && !i.disabled && !i.readOnly && shown(i));
  const groups = new Map<Element, HTMLInputElement[]>();
  for (const box of boxes) {
    let node = box.parentElement;
    for (let i = 0; node && i < 3 && boxes.filter((b) => node?.contains(b)).length < 4; i++) node = node.parentElement;
    if (node) groups.set(node, [...(groups.get(node) ?? []), box]);
  }
  for (const group of groups.values()) {
    if (group.length < 4 || group.length > 8 || !group.every((b) => scoreField(b) > -4)) continue;
    const context = norm(contextText(group[0] as HTMLInputElement));
    if (STRONG.test(context) || !NEGATIVE_CONTEXT.some((re) => re.test(context))) return group;
  }
  return null;
}

function findConsecutive(fields: HTMLInputElement[]): [HTMLInputElement, HTMLInputElement] | null {
  const text = (i: HTMLInputElement) => `${identifiers(i)}\n${labelText(i)}`;
  const first = fields.find((i) => ORDINAL[0].test(text(i)));
  const second = fields.find((i) => i !== first && ORDINAL[1].test(text(i)));
  return first && second && fields.indexOf(first) < fields.indexOf(second) ? [first, second] : null;
}

/** The climb from a transparent input to the element that draws its slots. */
function visualOf(input: HTMLInputElement): Element {
  let node: Element = input;
  while (node.parentElement && node.parentElement.children.length < 2) node = node.parentElement;
  return node.parentElement ?? node;
}

/** Whether `visual` looks like an OTP widget's slot row: one input among at least four boxes. */
const drawsSlots = (visual: Element): boolean =>
  visual.querySelectorAll('input').length === 1 && visual.querySelectorAll('div,span').length >= 4;

/**
 * `type`s that are not `TYPES` (an unknown or missing type is text): never scored. HTML documents
 * match `type` in any case; elsewhere another case is only asked, then left by `TYPES`. Not `month`
 * or `week`: Firefox reads those as text (https://bugzil.la/888320), and scores them.
 */
const OTHER_TYPES = [
  'hidden',
  'search',
  'email',
  'url',
  'checkbox',
  'radio',
  'file',
  'submit',
  'image',
  'reset',
  'button',
  'color',
  'date',
  'datetime-local',
  'time',
  'range',
].map((t) => `[type=${t}]`);
const SEARCH_WORD = ['search', 'Search', 'SEARCH'];
/**
 * Plainly a search box, which `scoreField` can never score at `THRESHOLD` (tests/dom/fill/classify-skip.test.ts
 * checks this against the scorer):
 * - its placeholder, aria-label or title has the word "search" (the label text's exclusion, -6, takes
 *   more than the label's hints can give, +5);
 * - nothing of what gives points without a hint: no maxlength, inputmode, pattern or one-time-code
 *   autocomplete, and a text type (no type, or `text`: not tel or number);
 * - and its identifiers either have the word too (-8), or are only a name such as `q` with at most
 *   autocomplete on/off (no hint there; what is left is less than the context can add to reach it).
 * Written case by case, not with the `i` flag: the scorer splits "SEarch" in two, so only these three
 * spellings are sure to be the word to it. (An attribute a script set in another namespace is read by
 * the scorer and not by the selector: a page doing that only hides its own field from us.)
 */
const SEARCH_BOX = [
  `:is(:not([type]),[type=text]):not([maxlength],[inputmode],[pattern],[autocomplete*=one-time-code])`,
  `:is(${['placeholder', 'aria-label', 'title'].flatMap((a) => SEARCH_WORD.map((w) => `[${a}~=${w}]`)).join()})`,
  `:is([name=search],[id=search],[class~=search],:not([id],[class],[formcontrolname],[data-testid])` +
    `:is(:not([autocomplete]),[autocomplete=off],[autocomplete=on])` +
    `:is(:not([name]),${['q', 's', 'query', 'search', 'keyword', 'keywords', 'term'].map((n) => `[name=${n}]`).join()}))`,
].join('');
/**
 * The inputs a look at the page asks about: not those of another type, nor a plain search box. By
 * selector, so that the others never get an object in our isolated world: on a page whose only field
 * is its search box (an article), `HTMLInputElement` is never built there, and the scorer's patterns
 * never compiled (~0.7 ms of the page's time, issue 16's CPU benchmark).
 */
export const MAY_BE_CODE = `input:not(${OTHER_TYPES.join()}):not(${SEARCH_BOX})`;

/** The page's one-time-code target under `root` (open shadow roots included), or null. */
export function findOtpFields(root: Document | ShadowRoot): OtpTarget | null {
  const inputs = inputsIn(root, MAY_BE_CODE).filter((i) => TYPES.test(i.type));
  const scored = inputs
    .filter((i) => i.maxLength !== 1)
    .map((input) => ({ input, score: scoreField(input, THRESHOLD) }))
    // A transparent field without slots drawn around it is a bot trap (honeypot), not a widget.
    .filter((c) => c.score >= THRESHOLD && (!transparent(c.input) || drawsSlots(visualOf(c.input))));
  const pair = findConsecutive(scored.map((c) => c.input));
  if (pair) return { kind: 'consecutive', inputs: pair };
  const split = findSplit(inputs);
  if (split) return { kind: 'split', inputs: split };
  const best = scored.reduce<(typeof scored)[number] | undefined>(
    (a, c) => (a && a.score >= c.score ? a : c),
    undefined,
  );
  if (!best) return null;
  const { input } = best;
  return transparent(input) ? { kind: 'hidden-real', input, visual: visualOf(input) } : { kind: 'single', input };
}
