import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DUE_DAYS,
  dueDateFor,
  formatReference,
  median,
  newReferenceCode,
  newSecret,
} from './feedback.rules.ts';

describe('feedback rules', () => {
  it('sets due dates by category: sensitive 2 days, complaint 7, request and question 14', () => {
    const at = new Date('2026-11-01T10:00:00Z');
    expect(dueDateFor('sensitive', at).toISOString()).toBe('2026-11-03T10:00:00.000Z');
    expect(dueDateFor('complaint', at).toISOString()).toBe('2026-11-08T10:00:00.000Z');
    expect(dueDateFor('request', at).toISOString()).toBe('2026-11-15T10:00:00.000Z');
    expect(dueDateFor('question', at).toISOString()).toBe('2026-11-15T10:00:00.000Z');
    expect(DUE_DAYS.sensitive).toBeLessThan(DUE_DAYS.complaint);
  });

  it('reads a reference code back however it is typed, and refuses what cannot be one', () => {
    fc.assert(
      fc.property(fc.constant(null).map(newReferenceCode), fc.boolean(), (code, lower) => {
        const typed = (lower ? code.toLowerCase() : code).replace(/-/g, ' ');
        expect(formatReference(typed)).toBe(code);
      }),
    );
    expect(formatReference('GR-AAAA-BBBB')).toBeNull();
    expect(formatReference('FB-AAAA')).toBeNull();
  });

  it('makes secrets of 20 characters that differ', () => {
    const a = newSecret();
    expect(a.replace(/-/g, '')).toHaveLength(20);
    expect(newSecret()).not.toBe(a);
  });

  it('takes the median of odd and even lists, and null of none', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1 }), (xs) => {
        const m = median(xs)!;
        expect(m).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(m).toBeLessThanOrEqual(Math.max(...xs));
      }),
    );
  });
});
