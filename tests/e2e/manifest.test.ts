import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertBuilt, distDir } from './harness';

assertBuilt();
const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
  content_scripts: { js: string[]; matches: string[] }[];
  background: { service_worker: string };
  content_security_policy: { extension_pages: string };
  permissions: string[];
};

describe('the built manifest (dist/chrome)', () => {
  it('is Manifest V3 with a service worker, a popup and http(s) content scripts', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background.service_worker).toMatch(/\.js$/);
    expect((manifest.action as { default_popup: string }).default_popup).toBe('src/popup/index.html');
    expect(manifest.content_scripts.flatMap((cs) => cs.matches).sort()).toEqual(['http://*/*', 'https://*/*']);
  });

  it('exposes nothing to web pages', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('externally_connectable');
  });

  it('ships each content script as one self-contained file (no loader, no imports)', () => {
    for (const file of manifest.content_scripts.flatMap((cs) => cs.js)) {
      const code = readFileSync(join(distDir, file), 'utf8');
      expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s|chrome\.runtime\.getURL/m);
    }
  });

  it('has a strict CSP for extension pages', () => {
    const csp = manifest.content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-(eval|inline)|wasm-unsafe-eval|https?:/);
  });

  it('asks for host access to web pages, with <all_urls> only for tab captures', () => {
    // The background fetches a cross-origin QR image the page itself cannot let us read, and crops a
    // QR drawn as table cells or hidden in a closed shadow root from tabs.captureVisibleTab, which
    // Chrome allows only with <all_urls> (http + https patterns are not enough) or a fresh activeTab
    // grant; it also shows the popup the active tab's site ("this site first"), so no activeTab or tabs.
    // Same install warning as http(s)://*/*; content scripts still run on http(s) pages only.
    expect((manifest as { host_permissions?: string[] }).host_permissions).toEqual(['<all_urls>']);
    // storage: the sealed vault and settings; idle: lock when the screen locks or after inactivity;
    // alarms + offscreen + clipboardRead/Write: clear a copied code after 30 s if it is still there;
    // contextMenus: "Add this key" on a selected "can't scan? enter this key" text;
    // scripting: inject the page UI script (overlay, in-field button) only into frames that need it;
    // webNavigation: the frames above a frame that asks for a code (no fill without a click when
    // another site embeds it at any depth);
    // webRequest: read (never block) the Date header of the user's account sites' pages (clock offset).
    expect([...manifest.permissions].sort()).toEqual([
      'alarms',
      'clipboardRead',
      'clipboardWrite',
      'contextMenus',
      'idle',
      'offscreen',
      'scripting',
      'storage',
      'webNavigation',
      'webRequest',
    ]);
  });

  // Files a page loads up front: its <script src> and their static imports, transitively.
  const loaded = (entry: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(entry)) return seen;
    seen.add(entry);
    const code = readFileSync(join(distDir, entry), 'utf8');
    for (const [, spec] of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"()]*?from\s*)?["']([^"']+)["']/g)) {
      loaded(join(entry, '..', spec!).replace(/^\//, ''), seen);
    }
    return seen;
  };
  const popupEntries = () =>
    [...readFileSync(join(distDir, 'src/popup/index.html'), 'utf8').matchAll(/<script[^>]+src="\/([^"]+)"/g)].map(
      (m) => m[1]!,
    );

  it('loads the popup as one script file, without webextension-polyfill (issue 16: its first code)', () => {
    const entries = popupEntries();
    expect(entries).toHaveLength(1);
    expect([...loaded(entries[0]!)]).toEqual(entries);
    // The polyfill's own guard message: in the worker (the control), not in the popup.
    const polyfill = 'This script should only be loaded in a browser extension';
    expect(readFileSync(join(distDir, entries[0]!), 'utf8')).not.toContain(polyfill);
    const worker = [...loaded(manifest.background.service_worker)].map((f) => readFileSync(join(distDir, f), 'utf8'));
    expect(worker.join('')).toContain(polyfill);
    // The files the popup's rebundle removed were the popup's alone: the options page still finds all of its.
    const options = readFileSync(join(distDir, 'src/options/index.html'), 'utf8').match(/src="\/([^"]+\.js)"/)![1]!;
    expect(loaded(options).size).toBeGreaterThan(1);
  });

  it("has the popup's styles inline (no style sheet to wait for), and ships no orphaned copy of them", () => {
    const popup = readFileSync(join(distDir, 'src/popup/index.html'), 'utf8');
    expect(popup).not.toMatch(/<link[^>]+stylesheet/);
    const inline = /<style>([^]*?)<\/style>/.exec(popup)?.[1] ?? '';
    expect(inline).toContain('.accounts');
    const sheets = readdirSync(join(distDir, 'assets')).filter((f) => f.endsWith('.css'));
    expect(sheets.map((f) => readFileSync(join(distDir, 'assets', f), 'utf8'))).not.toContain(inline);
    // The control: the options page still links its own style sheet, and it is there.
    const options = readFileSync(join(distDir, 'src/options/index.html'), 'utf8');
    const sheet = /<link rel="stylesheet"[^>]*href="\/assets\/([^"]+\.css)"/.exec(options)?.[1];
    expect(sheets).toContain(sheet);
  });

  it('keeps the public-suffix list (~110 KB gzip) out of the popup and the page scripts: only the service worker matches sites', () => {
    const files = [...new Set(popupEntries().flatMap((e) => [...loaded(e)]))];
    expect(files.length).toBeGreaterThan(0);
    files.push('src/content/index.js', 'src/content/page-ui.js');
    // "kawasaki.jp" is a public-suffix rule; it is in the service worker's bundle, nowhere else.
    for (const file of files) expect(readFileSync(join(distDir, file), 'utf8'), file).not.toContain('kawasaki');
    const worker = [...loaded(manifest.background.service_worker)].map((file) =>
      readFileSync(join(distDir, file), 'utf8'),
    );
    expect(worker.join('')).toContain('kawasaki');
  });
});
