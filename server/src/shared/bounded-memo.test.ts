import { describe, expect, it } from 'vitest';
import { memoizeBounded } from './bounded-memo.ts';

describe('memoizeBounded', () => {
  it('answers each value once, and starts over past its bound', () => {
    const asked: string[] = [];
    const upper = memoizeBounded((v) => {
      asked.push(v);
      return v.toUpperCase();
    }, 2);
    expect([upper('a'), upper('b'), upper('a')]).toEqual(['A', 'B', 'A']);
    expect(asked).toEqual(['a', 'b']);
    // A third value fills the memory past its bound: it starts over, so 'a' is asked again.
    expect(upper('c')).toBe('C');
    expect(upper('a')).toBe('A');
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});
