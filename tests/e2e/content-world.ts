/**
 * Runs code in the extension's content-script world of a page (Chromium's isolated world), through
 * the DevTools protocol: this is how the tests speak *as the content script*, with its real `sender`.
 */
import type { Page } from 'playwright-core';

interface ExecutionContext {
  id: number;
  name: string;
  auxData?: { type?: string; isDefault?: boolean; frameId?: string };
}

export async function evaluateInContentScript<T>(page: Page, expression: string, extensionName: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) => contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const deadline = Date.now() + 10_000;
  let world: ExecutionContext | undefined;
  while (!(world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === extensionName))) {
    if (Date.now() > deadline) throw new Error(`No content-script world named ${extensionName}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  const { result, exceptionDetails } = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value: T }; exceptionDetails?: { text: string } };
  await cdp.detach();
  if (exceptionDetails) throw new Error(`content-script evaluation failed: ${exceptionDetails.text}`);
  return result.value;
}
