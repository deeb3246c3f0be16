/**
 * Comparison vectors: each candidate pair becomes one small integer (a "pattern") that packs the
 * agreement level of every field. Pure; used by the single-threaded path and by worker threads.
 */
import {
  DATE_LEVELS,
  dateLevel,
  EXACT_LEVELS,
  NAME_LEVELS,
  nameLevel,
  PATRONYMIC_LEVELS,
  patronymicLevel,
} from './comparators.ts';
import type { DatasetColumns, RecordFeatures, StringTables } from './dataset.ts';
import { givenSkeletonVariants } from './normalize.ts';

export interface FieldSpec {
  readonly name: string;
  readonly levels: readonly string[];
  /**
   * Whether "missing" is a level the model learns rather than neutral evidence. Candidate pairs
   * without a birth date come from name-only blocking, where namesakes abound: the absence itself
   * changes the odds.
   */
  readonly missingIsLevel?: boolean;
}

export const FIELDS: readonly FieldSpec[] = [
  { name: 'family_name', levels: NAME_LEVELS },
  { name: 'given_name', levels: NAME_LEVELS },
  { name: 'patronymic', levels: PATRONYMIC_LEVELS },
  { name: 'birth_date', levels: DATE_LEVELS, missingIsLevel: true },
  { name: 'phone', levels: EXACT_LEVELS },
  { name: 'tax_id', levels: EXACT_LEVELS },
  { name: 'sex', levels: EXACT_LEVELS },
  { name: 'oblast', levels: EXACT_LEVELS },
];

export const F_FAMILY = 0;
export const F_GIVEN = 1;
export const F_PATR = 2;
export const F_DOB = 3;
export const F_PHONE = 4;
export const F_TAX = 5;
export const F_SEX = 6;
export const F_OBLAST = 7;

export const RADIX: readonly number[] = FIELDS.map((f) => f.levels.length);
/** Lowest level that carries evidence, per field (0 when missing is a learnt level). */
export const FIRST_LEVEL: readonly number[] = FIELDS.map((f) => (f.missingIsLevel ? 0 : 1));
export const PATTERN_COUNT = RADIX.reduce((a, b) => a * b, 1);

export function encodePattern(levels: readonly number[]): number {
  let code = 0;
  for (let f = FIELDS.length - 1; f >= 0; f--) code = code * RADIX[f]! + levels[f]!;
  return code;
}

export function decodePattern(code: number): number[] {
  const out: number[] = [];
  let c = code;
  for (let f = 0; f < FIELDS.length; f++) {
    out.push(c % RADIX[f]!);
    c = Math.floor(c / RADIX[f]!);
  }
  return out;
}

/** Table of levels for every pattern: levels[code * FIELDS.length + f]. */
let levelTable: Uint8Array | undefined;

export function patternLevelTable(): Uint8Array {
  if (levelTable) return levelTable;
  const t = new Uint8Array(PATTERN_COUNT * FIELDS.length);
  for (let code = 0; code < PATTERN_COUNT; code++) {
    const l = decodePattern(code);
    for (let f = 0; f < FIELDS.length; f++) t[code * FIELDS.length + f] = l[f]!;
  }
  levelTable = t;
  return t;
}

const M0 = 1;
const M1 = RADIX[0]!;
const M2 = M1 * RADIX[1]!;
const M3 = M2 * RADIX[2]!;
const M4 = M3 * RADIX[3]!;
const M5 = M4 * RADIX[4]!;
const M6 = M5 * RADIX[5]!;
const M7 = M6 * RADIX[6]!;

function ex(a: number, b: number): number {
  if (a < 0 || b < 0) return 0;
  return a === b ? 1 : 2;
}

/** Like ex, for a query id where -1 is missing and -2 an unseen (so different) value. */
function exq(q: number, b: number): number {
  if (q === -1 || b < 0) return 0;
  return q === b ? 1 : 2;
}

// Levels of name pairs already compared, per string table (names repeat a lot across pairs).
const CACHE_LIMIT = 1 << 21;
let cacheOwner: StringTables | undefined;
const famCache = new Map<number, number>();
const givenCache = new Map<number, number>();
const patrCache = new Map<number, number>();

function cached(
  cache: Map<number, number>,
  strings: readonly string[],
  a: number,
  b: number,
  level: (x: string, y: string) => number,
): number {
  const key = a < b ? a * strings.length + b : b * strings.length + a;
  let l = cache.get(key);
  if (l === undefined) {
    l = level(strings[a]!, strings[b]!);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, l);
  }
  return l;
}

const famLevel = (x: string, y: string) => nameLevel(false, x, y);

/**
 * Given names: when only one is a listed name, the other (a misspelling) is compared with every
 * spelling of the listed name's group, so "Niuolai" is close to Николай, hence to Микола.
 */
const givenLevel = (x: string, y: string) => {
  let best = nameLevel(false, x, y);
  const vx = givenSkeletonVariants(x);
  const vy = givenSkeletonVariants(y);
  if (vx && !vy) for (const v of vx) best = Math.min(best, nameLevel(false, v, y));
  else if (vy && !vx) for (const v of vy) best = Math.min(best, nameLevel(false, x, v));
  return best;
};

/**
 * Keys of names found in the dictionary of given names start with '#'. Two different dictionary names
 * (Олена and Олеся, Галина and Аліна) are different names, however similar their spelling: a typo
 * rarely turns one real name into another, while twins and siblings often carry such names.
 */
function isKnown(key: string): boolean {
  return key.charCodeAt(0) === 35;
}
const patrLevel = (x: string, y: string) => patronymicLevel(false, x, y);

/**
 * When each record's surname matches the other's given name (fields entered the wrong way round),
 * the level both names get (2 = close); 0 otherwise.
 */
export function swappedLevel(famA: string, givenA: string, famB: string, givenB: string): number {
  const a = nameLevel(false, famA, givenB.replace(/a$/, ''));
  const b = nameLevel(false, givenA, famB);
  const a2 = nameLevel(false, famA, givenB);
  const b2 = nameLevel(false, givenA.replace(/a$/, ''), famB);
  const best = Math.min(Math.max(a, b), Math.max(a2, b2));
  return best <= 2 ? 2 : 0;
}

/** Pattern of the pair (i, j) of one dataset. */
export function comparePair(d: DatasetColumns, s: StringTables, i: number, j: number): number {
  if (cacheOwner !== s) {
    cacheOwner = s;
    famCache.clear();
    givenCache.clear();
    patrCache.clear();
  }
  const fa = d.fam[i]!;
  const fb = d.fam[j]!;
  let lf = fa < 0 || fb < 0 ? 0 : fa === fb ? 1 : cached(famCache, s.famStr, fa, fb, famLevel);
  const ga = d.given[i]!;
  const gb = d.given[j]!;
  let lg = 0;
  if (ga >= 0 && gb >= 0) {
    if (ga === gb) lg = 1;
    else if (isKnown(s.givenKeyStr[ga]!) && isKnown(s.givenKeyStr[gb]!)) lg = 4;
    else lg = cached(givenCache, s.givenSkelStr, d.givenSkel[i]!, d.givenSkel[j]!, givenLevel);
  }
  const pa = d.patr[i]!;
  const pb = d.patr[j]!;
  let lp = 0;
  if (pa >= 0 && pb >= 0) {
    if (pa === pb) lp = 1;
    else if (isKnown(s.patrKeyStr[pa]!) && isKnown(s.patrKeyStr[pb]!)) lp = 3;
    else lp = cached(patrCache, s.patrSkelStr, d.patrSkel[i]!, d.patrSkel[j]!, patrLevel);
  }
  if (lf === 4 && lg === 4) {
    // given and family names entered in each other's field
    const sw = swappedLevel(
      s.famStr[fa]!,
      s.givenSkelStr[d.givenSkel[i]!]!,
      s.famStr[fb]!,
      s.givenSkelStr[d.givenSkel[j]!]!,
    );
    if (sw > 0) {
      lf = sw;
      lg = sw;
    }
  }
  const ld = dateLevel(d.dob[i]!, d.dob[j]!);
  const lph = ex(d.phone[i]!, d.phone[j]!);
  const lt = ex(d.tax[i]!, d.tax[j]!);
  const sa = d.sex[i]!;
  const sb = d.sex[j]!;
  const ls = sa === 0 || sb === 0 ? 0 : sa === sb ? 1 : 2;
  const lo = ex(d.oblast[i]!, d.oblast[j]!);
  return lf * M0 + lg * M1 + lp * M2 + ld * M3 + lph * M4 + lt * M5 + ls * M6 + lo * M7;
}

/** Patterns for pairs [start, end) into out. */
export function comparePairs(
  d: DatasetColumns,
  s: StringTables,
  left: Int32Array,
  right: Int32Array,
  start: number,
  end: number,
  out: Uint16Array,
): void {
  for (let k = start; k < end; k++) out[k] = comparePair(d, s, left[k]!, right[k]!);
}

/** Pattern of a query record against record j of a dataset (for the single-record check). */
export function compareFeatures(
  q: RecordFeatures,
  qIds: { fam: number; given: number; patr: number; tax: number; oblast: number },
  d: DatasetColumns,
  s: StringTables,
  j: number,
): number {
  const fb = d.fam[j]!;
  const lf = qIds.fam === -1 || fb < 0 ? 0 : qIds.fam === fb ? 1 : nameLevel(false, q.famKey, s.famStr[fb]!);
  const gb = d.given[j]!;
  const lg =
    qIds.given === -1 || gb < 0
      ? 0
      : qIds.given === gb
        ? 1
        : isKnown(q.givenKey) && isKnown(s.givenKeyStr[gb]!)
          ? 4
          : givenLevel(q.givenSkel, s.givenSkelStr[d.givenSkel[j]!]!);
  const pb = d.patr[j]!;
  const lp =
    qIds.patr === -1 || pb < 0
      ? 0
      : qIds.patr === pb
        ? 1
        : isKnown(q.patrKey) && isKnown(s.patrKeyStr[pb]!)
          ? 3
          : patronymicLevel(false, q.patrSkel, s.patrSkelStr[d.patrSkel[j]!]!);
  const ld = dateLevel(q.dob, d.dob[j]!);
  const lph = ex(q.phone, d.phone[j]!);
  const lt = exq(qIds.tax, d.tax[j]!);
  const sb = d.sex[j]!;
  const ls = q.sex === 0 || sb === 0 ? 0 : q.sex === sb ? 1 : 2;
  const lo = exq(qIds.oblast, d.oblast[j]!);
  return lf * M0 + lg * M1 + lp * M2 + ld * M3 + lph * M4 + lt * M5 + ls * M6 + lo * M7;
}
