/** Error reports the test sink collected (tests/setup/log-sink.ts). */
export const errorReports: { scope: string; args: unknown[] }[] = [];

/** Takes (and so expects) the error reports made so far. */
export function takeErrorReports(): { scope: string; args: unknown[] }[] {
  return errorReports.splice(0);
}
