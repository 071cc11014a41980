import type { AppInfo } from '../../shared/protocol';

/** `app/info`: the extension's name and version, for the popup header and bug reports. */
export function appInfo(manifest: { name: string; short_name?: string; version: string }): AppInfo {
  return { name: manifest.short_name ?? manifest.name, version: manifest.version };
}
