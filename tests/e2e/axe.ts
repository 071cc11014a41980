import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.x A/AA rules) in the page and returns the serious and critical violations
 * as "rule: target" strings. The script goes in through the DevTools protocol, so the extension
 * page's CSP (script-src 'self') is not loosened for it. `include`: only these elements (and what is
 * inside them, shadow trees included), e.g. our hosts on a page we do not own.
 */
export default async function seriousViolations(page: Page, include?: string[]): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Runtime.evaluate', { expression: axeSource });
  const context = include ? JSON.stringify({ include: include.map((s) => [s]) }) : 'document';
  const { result } = (await cdp.send('Runtime.evaluate', {
    expression: `axe.run(${context}, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((r) => r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) => v.nodes.map((n) => v.id + ': ' + n.target.join(' '))))`,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value: string[] } };
  await cdp.detach();
  return result.value;
}
