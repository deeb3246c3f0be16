import type { PortalProgramme } from '@oselia/contracts';
import {
  DEFAULT_THRESHOLD,
  type ProtectedTable,
  type Published,
  protectLinked,
} from './portal.disclosure.ts';
import type { Oblast } from './portal.map.ts';
import { PROGRAMMES } from './portal.programmes.ts';

/** Distinct people reached, from the ledger (see consent service reachCounts). */
export interface ReachCount {
  oblast: string;
  group: string;
  sex: 'F' | 'M' | 'other' | 'unknown';
  ageBand: '0-17' | '18-59' | '60+' | 'unknown';
  people: number;
}

/** One awareness session's audience: anonymous counts by sex and age band. */
export interface AudienceCount {
  placePcode: string;
  f_0_17: number;
  f_18_59: number;
  f_60_plus: number;
  m_0_17: number;
  m_18_59: number;
  m_60_plus: number;
  total: number;
}

/** Columns of the reach tables: the programmes, then awareness audiences. */
export type ReachColumn = PortalProgramme | 'awareness';
export const REACH_COLUMNS: readonly ReachColumn[] = [...PROGRAMMES.map((p) => p.key), 'awareness'];

export const SEX_AGE = ['f_0_17', 'f_18_59', 'f_60_plus', 'm_0_17', 'm_18_59', 'm_60_plus', 'other'] as const;
export type SexAge = (typeof SEX_AGE)[number];

/** The row for ledger entries without a place. */
export const NO_PLACE = '';

export interface PublicFigures {
  threshold: number;
  /** Rows of `byOblast`: every oblast, then "no place recorded" when there is any. */
  rows: { pcode: string; name: Oblast['name'] | null }[];
  /** People reached per oblast and programme (a person reached by two programmes counts in each). */
  byOblast: ProtectedTable;
  /** The same reach per programme by sex and age band; its row totals are byOblast's column totals. */
  bySexAge: ProtectedTable;
  generatedAt: string;
}

function sexAgeOf(sex: ReachCount['sex'], band: ReachCount['ageBand']): SexAge {
  if ((sex !== 'F' && sex !== 'M') || band === 'unknown') return 'other';
  const b = band === '0-17' ? '0_17' : band === '18-59' ? '18_59' : '60_plus';
  return `${sex === 'F' ? 'f' : 'm'}_${b}` as SexAge;
}

/**
 * Every public figure, computed once from aggregates and protected together: the two tables share
 * their programme totals, so a figure hidden in one is hidden in the other.
 */
export function buildPublicFigures(
  reach: readonly ReachCount[],
  audiences: readonly AudienceCount[],
  oblasts: readonly Oblast[],
  threshold = DEFAULT_THRESHOLD,
  now = new Date(),
): PublicFigures {
  const col = new Map(REACH_COLUMNS.map((c, i) => [c, i]));
  const rowIndex = new Map(oblasts.map((o, i) => [o.pcode, i]));
  const cells = oblasts.map(() => REACH_COLUMNS.map(() => 0));
  const noPlace = REACH_COLUMNS.map(() => 0);
  const bySexAge = REACH_COLUMNS.map(() => SEX_AGE.map(() => 0));
  const rowFor = (pcode: string) => {
    const i = rowIndex.get(pcode.slice(0, 4));
    return i === undefined ? noPlace : cells[i]!;
  };
  for (const r of reach) {
    const c = col.get(r.group as ReachColumn) ?? col.get('protection')!;
    rowFor(r.oblast)[c]! += r.people;
    bySexAge[c]![SEX_AGE.indexOf(sexAgeOf(r.sex, r.ageBand))]! += r.people;
  }
  const a = col.get('awareness')!;
  for (const s of audiences) {
    const known = s.f_0_17 + s.f_18_59 + s.f_60_plus + s.m_0_17 + s.m_18_59 + s.m_60_plus;
    const total = Math.max(s.total, known);
    rowFor(s.placePcode)[a]! += total;
    const g = bySexAge[a]!;
    g[0]! += s.f_0_17;
    g[1]! += s.f_18_59;
    g[2]! += s.f_60_plus;
    g[3]! += s.m_0_17;
    g[4]! += s.m_18_59;
    g[5]! += s.m_60_plus;
    g[6]! += total - known;
  }
  const rows: PublicFigures['rows'] = oblasts.map((o) => ({ pcode: o.pcode, name: o.name }));
  const values = [...cells];
  if (noPlace.some((v) => v > 0)) {
    rows.push({ pcode: NO_PLACE, name: null });
    values.push(noPlace);
  }
  const { a: byOblast, b } = protectLinked(values, bySexAge, threshold);
  return { threshold, rows, byOblast, bySexAge: b, generatedAt: now.toISOString() };
}

/** A column's total: the reach of one programme (or of awareness sessions). */
export function columnTotal(f: PublicFigures, column: ReachColumn): Published {
  return f.byOblast.colTotals[REACH_COLUMNS.indexOf(column)]!;
}

/** Oblasts with at least one published non-zero figure, or a hidden one (which means some reach). */
export function oblastsReached(f: PublicFigures, column?: ReachColumn): number {
  const j = column === undefined ? null : REACH_COLUMNS.indexOf(column);
  return f.rows.filter((r, i) => {
    if (r.pcode === NO_PLACE) return false;
    const p = j === null ? f.byOblast.rowTotals[i]! : f.byOblast.cells[i]![j]!;
    return p.suppressed || p.value > 0;
  }).length;
}
