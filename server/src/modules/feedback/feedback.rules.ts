import type { FeedbackCategory } from '@oselia/contracts';
import { newPrefixedReference, newSecret, normaliseCode } from '../../shared/reference-codes.ts';

/** Days to answer, by category: sensitive reports first. Data, not code paths: change it here. */
export const DUE_DAYS: Readonly<Record<FeedbackCategory, number>> = {
  sensitive: 2,
  complaint: 7,
  request: 14,
  question: 14,
};

const DAY_MS = 86_400_000;

export function dueDateFor(category: FeedbackCategory, receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + DUE_DAYS[category] * DAY_MS);
}

/** A short reference to say on the phone: FB-7K3M-9QXP. The submitter also gets a secret (newSecret). */
export const newReferenceCode = () => newPrefixedReference('FB');
export { newSecret, normaliseCode };

/** `fb7k3m9qxp`, `FB 7K3M 9QXP` → `FB-7K3M-9QXP`; null when it cannot be one. */
export function formatReference(value: string): string | null {
  const n = normaliseCode(value);
  return /^FB[A-Z0-9]{8}$/.test(n) ? `FB-${n.slice(2, 6)}-${n.slice(6)}` : null;
}

export const SECRET_PURPOSE = 'feedback-secret';

/** Median of a list of numbers (null for none). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(m * 10) / 10;
}

export const daysBetween = (from: Date, to: Date) => (to.getTime() - from.getTime()) / DAY_MS;
