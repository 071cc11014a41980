/**
 * axe on every screen (issue 17), in English and German, light and dark: 0 serious or critical
 * violations, the page UI inside its closed shadow roots included. The same run writes the PNGs when
 * SCREENSHOTS_DIR is set (`npm run screenshots`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from './harness';
import type { FixtureServer } from './server';
import { servePages } from './setup';
import { setupRoutes } from './page-ui-fixtures';
import { SCREEN_ISSUERS, SCREENS, type ScreenContext } from './screens';

let server: FixtureServer;

beforeAll(async () => {
  server = await servePages(await setupRoutes(SCREEN_ISSUERS));
});
afterAll(() => server?.close());

describe.each(['en', 'de'])('every screen in %s, light and dark', (lang) => {
  const ctx = { lang } as ScreenContext;
  beforeAll(async () => {
    ctx.server = server;
    ctx.ext = await launchWithExtension(undefined, lang);
  });
  afterAll(() => ctx.ext?.close());

  it.each(SCREENS)('%s: no serious or critical axe violation', async (_name, screen) => {
    const shots = await screen(ctx);
    expect(shots.length).toBeGreaterThan(0);
    expect(shots.flatMap((s) => s.violations.map((v) => `${s.name} ${v}`))).toEqual([]);
  });
});
