import {
  type Children,
  type Columns,
  emptyStage,
  keepRows,
  type StagedRows,
  sliceStage,
  stagedCount,
} from './people-import.stage.ts';

/** The layout below; a stage written in another layout is checked again rather than read. */
export const STAGE_FORMAT = 1;
/** Rows per stored part: a part stays under a megabyte, which the embedded database reads fastest. */
export const STAGE_PART_ROWS = 2500;

/*
 * A stored part is text: a JSON header naming its columns, then one payload per column, all
 * separated by GROUP. A column of strings (most of them) is its values joined by UNIT, with the
 * positions of its nulls in the header; when a column holds few distinct strings (names, places,
 * coded answers), those strings once and each row's position among them; any other column is
 * JSON. Joining and splitting strings is what the engine does fastest, far faster than JSON for
 * 100,000 names, keys and hashes; and the values are mostly keyed hashes and ciphertexts, which
 * compression would not shrink by much.
 */
const GROUP = '\u001d';
const RECORD = '\u001e';
const UNIT = '\u001f';
/** Fewest values for which a column may be kept as a dictionary. */
const DICTIONARY_FROM = 64;

interface ColumnHead {
  name: string;
  /** `s`: strings joined by UNIT; `d`: distinct strings, then positions; `j`: JSON. */
  kind: 's' | 'd' | 'j';
  nulls?: number[];
}

/** The strings joined by UNIT, or null if one of them holds a separator itself. */
function joinStrings(values: string[]): string | null {
  const joined = values.join(UNIT);
  let units = 0;
  for (let at = joined.indexOf(UNIT); at !== -1; at = joined.indexOf(UNIT, at + 1)) units++;
  if (units !== Math.max(values.length - 1, 0) || joined.includes(GROUP) || joined.includes(RECORD))
    return null;
  return joined;
}

/** Few distinct strings: each once, then every row's position among them (null rows at 0). */
function dictionary(values: unknown[]): string | null {
  if (values.length < DICTIONARY_FROM) return null;
  const limit = values.length >> 2;
  const seen = new Map<string, number>();
  const distinct: string[] = [];
  const at = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as string | null;
    if (v === null || v === undefined) {
      at[i] = 0;
      continue;
    }
    let k = seen.get(v);
    if (k === undefined) {
      if (distinct.length >= limit) return null;
      k = distinct.length;
      seen.set(v, k);
      distinct.push(v);
    }
    at[i] = k;
  }
  const joined = joinStrings(distinct);
  return joined === null ? null : `${joined}${RECORD}${at.join(',')}`;
}

function encodeColumn(name: string, values: unknown[]): { head: ColumnHead; payload: string } {
  const nulls: number[] = [];
  let strings = true;
  for (let i = 0; i < values.length && strings; i++) {
    const v = values[i];
    if (v === null || v === undefined) nulls.push(i);
    else if (typeof v !== 'string') strings = false;
  }
  if (strings) {
    const withNulls = nulls.length > 0 ? { nulls } : {};
    const d = dictionary(values);
    if (d !== null) return { head: { name, kind: 'd', ...withNulls }, payload: d };
    const joined = joinStrings(values as string[]);
    if (joined !== null) return { head: { name, kind: 's', ...withNulls }, payload: joined };
  }
  return { head: { name, kind: 'j' }, payload: JSON.stringify(values) };
}

function decodeColumn(head: ColumnHead, payload: string, n: number): unknown[] {
  if (head.kind === 'j') return JSON.parse(payload) as unknown[];
  let values: unknown[];
  if (head.kind === 'd') {
    const cut = payload.indexOf(RECORD);
    const distinct = payload.slice(0, cut).split(UNIT);
    values = payload
      .slice(cut + 1)
      .split(',')
      .map((k) => distinct[Number(k)]);
  } else values = n === 0 ? [] : payload.split(UNIT);
  for (const i of head.nulls ?? []) values[i] = null;
  return values;
}

/** One part of a stage as text. */
function encodePart(s: StagedRows): string {
  const columns: [string, unknown[]][] = [
    ['row', s.row],
    ['importKey', s.importKey],
    ['householdKey', s.householdKey],
    ['relationship', s.relationship],
    ...Object.entries(s.person).map(([k, v]): [string, unknown[]] => [`p.${k}`, v]),
    ['i.of', s.identifiers.of],
    ...Object.entries(s.identifiers.columns).map(([k, v]): [string, unknown[]] => [`i.${k}`, v]),
    ['c.of', s.consents.of],
    ...Object.entries(s.consents.columns).map(([k, v]): [string, unknown[]] => [`c.${k}`, v]),
  ];
  const encoded = columns.map(([name, values]) => encodeColumn(name, values));
  const header = {
    n: s.row.length,
    i: s.identifiers.of.length,
    c: s.consents.of.length,
    columns: encoded.map((e) => e.head),
  };
  return [JSON.stringify(header), ...encoded.map((e) => e.payload)].join(GROUP);
}

function decodePart(text: string, only?: Set<string>): StagedRows {
  const [headerText, ...payloads] = text.split(GROUP);
  const header = JSON.parse(headerText!) as { n: number; i: number; c: number; columns: ColumnHead[] };
  const s = emptyStage();
  header.columns.forEach((head, k) => {
    if (only && !only.has(head.name)) return;
    const dot = head.name.indexOf('.');
    const scope = dot < 0 ? '' : head.name.slice(0, dot);
    const name = head.name.slice(dot + 1);
    const n = scope === 'i' ? header.i : scope === 'c' ? header.c : header.n;
    const values = decodeColumn(head, payloads[k] ?? '', n);
    if (scope === 'p') s.person[name] = values;
    else if (scope === 'i') {
      if (name === 'of') s.identifiers.of = values as number[];
      else s.identifiers.columns[name] = values;
    } else if (scope === 'c') {
      if (name === 'of') s.consents.of = values as number[];
      else s.consents.columns[name] = values;
    } else (s as unknown as Record<string, unknown[]>)[name] = values;
  });
  return s;
}

/** The stage as parts of text for storage. */
export function encodeStage(s: StagedRows, partRows = STAGE_PART_ROWS): string[] {
  const n = stagedCount(s);
  const parts: string[] = [];
  for (let from = 0; from < n; from += partRows)
    parts.push(encodePart(sliceStage(s, from, Math.min(from + partRows, n))));
  return parts;
}

/** Copies `count` values of each column of `from` into `into` from position `at` on. */
function fillColumns(into: Columns, from: Columns, at: number, count: number, total: number) {
  for (const name in from) {
    let column = into[name];
    // A column missing from some parts is null on their rows.
    if (column === undefined) {
      column = new Array(total).fill(null);
      into[name] = column;
    }
    const values = from[name]!;
    for (let k = 0; k < count; k++) column[at + k] = values[k];
  }
}

function fillChildren(into: Children, from: Children, at: number, offset: number, total: number) {
  const count = from.of.length;
  for (let k = 0; k < count; k++) into.of[at + k] = from.of[k]! + offset;
  fillColumns(into.columns, from.columns, at, count, total);
}

/**
 * Stages one after the other, as one. Every column is made at its full length once and filled in
 * place: growing 100,000-value columns part by part cost most of the time of reading a stage.
 */
export function concatStages(stages: StagedRows[]): StagedRows {
  if (stages.length === 0) return emptyStage();
  if (stages.length === 1) return stages[0]!;
  let n = 0;
  let ni = 0;
  let nc = 0;
  for (const p of stages) {
    n += p.row.length;
    ni += p.identifiers.of.length;
    nc += p.consents.of.length;
  }
  const s: StagedRows = {
    row: new Array<number>(n),
    importKey: new Array<string>(n),
    householdKey: new Array<string | null>(n),
    relationship: new Array<string | null>(n),
    person: {},
    identifiers: { of: new Array<number>(ni), columns: {} },
    consents: { of: new Array<number>(nc), columns: {} },
  };
  let at = 0;
  let atI = 0;
  let atC = 0;
  for (const p of stages) {
    const rows = p.row.length;
    for (let k = 0; k < rows; k++) {
      s.row[at + k] = p.row[k]!;
      s.importKey[at + k] = p.importKey[k]!;
      s.householdKey[at + k] = p.householdKey[k] ?? null;
      s.relationship[at + k] = p.relationship[k] ?? null;
    }
    fillColumns(s.person, p.person, at, rows, n);
    fillChildren(s.identifiers, p.identifiers, atI, at, ni);
    fillChildren(s.consents, p.consents, atC, at, nc);
    at += rows;
    atI += p.identifiers.of.length;
    atC += p.consents.of.length;
  }
  return s;
}

/** The stored parts, in order, back into one stage. */
export function decodeStage(parts: string[], only?: StageColumn[]): StagedRows {
  const wanted = only && new Set<string>(only);
  return concatStages(parts.map((p) => decodePart(p, wanted)));
}

/**
 * The same as decodeStage, giving the event loop a turn after each part: for decoding while a
 * query is in flight, whose bytes must keep flowing to the database meanwhile.
 */
export async function decodeStageInTurns(parts: string[]): Promise<StagedRows> {
  const decoded: StagedRows[] = [];
  for (const part of parts) {
    decoded.push(decodePart(part));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return concatStages(decoded);
}

/**
 * The stored parts with only the rows whose flag is set (one flag per staged row, in order). Only
 * the parts that lose rows are decoded and written again; the others stay as they are.
 */
export function keepStagedRows(parts: string[], keep: boolean[]): { parts: string[]; staged: number } {
  const out: string[] = [];
  let from = 0;
  let staged = 0;
  for (const part of parts) {
    const n = (JSON.parse(part.slice(0, part.indexOf(GROUP))) as { n: number }).n;
    const flags = keep.slice(from, from + n);
    from += n;
    const kept = flags.filter(Boolean).length;
    staged += kept;
    if (kept === n) out.push(part);
    else if (kept > 0) out.push(encodePart(keepRows(decodePart(part), flags)));
  }
  if (from !== keep.length) throw new Error(`the stage holds ${from} rows, not ${keep.length}`);
  return { parts: out, staged };
}

/** A stored column, for decoding only some: `row`, `importKey`, `p.<person column>`, `i.of`, … */
export type StageColumn =
  | 'row'
  | 'importKey'
  | 'householdKey'
  | 'relationship'
  | `${'p' | 'i' | 'c'}.${string}`;
