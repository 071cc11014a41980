import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distDir } from '../harness';
import { assertFirefoxBuilt, firefoxDist, GECKO_ID } from './harness';

assertFirefoxBuilt();
const read = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
    permissions: string[];
    background: Record<string, unknown>;
    content_scripts: { js: string[] }[];
  };
const firefox = read(firefoxDist);
const chrome = read(distDir);

describe('the built Firefox manifest (dist/firefox)', () => {
  it('is MV3 with background scripts, a gecko id, a minimum version and the data-collection declaration', () => {
    expect(firefox.manifest_version).toBe(3);
    expect(firefox.background).toEqual({ scripts: [expect.stringMatching(/\.js$/)], type: 'module' });
    expect(firefox.browser_specific_settings).toMatchObject({
      gecko: {
        id: GECKO_ID,
        strict_min_version: expect.stringMatching(/^\d+\.0$/),
        data_collection_permissions: { required: ['none'] },
      },
    });
  });

  it("asks for Chrome's permissions minus offscreen, and nothing Firefox does not know", () => {
    expect(firefox.permissions).toEqual(chrome.permissions.filter((p) => p !== 'offscreen'));
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    expect(firefox.host_permissions).toEqual(chrome.host_permissions);
  });

  it('exposes nothing to web pages and ships the content script as one file', () => {
    expect(firefox).not.toHaveProperty('web_accessible_resources');
    expect(firefox).not.toHaveProperty('externally_connectable');
    for (const file of firefox.content_scripts.flatMap((cs) => cs.js)) {
      expect(readFileSync(join(firefoxDist, file), 'utf8')).not.toMatch(/\bimport\s*\(|^\s*import\s/m);
    }
  });
});
