/**
 * The popup's backup prompt opens this page at `#export-title`. The page renders after the browser's
 * own jump to the fragment (the element did not exist yet), so scroll there and focus it ourselves.
 * Only ids of our own headings are honoured.
 */
const TARGETS = new Set(['export-title']);

export function jumpToHash(doc: Document, hash: string): void {
  const id = hash.replace(/^#/, '');
  if (!TARGETS.has(id)) return;
  const target = doc.getElementById(id);
  if (!target) return;
  target.setAttribute('tabindex', '-1');
  target.scrollIntoView({ block: 'start' });
  target.focus();
}
