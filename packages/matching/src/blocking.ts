/**
 * Blocking: several rules, each a key computed per record; records sharing a key in any rule become
 * candidate pairs. Oversized blocks (a very common name, a phone shared by an office) are not expanded
 * into all their pairs: their members are sorted by a secondary value and only near neighbours are
 * paired (sorted neighbourhood), so the work stays linear.
 *
 * This file holds the types and the entry point; hashes are in blocking.hash.ts, the default rules
 * in blocking.rules.ts, making and merging pairs in blocking.pairs.ts.
 */

import { blockingAux } from './blocking.hash.ts';
import { generateRulePairs, mergeRulePairs } from './blocking.pairs.ts';
import { DEFAULT_RULES } from './blocking.rules.ts';
import type { Dataset, DatasetColumns } from './dataset.ts';

export * from './blocking.hash.ts';
export * from './blocking.pairs.ts';
export * from './blocking.rules.ts';

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

export function generateCandidatePairs(d: Dataset, opts: BlockingOptions = {}): CandidatePairs {
  const rules = opts.rules ?? DEFAULT_RULES;
  return mergeRulePairs(d.n, [generateRulePairs(d, rules, blockingAux(d), opts)]);
}
