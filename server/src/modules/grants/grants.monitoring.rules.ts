import { addMonths } from './grants.eligibility.ts';

export const FOLLOW_UP_MONTHS = [3, 6, 12] as const;
export type FollowUpMonth = (typeof FOLLOW_UP_MONTHS)[number];
/** A follow-up is "due" from this many days before its date. */
export const DUE_WINDOW_DAYS = 30;

export type FollowUpStatus = 'done' | 'overdue' | 'due' | 'upcoming';

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * The follow-ups of a paid award: 3, 6 and 12 months after the first payment. Done when a visit
 * counts as it; otherwise overdue after its date, due within 30 days before it, upcoming before.
 */
export function followUpsOf(firstPaidOn: string, visits: ReadonlyMap<number, string>, asOf: string) {
  return FOLLOW_UP_MONTHS.map((month) => {
    const dueOn = addMonths(firstPaidOn, month);
    const visitId = visits.get(month) ?? null;
    const status: FollowUpStatus = visitId
      ? 'done'
      : asOf > dueOn
        ? 'overdue'
        : asOf >= addDays(dueOn, -DUE_WINDOW_DAYS)
          ? 'due'
          : 'upcoming';
    return { month, dueOn, status, visitId };
  });
}
