/**
 * The watch-only floor's content script: our own change observer (src/content/dom-changes.ts, with its
 * windows) on the document, and nothing that looks at what changed. It is what any content script pays
 * to notice a late code field or QR the way ours does, before it looks at anything. Built and loaded by
 * ../watch-floor.ts for content-cpu.bench.ts.
 */
import { onDomChange } from '../../../src/content/dom-changes';

let windows = 0;
onDomChange(document, () => {
  windows++;
});
// Read by the bench after a visit (the isolated world's own global: the page cannot see it).
(globalThis as { watchFloorWindows?: () => number }).watchFloorWindows = () => windows;
