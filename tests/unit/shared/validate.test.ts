import { describe, expect, it } from 'vitest';
import {
  array,
  bool,
  int,
  num,
  object,
  oneOf,
  optional,
  str,
  url,
  uuid,
  variant,
} from '../../../src/shared/validate/check';

describe('check primitives', () => {
  it.each([
    ['bool', bool, [true, false], ['true', 0, 1, null, undefined, {}]],
    ['str(3)', str(3), ['', 'abc'], ['abcd', 3, null, ['a']]],
    ['str(5, /^a/, 2)', str(5, /^a/, 2), ['ab', 'aaaaa'], ['a', 'ba', 'abcdef']],
    ['num(0, 10)', num(0, 10), [0, 10, 5.5], [-0.1, 10.1, Number.NaN, Infinity, '5', null]],
    ['int(1, 3)', int(1, 3), [1, 3], [0, 4, 1.5, '2']],
    [
      'uuid',
      uuid,
      ['0b9d6c7e-2f4a-4c1e-9a55-3d2e1f0a9b8c'],
      ['0b9d6c7e2f4a4c1e9a553d2e1f0a9b8c', ' 0b9d6c7e-2f4a-4c1e-9a55-3d2e1f0a9b8c', 'x'],
    ],
    ['oneOf', oneOf('a', 'b'), ['a', 'b'], ['c', 'toString', null]],
    [
      'url',
      url(40, ['https:']),
      ['https://a.example/x'],
      ['http://a.example/', 'https://a.example/' + 'x'.repeat(40), 'not a url', 7],
    ],
    ['array', array(str(2), 2), [[], ['ab', 'c']], [['a', 'b', 'c'], ['abc'], 'ab', { length: 1, 0: 'a' }]],
    [
      'object',
      object({ a: bool, b: optional(str(3)) }),
      [{ a: true }, { a: false, b: 'x' }, { a: true, b: undefined }],
      [{}, { a: true, c: 1 }, { a: 'yes' }, null, [], new Map()],
    ],
    [
      'variant',
      variant('kind', { one: { x: bool }, two: {} }),
      [{ kind: 'one', x: true }, { kind: 'two' }],
      [{ kind: 'three' }, { kind: 'two', x: true }, { kind: 'one' }, { kind: 'hasOwnProperty' }, 'one'],
    ],
  ] as const)('%s', (_name, check, good, bads) => {
    for (const value of good) expect(check(value), JSON.stringify(value)).toBeNull();
    for (const value of bads) expect(check(value), String(value)).toEqual(expect.any(String));
  });

  it('reports the path of the first bad field', () => {
    const check = object({ source: object({ rect: object({ x: num(0, 1) }) }) });
    expect(check({ source: { rect: { x: 2 } } })).toMatch(/^source\.rect\.x: /);
    expect(array(object({ a: bool }), 3)([{ a: true }, { a: 1 }], 'list')).toMatch(/^list\[1\]\.a: /);
  });
});
