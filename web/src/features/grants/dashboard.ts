/** The stages of the call funnel, in order. */
export const FUNNEL_STAGES = [
  'applied',
  'eligible',
  'scored',
  'approved',
  'paid',
  'operatingAt6Months',
] as const;

/** Share of the first stage, as a whole percentage (0 when nobody applied). */
export function shareOf(count: number, applied: number): number {
  return applied === 0 ? 0 : Math.round((count / applied) * 100);
}
