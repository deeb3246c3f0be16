import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { uk } from '../../i18n/uk.ts';
import { dueState } from './due.ts';

const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min);
const item = (due: Date, overdue = false, status: 'new' | 'closed' = 'new') => ({
  dueAt: due.toISOString(),
  status,
  overdue,
});

describe('dueState', () => {
  const now = at(2026, 3, 10, 12);

  it('counts whole calendar days ahead, whatever the hour', () => {
    expect(dueState(item(at(2026, 3, 13, 9)), now)).toEqual({ kind: 'upcoming', days: 3 });
    expect(dueState(item(at(2026, 3, 11, 0, 5)), now)).toEqual({ kind: 'upcoming', days: 1 });
  });

  it('is due today until the due time has passed, then overdue by 0 days', () => {
    expect(dueState(item(at(2026, 3, 10, 23, 59)), now)).toEqual({ kind: 'today' });
    expect(dueState(item(at(2026, 3, 10, 8)), now)).toEqual({ kind: 'overdue', days: 0 });
  });

  it('counts the days an item is overdue', () => {
    expect(dueState(item(at(2026, 3, 7, 18), true), now)).toEqual({ kind: 'overdue', days: 3 });
  });

  it('trusts the server when it says overdue, even if the reader’s clock is behind', () => {
    expect(dueState(item(at(2026, 3, 10, 12, 1), true), now)).toEqual({ kind: 'overdue', days: 0 });
  });

  it('has no due state once closed', () => {
    expect(dueState(item(at(2026, 3, 1), true, 'closed'), now)).toEqual({ kind: 'closed' });
  });

  it('has Ukrainian plural forms for every count and the same keys in English', () => {
    for (const key of ['overdue', 'inDays'] as const) {
      for (const form of ['one', 'few', 'many', 'other'] as const) {
        expect(uk.feedback.due[`${key}_${form}`]).toContain('{{count}}');
        expect(en.feedback.due[`${key}_${form}`]).toContain('{{count}}');
      }
    }
  });
});
