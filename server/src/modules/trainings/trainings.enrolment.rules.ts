import type { SelectionBasis, TargetGroup, TrainingQuota } from '@oselia/contracts';

type PopulationGroup = TargetGroup;

/** What selection needs of an event. */
export interface SelectionRules {
  capacity: number;
  quotas: readonly Pick<TrainingQuota, 'code' | 'populationGroups' | 'percent'>[];
  fillUnusedQuotas: boolean;
  /** Empty = everyone. */
  targetGroups: readonly PopulationGroup[];
  ageMin: number | null;
  ageMax: number | null;
}

export type SeatBasis = Extract<SelectionBasis, { kind: 'quota' | 'open' | 'unused_quota' }>;

export interface SelectionApplicant {
  id: string;
  /** Order of application (1 = first); ties are broken by id. */
  rank: number;
  populationGroup: PopulationGroup | null;
  /** Age on the first day of the training; null when unknown. */
  age: number | null;
  /** A seat the applicant already holds (selected earlier): kept, and counted against its basis. */
  held: SeatBasis | null;
}

export interface QuotaOutcome {
  code: string;
  seats: number;
  filled: number;
  candidates: number;
}

export interface SelectionOutcome {
  /** Every applicant, in rank order, with where they ended up and why. */
  placements: { id: string; basis: SelectionBasis }[];
  quotas: QuotaOutcome[];
  /** Seats open to everyone (capacity less the seats quotas keep). */
  openSeats: number;
}

/** Seats a quota keeps: its share of the capacity, rounded down. */
export const quotaSeats = (capacity: number, percent: number) => Math.floor((capacity * percent) / 100);

/** Why an applicant may not be selected at all, or null when they may. */
export function ineligibility(
  rules: Pick<SelectionRules, 'targetGroups' | 'ageMin' | 'ageMax'>,
  a: Pick<SelectionApplicant, 'populationGroup' | 'age'>,
): 'outside_target_groups' | 'outside_age_range' | null {
  if (
    rules.targetGroups.length > 0 &&
    (!a.populationGroup || !rules.targetGroups.includes(a.populationGroup))
  )
    return 'outside_target_groups';
  if (rules.ageMin !== null || rules.ageMax !== null) {
    if (a.age === null) return 'outside_age_range';
    if (rules.ageMin !== null && a.age < rules.ageMin) return 'outside_age_range';
    if (rules.ageMax !== null && a.age > rules.ageMax) return 'outside_age_range';
  }
  return null;
}

const byRank = (a: SelectionApplicant, b: SelectionApplicant) =>
  a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Selects participants. Deterministic and explainable: applicants are taken in rank order; each
 * quota first fills the seats it keeps with applicants of its groups; the open seats go to the
 * rest in order; when the event allows it, seats a quota could not fill go to the others too
 * (marked as such); everyone left who may take part is on the waiting list, numbered.
 *
 * Seats already held (an earlier run, someone promoted) are kept and count against their basis,
 * so running selection again after a withdrawal or late applications only fills what is free.
 * Never selects more than the capacity.
 */
export function selectParticipants(
  rules: SelectionRules,
  applicants: readonly SelectionApplicant[],
): SelectionOutcome {
  const ordered = [...applicants].sort(byRank);
  const basis = new Map<string, SelectionBasis>();
  const quotaSeatsOf = new Map(rules.quotas.map((q) => [q.code, quotaSeats(rules.capacity, q.percent)]));
  const reserved = [...quotaSeatsOf.values()].reduce((s, n) => s + n, 0);
  const openSeats = Math.max(0, rules.capacity - reserved);

  const filled = new Map(rules.quotas.map((q) => [q.code, 0]));
  const unusedTaken = new Map(rules.quotas.map((q) => [q.code, 0]));
  let heldOpen = 0;
  let held = 0;
  for (const a of ordered) {
    if (!a.held) continue;
    held++;
    basis.set(a.id, a.held);
    if (a.held.kind === 'open') heldOpen++;
    else if (a.held.kind === 'quota' && filled.has(a.held.quota))
      filled.set(a.held.quota, filled.get(a.held.quota)! + 1);
    else if (a.held.kind === 'unused_quota' && unusedTaken.has(a.held.quota))
      unusedTaken.set(a.held.quota, unusedTaken.get(a.held.quota)! + 1);
    else heldOpen++; // a quota since removed from the event: the seat counts as open
  }

  const pool: SelectionApplicant[] = [];
  for (const a of ordered) {
    if (a.held) continue;
    const reason = ineligibility(rules, a);
    if (reason) basis.set(a.id, { kind: 'not_eligible', reason });
    else pool.push(a);
  }
  const candidates = new Map(
    rules.quotas.map((q) => [
      q.code,
      ordered.filter(
        (a) =>
          (a.held || !basis.has(a.id)) && a.populationGroup && q.populationGroups.includes(a.populationGroup),
      ).length,
    ]),
  );

  let free = Math.max(0, rules.capacity - held);
  const take = (a: SelectionApplicant, b: SeatBasis) => {
    basis.set(a.id, b);
    free--;
  };
  const waiting = () => pool.filter((a) => !basis.has(a.id));

  // 1. Each quota's own seats, for its groups.
  for (const q of rules.quotas) {
    let need = quotaSeatsOf.get(q.code)! - filled.get(q.code)!;
    for (const a of waiting()) {
      if (need <= 0 || free <= 0) break;
      if (a.populationGroup && q.populationGroups.includes(a.populationGroup)) {
        take(a, { kind: 'quota', quota: q.code });
        filled.set(q.code, filled.get(q.code)! + 1);
        need--;
      }
    }
  }
  // 2. Open seats, for anyone.
  let open = Math.max(0, openSeats - heldOpen);
  for (const a of waiting()) {
    if (open <= 0 || free <= 0) break;
    take(a, { kind: 'open' });
    open--;
  }
  // 3. Seats quotas could not fill, for anyone, when the event allows it.
  if (rules.fillUnusedQuotas) {
    for (const q of rules.quotas) {
      let unused = quotaSeatsOf.get(q.code)! - filled.get(q.code)! - unusedTaken.get(q.code)!;
      for (const a of waiting()) {
        if (unused <= 0 || free <= 0) break;
        take(a, { kind: 'unused_quota', quota: q.code });
        unusedTaken.set(q.code, unusedTaken.get(q.code)! + 1);
        unused--;
      }
    }
  }
  // 4. The rest wait, in order.
  let position = 0;
  for (const a of waiting()) basis.set(a.id, { kind: 'waitlist', position: ++position });

  return {
    placements: ordered.map((a) => ({ id: a.id, basis: basis.get(a.id)! })),
    quotas: rules.quotas.map((q) => ({
      code: q.code,
      seats: quotaSeatsOf.get(q.code)!,
      filled: filled.get(q.code)!,
      candidates: candidates.get(q.code)!,
    })),
    openSeats,
  };
}

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function ageBandOf(age: number | null): '0-17' | '18-59' | '60+' | null {
  if (age === null) return null;
  return age < 18 ? '0-17' : age < 60 ? '18-59' : '60+';
}
