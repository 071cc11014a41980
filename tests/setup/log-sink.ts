/**
 * The logger's sink in the unit and DOM tiers: an error report that no test expected fails the test
 * (errors are never silent, and never unnoticed). A test that provokes one takes it with
 * `takeErrorReports()` (tests/log-reports.ts) and checks it.
 */
import { afterEach, beforeEach, expect } from 'vitest';
import { setLogSink } from '../../src/shared/logger';
import { errorReports } from '../log-reports';

// Before each test: a test may install its own sink (tests/unit/shared/logger.test.ts).
beforeEach(() => {
  setLogSink((level, scope, args) => {
    if (level === 'error') errorReports.push({ scope, args });
  });
});

afterEach(() => {
  const unexpected = errorReports.splice(0);
  expect(unexpected, 'error reports through src/shared/logger.ts that the test did not take').toEqual([]);
});
