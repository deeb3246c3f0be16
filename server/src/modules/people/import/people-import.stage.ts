import { createHash } from 'node:crypto';
import type { ImportMapping } from '@oselia/contracts';

/**
 * The rows a dry run checked and prepared, as the import job needs them: person columns as the
 * registry stores them (names with their Latin forms and search keys, phones in E.164, places,
 * disability), identifiers already encrypted with their keyed hashes, consents, and the file-level
 * facts (row number, import key, household key, relationship). Kept in columns, stored as text in
 * parts of a few thousand rows.
 *
 * What depends on who runs the import (tenant, organisation, author) and the ids are not staged:
 * the job adds them when it writes.
 */

/** Columns of the prepared rows that the job fills in itself. */
const NOT_STAGED = {
  person: new Set([
    'tenant_id',
    'id',
    'registered_by_org',
    'created_by',
    'updated_by',
    'household_id',
    'relationship_to_head',
  ]),
  identifier: new Set(['tenant_id', 'id', 'person_id', 'created_by']),
  consent: new Set(['tenant_id', 'id', 'person_id', 'recorded_by', 'recorded_by_label']),
};

export type Columns = Record<string, unknown[]>;

/** Rows that belong to a staged person: `of` is the person's index among the staged rows. */
export interface Children {
  of: number[];
  columns: Columns;
}

export interface StagedRows {
  /** Row numbers in the file (the header is row 1). */
  row: number[];
  importKey: string[];
  householdKey: (string | null)[];
  relationship: (string | null)[];
  person: Columns;
  identifiers: Children;
  consents: Children;
}

export interface PreparedLike {
  row: Record<string, unknown>;
  identifiers: Record<string, unknown>[];
  consents: Record<string, unknown>[];
}

export function emptyStage(): StagedRows {
  return {
    row: [],
    importKey: [],
    householdKey: [],
    relationship: [],
    person: {},
    identifiers: { of: [], columns: {} },
    consents: { of: [], columns: {} },
  };
}

export const stagedCount = (s: StagedRows) => s.row.length;

function push(columns: Columns, values: Record<string, unknown>, skip: Set<string>, at: number) {
  let added = 0;
  for (const name in values) {
    if (skip.has(name)) continue;
    let column = columns[name];
    if (column === undefined) {
      // A column that appears only on some rows is null on the others.
      column = new Array(at).fill(null);
      columns[name] = column;
    }
    const value = values[name];
    column.push(value === undefined ? null : value);
    added++;
  }
  let known = 0;
  for (const _ in columns) known++;
  if (added < known) for (const name in columns) if (columns[name]!.length === at) columns[name]!.push(null);
}

/** Adds one checked row. */
export function stageRow(
  stage: StagedRows,
  row: { row: number; importKey: string; householdKey: string | null; relationship: string | null },
  prepared: PreparedLike,
) {
  const index = stage.row.length;
  stage.row.push(row.row);
  stage.importKey.push(row.importKey);
  stage.householdKey.push(row.householdKey);
  stage.relationship.push(row.relationship);
  push(stage.person, prepared.row, NOT_STAGED.person, index);
  for (const i of prepared.identifiers) {
    push(stage.identifiers.columns, i, NOT_STAGED.identifier, stage.identifiers.of.length);
    stage.identifiers.of.push(index);
  }
  for (const c of prepared.consents) {
    push(stage.consents.columns, c, NOT_STAGED.consent, stage.consents.of.length);
    stage.consents.of.push(index);
  }
}

function sliceChildren(c: Children, from: number, to: number): Children {
  // `of` is ascending: the children of rows [from, to) are one run.
  const start = lowerBound(c.of, from);
  const end = lowerBound(c.of, to);
  return {
    of: c.of.slice(start, end).map((i) => i - from),
    columns: Object.fromEntries(Object.entries(c.columns).map(([k, v]) => [k, v.slice(start, end)])),
  };
}

function lowerBound(a: number[], x: number) {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Rows [from, to) of a stage, as a stage of their own. */
export function sliceStage(s: StagedRows, from: number, to: number): StagedRows {
  return {
    row: s.row.slice(from, to),
    importKey: s.importKey.slice(from, to),
    householdKey: s.householdKey.slice(from, to),
    relationship: s.relationship.slice(from, to),
    person: Object.fromEntries(Object.entries(s.person).map(([k, v]) => [k, v.slice(from, to)])),
    identifiers: sliceChildren(s.identifiers, from, to),
    consents: sliceChildren(s.consents, from, to),
  };
}

/** The rows whose flag is set, in order (children follow their persons). */
export function keepRows(s: StagedRows, keep: boolean[]): StagedRows {
  if (keep.every(Boolean)) return s;
  const index = new Array<number>(keep.length).fill(-1);
  const rows: number[] = [];
  for (let i = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    index[i] = rows.length;
    rows.push(i);
  }
  const pick = (values: unknown[], at: number[]) => at.map((i) => values[i]);
  const children = (c: Children): Children => {
    const at: number[] = [];
    for (let k = 0; k < c.of.length; k++) if (keep[c.of[k]!]) at.push(k);
    return {
      of: at.map((k) => index[c.of[k]!]!),
      columns: Object.fromEntries(Object.entries(c.columns).map(([n, v]) => [n, pick(v, at)])),
    };
  };
  return {
    row: pick(s.row, rows) as number[],
    importKey: pick(s.importKey, rows) as string[],
    householdKey: pick(s.householdKey, rows) as (string | null)[],
    relationship: pick(s.relationship, rows) as (string | null)[],
    person: Object.fromEntries(Object.entries(s.person).map(([n, v]) => [n, pick(v, rows)])),
    identifiers: children(s.identifiers),
    consents: children(s.consents),
  };
}

/** The mapping as a stable digest: the same fields to the same columns give the same hash. */
export function mappingHash(mapping: ImportMapping): string {
  const sorted = Object.entries(mapping)
    .filter(([, column]) => column !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

/** What a stage is pinned to; any difference makes it stale. */
export interface StagePins {
  formatVersion: number;
  fileSha256: string;
  contentDigest: string;
  mappingHash: string;
  keyCheck: string;
}

/** Which pins differ, by name (empty when the stage still holds). */
export function stalePins(stored: StagePins, current: StagePins): (keyof StagePins)[] {
  return (Object.keys(current) as (keyof StagePins)[]).filter((k) => stored[k] !== current[k]);
}
