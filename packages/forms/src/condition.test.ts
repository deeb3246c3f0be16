import type { Condition } from '@oselia/contracts';
import { describe, expect, it } from 'vitest';
import { comparisonsOf, isAnswered, isVisible } from './condition.ts';

describe('isVisible', () => {
  it('shows a question without a condition', () => {
    expect(isVisible(undefined, {})).toBe(true);
  });

  it('compares texts, numbers and numeric texts', () => {
    expect(isVisible({ question: 'a', op: 'eq', value: 'x' }, { a: 'x' })).toBe(true);
    expect(isVisible({ question: 'a', op: 'eq', value: 'x' }, { a: 'y' })).toBe(false);
    expect(isVisible({ question: 'n', op: 'eq', value: 5 }, { n: 5 })).toBe(true);
    expect(isVisible({ question: 'n', op: 'eq', value: '5' }, { n: 5 })).toBe(true);
    expect(isVisible({ question: 'n', op: 'eq', value: 5 }, { n: '5' })).toBe(true);
    expect(isVisible({ question: 'n', op: 'eq', value: 5 }, { n: 'five' })).toBe(false);
  });

  it('treats an unanswered question as equal to nothing and unequal to everything', () => {
    expect(isVisible({ question: 'a', op: 'eq', value: 'x' }, {})).toBe(false);
    expect(isVisible({ question: 'a', op: 'neq', value: 'x' }, {})).toBe(true);
    expect(isVisible({ question: 'a', op: 'neq', value: 'x' }, { a: 'x' })).toBe(false);
    expect(isVisible({ question: 'a', op: 'gt', value: 1 }, {})).toBe(false);
    expect(isVisible({ question: 'a', op: 'lte', value: 1 }, { a: null })).toBe(false);
  });

  it('orders numbers, money amounts and ISO dates', () => {
    expect(isVisible({ question: 'n', op: 'gt', value: 3 }, { n: 4 })).toBe(true);
    expect(isVisible({ question: 'n', op: 'gt', value: 3 }, { n: 3 })).toBe(false);
    expect(isVisible({ question: 'n', op: 'gte', value: 3 }, { n: 3 })).toBe(true);
    expect(isVisible({ question: 'n', op: 'lt', value: 3 }, { n: 2.5 })).toBe(true);
    expect(isVisible({ question: 'n', op: 'lte', value: 3 }, { n: 4 })).toBe(false);
    expect(
      isVisible(
        { question: 'm', op: 'gt', value: 500_000 },
        { m: { amountMinor: 700_000, currency: 'EUR' } },
      ),
    ).toBe(true);
    expect(isVisible({ question: 'd', op: 'lt', value: '2022-02-24' }, { d: '2021-12-31' })).toBe(true);
    expect(isVisible({ question: 'd', op: 'lt', value: '2022-02-24' }, { d: '2022-03-01' })).toBe(false);
    expect(isVisible({ question: 't', op: 'gt', value: 3 }, { t: 'abc' })).toBe(false);
  });

  it('checks membership and multi-choice selections', () => {
    expect(isVisible({ question: 'c', op: 'in', value: ['a', 'b'] }, { c: 'b' })).toBe(true);
    expect(isVisible({ question: 'c', op: 'in', value: ['a', 'b'] }, { c: 'z' })).toBe(false);
    expect(isVisible({ question: 'c', op: 'in', value: 'a' }, { c: 'a' })).toBe(false);
    expect(isVisible({ question: 'm', op: 'includes', value: 'b' }, { m: ['a', 'b'] })).toBe(true);
    expect(isVisible({ question: 'm', op: 'includes', value: 'c' }, { m: ['a', 'b'] })).toBe(false);
    expect(isVisible({ question: 'm', op: 'in', value: ['c', 'b'] }, { m: ['a', 'b'] })).toBe(true);
    expect(isVisible({ question: 'm', op: 'eq', value: 'a' }, { m: ['a'] })).toBe(true);
    expect(isVisible({ question: 'm', op: 'eq', value: 'a' }, { m: ['a', 'b'] })).toBe(false);
    expect(isVisible({ question: 'c', op: 'includes', value: 'a' }, { c: 'a' })).toBe(true);
  });

  it('knows answered from not answered', () => {
    for (const empty of [undefined, null, '', '  ', []]) {
      expect(isAnswered(empty)).toBe(false);
      expect(
        isVisible({ question: 'a', op: 'answered' }, empty === undefined ? {} : { a: empty as never }),
      ).toBe(false);
      expect(
        isVisible({ question: 'a', op: 'not_answered' }, empty === undefined ? {} : { a: empty as never }),
      ).toBe(true);
    }
    expect(isVisible({ question: 'a', op: 'answered' }, { a: 0 })).toBe(true);
  });

  it('combines with all, any and not', () => {
    const c: Condition = {
      all: [
        { question: 'a', op: 'eq', value: 'x' },
        { any: [{ question: 'b', op: 'gt', value: 1 }, { not: { question: 'c', op: 'answered' } }] },
      ],
    };
    expect(isVisible(c, { a: 'x', b: 2, c: 'y' })).toBe(true);
    expect(isVisible(c, { a: 'x', b: 0 })).toBe(true);
    expect(isVisible(c, { a: 'x', b: 0, c: 'y' })).toBe(false);
    expect(isVisible(c, { b: 2 })).toBe(false);
  });

  it('does not read inherited properties as answers', () => {
    expect(isVisible({ question: 'constructor', op: 'answered' }, {})).toBe(false);
    expect(isVisible({ question: 'tostring', op: 'answered' }, {})).toBe(false);
  });

  it('lists the comparisons of a condition', () => {
    const c: Condition = {
      not: { any: [{ question: 'a', op: 'answered' }, { all: [{ question: 'b', op: 'eq', value: 1 }] }] },
    };
    expect(comparisonsOf(c).map((x) => x.question)).toEqual(['a', 'b']);
    expect(comparisonsOf(undefined)).toEqual([]);
  });
});
