/** Field comparators. Each returns an agreement level; level 0 always means "missing" (neutral). */

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

/** Jaro similarity of two strings, in [0, 1]. */
export function jaro(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (la > flagsA.length || lb > flagsB.length) {
    flagsA = new Uint8Array(Math.max(la, lb) * 2);
    flagsB = new Uint8Array(Math.max(la, lb) * 2);
  }
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - t / 2) / m) / 3;
}

/** Jaro–Winkler similarity (prefix scale 0.1, prefix up to 4 characters), in [0, 1]. */
export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j === 1 || j === 0) return j;
  let l = 0;
  const max = Math.min(4, a.length, b.length);
  while (l < max && a.charCodeAt(l) === b.charCodeAt(l)) l++;
  return j + l * 0.1 * (1 - j);
}

let osaPrev2 = new Int32Array(64);
let osaPrev = new Int32Array(64);
let osaCur = new Int32Array(64);

/**
 * Optimal string alignment distance (Levenshtein plus transposition of neighbours), computed only up
 * to `max`: any larger distance is reported as max + 1.
 */
export function osaDistance(a: string, b: string, max = 2): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (lb + 1 > osaCur.length) {
    osaPrev2 = new Int32Array(lb * 2 + 2);
    osaPrev = new Int32Array(lb * 2 + 2);
    osaCur = new Int32Array(lb * 2 + 2);
  }
  let p2 = osaPrev2;
  let p1 = osaPrev;
  let cur = osaCur;
  for (let j = 0; j <= lb; j++) p1[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(p1[j]! + 1, cur[j - 1]! + 1, p1[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        v = Math.min(v, p2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = p2;
    p2 = p1;
    p1 = cur;
    cur = t;
  }
  return Math.min(p1[lb]!, max + 1);
}

/** Name levels: 0 missing, 1 same key, 2 very close, 3 close, 4 different. */
export const NAME_LEVELS = [
  'missing',
  'exact',
  'one edit or jw≥0.92',
  'two edits or jw≥0.8',
  'different',
] as const;

export function nameLevel(sameKey: boolean, skelA: string, skelB: string): number {
  if (skelA.length === 0 || skelB.length === 0) return 0;
  if (sameKey) return 1;
  const s = jaroWinkler(skelA, skelB);
  if (s >= 0.92) return 2;
  const d = osaDistance(skelA, skelB, 2);
  // one edit counts as a typo when the first letters agree (typists rarely miss the first letter)
  if (d <= 1 && skelA.charCodeAt(0) === skelB.charCodeAt(0)) return 2;
  return s >= 0.8 || (d === 2 && Math.min(skelA.length, skelB.length) >= 5) ? 3 : 4;
}

/** Patronymic levels: 0 missing, 1 same key, 2 close, 3 different. */
export const PATRONYMIC_LEVELS = ['missing', 'exact', 'two edits or jw≥0.9', 'different'] as const;

export function patronymicLevel(sameKey: boolean, skelA: string, skelB: string): number {
  if (skelA.length === 0 || skelB.length === 0) return 0;
  if (sameKey) return 1;
  return jaroWinkler(skelA, skelB) >= 0.9 || osaDistance(skelA, skelB, 2) <= 2 ? 2 : 3;
}

/** Birth-date levels. Dates are integers yyyymmdd; 0 means missing. */
export const DATE_LEVELS = [
  'missing',
  'exact',
  'day/month swapped',
  'one digit off',
  'year ±1',
  'different',
  '12+ years apart',
] as const;

export function dateLevel(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  if (a === b) return 1;
  const ya = (a / 10000) | 0;
  const yb = (b / 10000) | 0;
  const ma = ((a / 100) | 0) % 100;
  const mb = ((b / 100) | 0) % 100;
  const da = a % 100;
  const db = b % 100;
  if (ya === yb && ma === db && da === mb) return 2;
  // one of the eight digits differs
  let diff = 0;
  let x = a;
  let y = b;
  for (let k = 0; k < 8; k++) {
    if (x % 10 !== y % 10) diff++;
    x = (x / 10) | 0;
    y = (y / 10) | 0;
  }
  if (diff === 1) return 3;
  if (ma === mb && da === db && Math.abs(ya - yb) === 1) return 4;
  // a generation apart: parent and child, not a mistyped date
  return Math.abs(ya - yb) >= 12 ? 6 : 5;
}

/** Parses YYYY-MM-DD into yyyymmdd (0 if empty); returns -1 when malformed or impossible. */
export function parseDate(text: string): number {
  if (text.length === 0) return 0;
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return -1;
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return -1;
  if (y < 1850 || y > 2200 || m < 1 || m > 12 || d < 1) return -1;
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  if (d > days[m - 1]!) return -1;
  return y * 10000 + m * 100 + d;
}

/** Exact-comparison levels for phones, identifiers, sex and oblast: 0 missing, 1 equal, 2 different. */
export const EXACT_LEVELS = ['missing', 'equal', 'different'] as const;

export function exactLevel<T>(a: T, b: T, missing: T): number {
  if (a === missing || b === missing) return 0;
  return a === b ? 1 : 2;
}
