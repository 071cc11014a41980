import type { AppInfo } from './protocol';

/**
 * The extension's name and version from its manifest, for the popup header and bug reports: the
 * `app/info` answer, and the popup's own first render (it reads its manifest, so the header does not
 * change when the answer comes).
 */
export function appInfo(manifest: { name: string; short_name?: string; version: string }): AppInfo {
  return { name: manifest.short_name ?? manifest.name, version: manifest.version };
}
