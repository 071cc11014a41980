/**
 * axe-core in the page cannot see into our closed shadow roots (that is their point: the page cannot
 * either). The DevTools protocol can: DOM.getDocument with `pierce` lists closed shadow roots too. For
 * each of our hosts, this resolves the host and its closed root into the page's main world and gives
 * that world's wrapper of the host an own `shadowRoot` getter returning the root, which is all axe
 * reads to walk a shadow tree. The build under test is the shipped one (no test-only flag that
 * opens the roots), and the page's scripts are not running anything in between: this is test-only
 * plumbing in the test's own CDP session.
 */
import type { Page } from 'playwright-core';

interface DomNode {
  backendNodeId: number;
  nodeName: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

const OURS = /^(CLICKAUTH-FILL|CLICKAUTH-CUE)$/;
const ourAttribute = (n: DomNode) =>
  (n.attributes ?? []).some((a, i) => i % 2 === 0 && a.startsWith('data-clickauth-'));

export async function exposeClosedShadowRoots(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const pairs: [number, number][] = [];
    const walk = (n: DomNode): void => {
      const closed = n.shadowRoots?.find((r) => r.shadowRootType === 'closed');
      if (closed && (OURS.test(n.nodeName) || ourAttribute(n))) pairs.push([n.backendNodeId, closed.backendNodeId]);
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) walk(c);
    };
    walk(root);
    for (const [hostId, rootId] of pairs) {
      const host = (await cdp.send('DOM.resolveNode', { backendNodeId: hostId })) as { object: { objectId: string } };
      const shadow = (await cdp.send('DOM.resolveNode', { backendNodeId: rootId })) as { object: { objectId: string } };
      await cdp.send('Runtime.callFunctionOn', {
        objectId: host.object.objectId,
        functionDeclaration:
          'function (root) { Object.defineProperty(this, "shadowRoot", { get: () => root, configurable: true }); }',
        arguments: [{ objectId: shadow.object.objectId }],
      });
    }
    return pairs.length;
  } finally {
    await cdp.detach();
  }
}
