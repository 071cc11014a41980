/// <reference types="vite/client" />
import { setLogSink } from './logger';

/**
 * Development builds (`vite build --mode development`, the dev server) print the logger's reports
 * (already redacted) to the console; production builds keep the logger silent: `import.meta.env.DEV`
 * is replaced by `false` there and this body is dropped from the bundle.
 */
export function installDevLogSink(): void {
  if (!import.meta.env.DEV) return;
  setLogSink((level, scope, args) => {
    // The one console use in src: development only, after redaction (shared/logger.ts).
    // eslint-disable-next-line no-console
    console[level](`[clickauth:${scope}]`, ...args);
  });
}
