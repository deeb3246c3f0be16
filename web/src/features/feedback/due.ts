import type { FeedbackStatus } from '@oselia/contracts';

/** Where an item stands against its due date, in whole calendar days of the reader's time zone. */
export type DueState =
  | { kind: 'closed' }
  | { kind: 'overdue'; days: number }
  | { kind: 'today' }
  | { kind: 'upcoming'; days: number };

const DAY_MS = 86_400_000;

/** Days from one local calendar date to another (daylight-saving changes do not shift the count). */
function calendarDays(from: Date, to: Date): number {
  const a = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate());
  const b = Date.UTC(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((b - a) / DAY_MS);
}

/**
 * The due state of an item. `overdue` is the server's word (it knows the time the list was read);
 * the day counts are the reader's. An item past its due time later the same day is overdue by 0 days.
 */
export function dueState(
  item: { dueAt: string; status: FeedbackStatus; overdue: boolean },
  now: Date = new Date(),
): DueState {
  if (item.status === 'closed') return { kind: 'closed' };
  const due = new Date(item.dueAt);
  if (item.overdue || due.getTime() < now.getTime()) {
    return { kind: 'overdue', days: Math.max(0, calendarDays(due, now)) };
  }
  const days = calendarDays(now, due);
  return days <= 0 ? { kind: 'today' } : { kind: 'upcoming', days };
}
