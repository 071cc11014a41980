/** The tests' logger sink collects error reports (tests/setup/log-sink.ts fails a test that leaves one). */
import { describe, expect, it } from 'vitest';
import { logger } from '../../../src/shared/logger';
import { takeErrorReports } from '../../log-reports';

describe('test log sink', () => {
  it('collects an error report, redacted, for the test to take', () => {
    logger('scope').error('clear on lock', new TypeError('boom'), { password: 'hunter2' });
    logger('scope').warn('not an error: not collected');
    expect(takeErrorReports()).toEqual([
      { scope: 'scope', args: ['clear on lock', { name: 'TypeError', code: undefined }, { password: '[redacted]' }] },
    ]);
  });
});
