/**
 * Blocking: several rules, each a key computed per record; records sharing a key in any rule become
 * candidate pairs. Oversized blocks (a very common name, a phone shared by an office) are not expanded
 * into all their pairs: their members are sorted by a secondary value and only near neighbours are
 * paired (sorted neighbourhood), so the work stays linear.
 */
import type { Dataset, DatasetColumns } from './dataset.ts';

export interface BlockingRule {
  readonly name: string;
  /** Key of record i, or -1 when the rule does not apply (a field is missing). */
  key(d: DatasetColumns, i: number, aux: BlockingAux): number;
  /** Order inside an oversized block. */
  secondary(d: DatasetColumns, i: number): number;
  /** When set, only pairs with at least one record for which this holds are made (incomplete records). */
  only?(d: DatasetColumns, i: number): boolean;
}

export interface BlockingAux {
  /** Hash of the first three letters of each surname key. */
  famPrefix: Int32Array;
  /** Hash of the first two letters of each given-name skeleton. */
  givenPrefix: Int32Array;
  /** Hash of the consonants of each surname key and given-name skeleton (vowel typos, transliteration). */
  famConsonants: Int32Array;
  givenConsonants: Int32Array;
  /** Hash of each surname key and given-name skeleton without final vowels (for swapped fields). */
  famStem: Int32Array;
  givenStem: Int32Array;
}

export interface BlockingOptions {
  rules?: readonly BlockingRule[];
  /** Blocks larger than this are handled by sorted neighbourhood. */
  maxBlockSize?: number;
  /** Neighbours paired with each record inside an oversized block. */
  window?: number;
}

export interface RuleStats {
  rule: string;
  blocks: number;
  pairs: number;
  oversizedBlocks: number;
  largestBlock: number;
}

export interface CandidatePairs {
  left: Int32Array;
  right: Int32Array;
  stats: RuleStats[];
  /** Pairs generated before removing duplicates between rules. */
  generated: number;
}

function mix(h: number, v: number): number {
  let k = Math.imul(v | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit hash of a salt and up to three integers (fixed arity: no allocation per call). */
export function hashInts(salt: number, a: number, b = 0, c = 0): number {
  return fin(mix(mix(mix(salt | 0, a), b), c));
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

const famPrefixHash = (s: string) => hashString(s.slice(0, 3));
const givenPrefixHash = (s: string) => hashString(s.slice(0, 2));
const consonantHash = (s: string) => hashString(s.replace(/[aeiou]/g, ''));
const stemHash = (s: string) => hashString(s.replace(/[aeiou]+$/, ''));

/** Hashes of name parts used by the rules; `spare` extra slots at the end are left for query records. */
export function blockingAux(d: Pick<Dataset, 'famStr' | 'givenSkelStr'>, spare = 0): BlockingAux {
  const famPrefix = new Int32Array(d.famStr.length + spare);
  const famConsonants = new Int32Array(d.famStr.length + spare);
  const famStem = new Int32Array(d.famStr.length + spare);
  d.famStr.forEach((s, i) => {
    famPrefix[i] = famPrefixHash(s);
    famConsonants[i] = consonantHash(s);
    famStem[i] = stemHash(s);
  });
  const givenPrefix = new Int32Array(d.givenSkelStr.length + spare);
  const givenConsonants = new Int32Array(d.givenSkelStr.length + spare);
  const givenStem = new Int32Array(d.givenSkelStr.length + spare);
  d.givenSkelStr.forEach((s, i) => {
    givenPrefix[i] = givenPrefixHash(s);
    givenConsonants[i] = consonantHash(s);
    givenStem[i] = stemHash(s);
  });
  return { famPrefix, givenPrefix, famConsonants, givenConsonants, famStem, givenStem };
}

/** Fills the slots of a query record's names (see blockingAux's spare slots). */
export function setAuxSlots(
  aux: BlockingAux,
  famSlot: number,
  fam: string,
  givenSlot: number,
  givenSkel: string,
): void {
  aux.famPrefix[famSlot] = famPrefixHash(fam);
  aux.famConsonants[famSlot] = consonantHash(fam);
  aux.givenPrefix[givenSlot] = givenPrefixHash(givenSkel);
  aux.givenConsonants[givenSlot] = consonantHash(givenSkel);
  aux.famStem[famSlot] = stemHash(fam);
  aux.givenStem[givenSlot] = stemHash(givenSkel);
}

const year = (dob: number) => (dob / 10000) | 0;
const dm = (dob: number) => {
  const m = ((dob / 100) | 0) % 100;
  const day = dob % 100;
  return m < day ? m * 100 + day : day * 100 + m;
};

export const DEFAULT_RULES: readonly BlockingRule[] = [
  {
    name: 'surname+given+birth_year',
    key: (d, i) =>
      d.fam[i]! < 0 || d.given[i]! < 0 || d.dob[i] === 0
        ? -1
        : hashInts(1, d.fam[i]!, d.given[i]!, year(d.dob[i]!)),
    secondary: (d, i) => d.dob[i]!,
  },
  {
    name: 'given+birth_date(d/m unordered)',
    key: (d, i) =>
      d.given[i]! < 0 || d.dob[i] === 0 ? -1 : hashInts(2, d.given[i]!, year(d.dob[i]!), dm(d.dob[i]!)),
    secondary: (d, i) => d.fam[i]!,
  },
  {
    name: 'surname+birth_date(d/m unordered)',
    key: (d, i) =>
      d.fam[i]! < 0 || d.dob[i] === 0 ? -1 : hashInts(3, d.fam[i]!, year(d.dob[i]!), dm(d.dob[i]!)),
    secondary: (d, i) => d.given[i]!,
  },
  {
    name: 'phone',
    key: (d, i) => (d.phone[i]! < 0 ? -1 : hashInts(4, d.phone[i]!)),
    secondary: (d, i) => d.fam[i]! * 64 + (d.given[i]! & 63),
  },
  {
    name: 'tax_id',
    key: (d, i) => (d.tax[i]! < 0 ? -1 : hashInts(5, d.tax[i]!)),
    secondary: (d, i) => d.dob[i]!,
  },
  {
    name: 'surname+given+patronymic',
    key: (d, i) =>
      d.fam[i]! < 0 || d.given[i]! < 0 || d.patr[i]! < 0
        ? -1
        : hashInts(6, d.fam[i]!, d.given[i]!, d.patr[i]!),
    secondary: (d, i) => d.dob[i]!,
  },
  {
    name: 'surname3+given2+birth_date',
    key: (d, i, aux) =>
      d.fam[i]! < 0 || d.givenSkel[i]! < 0 || d.dob[i] === 0
        ? -1
        : hashInts(7, aux.famPrefix[d.fam[i]!]!, aux.givenPrefix[d.givenSkel[i]!]!, d.dob[i]!),
    secondary: (d, i) => d.fam[i]!,
  },
  {
    name: 'surname+given (records without birth date)',
    key: (d, i) => (d.fam[i]! < 0 || d.given[i]! < 0 ? -1 : hashInts(9, d.fam[i]!, d.given[i]!)),
    secondary: (d, i) => d.dob[i]!,
    only: (d, i) => d.dob[i] === 0,
  },
  {
    name: 'surname3+given2+birth_month',
    key: (d, i, aux) =>
      d.fam[i]! < 0 || d.givenSkel[i]! < 0 || d.dob[i] === 0
        ? -1
        : hashInts(10, aux.famPrefix[d.fam[i]!]!, aux.givenPrefix[d.givenSkel[i]!]!, (d.dob[i]! / 100) | 0),
    secondary: (d, i) => d.dob[i]!,
  },
  {
    name: 'surname consonants+given consonants+birth_year',
    key: (d, i, aux) =>
      d.fam[i]! < 0 || d.givenSkel[i]! < 0 || d.dob[i] === 0
        ? -1
        : hashInts(11, aux.famConsonants[d.fam[i]!]!, aux.givenConsonants[d.givenSkel[i]!]!, year(d.dob[i]!)),
    secondary: (d, i) => d.dob[i]!,
  },
  {
    name: 'surname+given+birth day and month',
    key: (d, i) =>
      d.fam[i]! < 0 || d.given[i]! < 0 || d.dob[i] === 0
        ? -1
        : hashInts(13, d.fam[i]!, d.given[i]!, dm(d.dob[i]!)),
    secondary: (d, i) => d.dob[i]!,
  },
  {
    name: 'names in either field+birth_date',
    key: (d, i, aux) => {
      if (d.fam[i]! < 0 || d.givenSkel[i]! < 0 || d.dob[i] === 0) return -1;
      const a = aux.famStem[d.fam[i]!]!;
      const b = aux.givenStem[d.givenSkel[i]!]!;
      return a < b ? hashInts(12, a, b, d.dob[i]!) : hashInts(12, b, a, d.dob[i]!);
    },
    secondary: (d, i) => d.fam[i]!,
  },
  {
    name: 'birth_date+sex+oblast',
    key: (d, i) =>
      d.dob[i] === 0 || d.sex[i] === 0 || d.oblast[i]! < 0
        ? -1
        : hashInts(8, d.dob[i]!, d.sex[i]!, d.oblast[i]!),
    secondary: (d, i) => d.fam[i]!,
  },
];

class IntBuffer {
  data = new Int32Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Radix sort (two 16-bit passes) of 32-bit keys, carrying record indices. */
function sortKeys(keys: Uint32Array, idx: Int32Array): void {
  const len = keys.length;
  const k2 = new Uint32Array(len);
  const i2 = new Int32Array(len);
  const count = new Int32Array(65537);
  for (let pass = 0; pass < 2; pass++) {
    const shift = pass * 16;
    const [srcK, srcI, dstK, dstI] = pass === 0 ? [keys, idx, k2, i2] : [k2, i2, keys, idx];
    count.fill(0);
    for (let k = 0; k < len; k++) count[((srcK[k]! >>> shift) & 0xffff) + 1]!++;
    for (let r = 0; r < 65536; r++) count[r + 1]! += count[r]!;
    for (let k = 0; k < len; k++) {
      const b = (srcK[k]! >>> shift) & 0xffff;
      const pos = count[b]!++;
      dstK[pos] = srcK[k]!;
      dstI[pos] = srcI[k]!;
    }
  }
}

/** Records having a key under one rule, sorted by key (32-bit hashes). */
export interface SortedKeys {
  keys: Uint32Array;
  idx: Int32Array;
}

export function sortedKeys(d: DatasetColumns, rule: BlockingRule, aux: BlockingAux): SortedKeys {
  const tk = new Uint32Array(d.n);
  const ti = new Int32Array(d.n);
  let len = 0;
  for (let i = 0; i < d.n; i++) {
    const k = rule.key(d, i, aux);
    if (k < 0) continue;
    tk[len] = k >>> 0;
    ti[len++] = i;
  }
  const keys = tk.slice(0, len);
  const idx = ti.slice(0, len);
  sortKeys(keys, idx);
  return { keys, idx };
}

/** Pairs generated by some rules, before removing repeats: (lo[k], hi[k]) with lo < hi. */
export interface RulePairs {
  lo: Int32Array;
  hi: Int32Array;
  stats: RuleStats[];
}

export function generateCandidatePairs(d: Dataset, opts: BlockingOptions = {}): CandidatePairs {
  const rules = opts.rules ?? DEFAULT_RULES;
  return mergeRulePairs(d.n, [generateRulePairs(d, rules, blockingAux(d), opts)]);
}

/** Pairs of the given rules (the part of blocking that can run on several threads). */
export function generateRulePairs(
  d: DatasetColumns,
  rules: readonly BlockingRule[],
  aux: BlockingAux,
  opts: BlockingOptions = {},
): RulePairs {
  const maxBlock = opts.maxBlockSize ?? 25;
  const window = opts.window ?? 6;
  const lo = new IntBuffer();
  const hi = new IntBuffer();
  const push = (i: number, j: number) => {
    if (i < j) {
      lo.push(i);
      hi.push(j);
    } else {
      lo.push(j);
      hi.push(i);
    }
  };
  const stats: RuleStats[] = [];
  const members: number[] = [];
  for (const rule of rules) {
    const st: RuleStats = { rule: rule.name, blocks: 0, pairs: 0, oversizedBlocks: 0, largestBlock: 0 };
    const { keys, idx } = sortedKeys(d, rule, aux);
    let start = 0;
    while (start < keys.length) {
      const key = keys[start]!;
      let end = start + 1;
      while (end < keys.length && keys[end] === key) end++;
      const size = end - start;
      if (size > 1) {
        st.blocks++;
        if (size > st.largestBlock) st.largestBlock = size;
        members.length = 0;
        for (let k = start; k < end; k++) members.push(idx[k]!);
        if (rule.only) {
          // pair the records the rule is for with the others (nearest ones in oversized blocks)
          if (size > maxBlock) {
            st.oversizedBlocks++;
            members.sort((x, y) => rule.secondary(d, x) - rule.secondary(d, y) || x - y);
          }
          const reach = size > maxBlock ? window * 2 : size;
          for (let a = 0; a < size; a++) {
            const i = members[a]!;
            if (!rule.only(d, i)) continue;
            const lo = Math.max(0, a - reach);
            const hi = Math.min(size, a + reach + 1);
            for (let b = lo; b < hi; b++) {
              if (b === a) continue;
              const j = members[b]!;
              if (rule.only(d, j) && b < a && a - b <= reach) continue; // made from the other side
              push(i, j);
              st.pairs++;
            }
          }
        } else if (size <= maxBlock) {
          for (let a = 0; a < size; a++) {
            const i = members[a]!;
            for (let b = a + 1; b < size; b++) {
              const j = members[b]!;
              push(i, j);
            }
          }
          st.pairs += (size * (size - 1)) / 2;
        } else {
          st.oversizedBlocks++;
          members.sort((x, y) => rule.secondary(d, x) - rule.secondary(d, y) || x - y);
          for (let a = 0; a < size; a++) {
            const i = members[a]!;
            const lim = Math.min(size, a + 1 + window);
            for (let b = a + 1; b < lim; b++) {
              const j = members[b]!;
              push(i, j);
              st.pairs++;
            }
          }
        }
      }
      start = end;
    }
    stats.push(st);
  }
  return { lo: lo.data.slice(0, lo.length), hi: hi.data.slice(0, hi.length), stats };
}

/** Union of the pairs of several rule groups, sorted by (lower, higher) and without repeats. */
export function mergeRulePairs(n: number, parts: readonly RulePairs[]): CandidatePairs {
  let m = 0;
  for (const p of parts) m += p.lo.length;
  // bucket the higher index of each pair by its lower index (one counting pass)
  const start = new Int32Array(n + 1);
  for (const p of parts) for (let k = 0; k < p.lo.length; k++) start[p.lo[k]! + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const his = new Int32Array(m);
  for (const p of parts) for (let k = 0; k < p.lo.length; k++) his[fill[p.lo[k]!]!++] = p.hi[k]!;
  // sort each (small) bucket and drop repeats in place
  const kept = new Int32Array(n);
  let unique = 0;
  for (let i = 0; i < n; i++) {
    const s0 = start[i]!;
    const e0 = start[i + 1]!;
    if (e0 - s0 > 32) his.subarray(s0, e0).sort();
    else {
      for (let x = s0 + 1; x < e0; x++) {
        const v = his[x]!;
        let y = x - 1;
        while (y >= s0 && his[y]! > v) {
          his[y + 1] = his[y]!;
          y--;
        }
        his[y + 1] = v;
      }
    }
    let w = s0;
    for (let x = s0; x < e0; x++) if (x === s0 || his[x] !== his[x - 1]) his[w++] = his[x]!;
    kept[i] = w - s0;
    unique += w - s0;
  }
  const left = new Int32Array(new SharedArrayBuffer(unique * 4));
  const right = new Int32Array(new SharedArrayBuffer(unique * 4));
  let u = 0;
  for (let i = 0; i < n; i++) {
    const s0 = start[i]!;
    const c = kept[i]!;
    for (let x = 0; x < c; x++) {
      left[u] = i;
      right[u] = his[s0 + x]!;
      u++;
    }
  }
  return { left, right, stats: parts.flatMap((p) => p.stats), generated: m };
}
