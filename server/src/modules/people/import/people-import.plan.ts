import { AppError } from '../../../shared/app-error.ts';
import type { StagedRows } from './people-import.stage.ts';

/** A person an earlier import of the same source brought in. */
export interface Present {
  id: string;
  household_id: string | null;
}

export interface WritePlan {
  /** Indexes of the staged rows to write: those not in the registry yet. */
  fresh: number[];
  /** Per staged row: the new person's id (for fresh rows). */
  personId: string[];
  /** Per staged row: the household it joins, if any. */
  householdId: (string | null)[];
  /** Households to create, each with the staged index of its head. */
  households: { id: string; head: number }[];
  /** Memberships to record: staged index and household. */
  memberships: { index: number; householdId: string }[];
  alreadyPresent: number;
}

/**
 * Who is new, and which household each newcomer joins: the household of a member imported before,
 * else a new one headed by the row marked head. By set operations over the whole file, once.
 */
export function planWrite(stage: StagedRows, present: Map<string, Present>, newId: () => string): WritePlan {
  const n = stage.row.length;
  const isPresent = stage.importKey.map((k) => present.has(k));
  const fresh: number[] = [];
  for (let i = 0; i < n; i++) if (!isPresent[i]) fresh.push(i);
  const personId = stage.row.map((_, i) => (isPresent[i] ? '' : newId()));
  const householdId: (string | null)[] = new Array(n).fill(null);
  const households: WritePlan['households'] = [];
  const memberships: WritePlan['memberships'] = [];

  const groups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = stage.householdKey[i];
    if (key === null || key === undefined) continue;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  for (const [key, group] of groups) {
    const newcomers = group.filter((i) => !isPresent[i]);
    if (newcomers.length === 0) continue;
    let id =
      group.map((i) => present.get(stage.importKey[i]!)?.household_id ?? null).find((h) => h !== null) ??
      null;
    if (id === null) {
      const head = newcomers.find((i) => stage.relationship[i] === 'head');
      if (head === undefined) {
        // The dry run found a head, or a member already in a household; the registry has changed since.
        throw new AppError(
          'CONFLICT',
          `household "${key}" has no head to import and no member in a household any more: check the file again`,
        );
      }
      id = newId();
      households.push({ id, head });
    }
    for (const i of newcomers) {
      householdId[i] = id;
      memberships.push({ index: i, householdId: id });
    }
  }
  return { fresh, personId, householdId, households, memberships, alreadyPresent: n - fresh.length };
}
