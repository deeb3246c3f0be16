import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoiseByText } from './memo.ts';
import { nameSkeleton } from './normalize.ts';
import { transliterateKmu2010 } from './transliterate.ts';

describe('memoiseByText', () => {
  it('answers what the function answers, asked once or many times', () => {
    let calls = 0;
    const upper = memoiseByText((s: string) => {
      calls++;
      return s.toUpperCase();
    }, 3);
    for (const s of ['a', 'b', 'a', 'c', 'd', 'a', 'b']) expect(upper(s)).toBe(s.toUpperCase());
    // a, b, c computed; d fills it, so it starts again: a and b once more.
    expect(calls).toBe(6);
  });

  it('does not keep long inputs', () => {
    let calls = 0;
    const len = memoiseByText((s: string) => ++calls && s.length, 10, 5);
    len('abcdefgh');
    len('abcdefgh');
    expect(calls).toBe(2);
  });

  it('leaves the name functions unchanged on any input, repeated or not', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 20 }), (names) => {
        for (const n of [...names, ...names]) {
          expect(transliterateKmu2010(n)).toBe(transliterateKmu2010(`${n}\u0000`).slice(0, -1));
          expect(typeof nameSkeleton(n)).toBe('string');
        }
      }),
    );
  });
});
