import { afterEach, describe, expect, it } from 'vitest';
import { logger, redact, setLogSink, type LogLevel } from '../../../src/shared/logger';

afterEach(() => setLogSink(null));

describe('redacting logger', () => {
  it('is silent without a sink', () => {
    setLogSink(null);
    expect(() => logger('x').error('boom', { secret: 'JBSWY3DPEHPK3PXP' })).not.toThrow();
  });

  it('redacts sensitive keys, bytes and errors before they reach the sink', () => {
    const seen: [LogLevel, string, unknown[]][] = [];
    setLogSink((level, scope, args) => seen.push([level, scope, args]));
    logger('vault').warn(
      'unlock',
      { password: 'hunter2', nested: { secret: 'JBSWY3DPEHPK3PXP', count: 3 } },
      new Uint8Array([1, 2]),
    );
    expect(seen).toEqual([
      ['warn', 'vault', ['unlock', { password: '[redacted]', nested: { secret: '[redacted]', count: 3 } }, '[bytes]']],
    ]);
    expect(JSON.stringify(seen)).not.toContain('hunter2');
  });

  it('keeps only name and code of errors (messages may carry data)', () => {
    const error = Object.assign(new Error('secret is JBSWY3DP'), { code: 'uri/bad-secret' });
    expect(redact(error)).toEqual({ name: 'Error', code: 'uri/bad-secret' });
  });
});
