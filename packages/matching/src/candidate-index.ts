/**
 * Likely-duplicate check for one record (an officer registering someone): an in-memory index built
 * once over all known persons, answering `findCandidates(record)` with the best-scoring existing
 * records and the explanation of each score.
 *
 * The index keeps, for every blocking rule, the sorted array of (key, record) that the batch
 * deduplication builds anyway; a query computes its keys and finds its blocks by binary search, so
 * memory is a few typed arrays and a query costs a handful of searches plus the comparisons.
 */
import {
  type BlockingAux,
  type BlockingRule,
  blockingAux,
  DEFAULT_RULES,
  generateCandidatePairs,
  type SortedKeys,
  setAuxSlots,
  sortedKeys,
} from './blocking.ts';
import { compareFeatures, comparePairs, RADIX } from './compare.ts';
import { type Dataset, DatasetBuilder, type DatasetColumns, type PersonRecord } from './dataset.ts';
import { explainPattern, type PairExplanation } from './model.explain.ts';
import { PairScorer, termFrequencyAdjustments } from './model.score.ts';
import { fitModel, patternHistogram } from './model.train.ts';
import type { MatchModel } from './model.ts';

export interface Candidate {
  /** Index of the record in the indexed collection, and its id. */
  index: number;
  id: string;
  weight: number;
  probability: number;
  decision: PairExplanation['decision'];
  explanation: PairExplanation;
}

export interface CandidateIndexOptions {
  /** Model to score with (e.g. from a batch run); fitted on the indexed records when absent. */
  model?: MatchModel;
  rules?: readonly BlockingRule[];
  /** Largest number of block members compared per rule (nearest by the rule's secondary order). */
  maxBlockScan?: number;
}

export interface FindOptions {
  /** Most candidates returned, best first (default 10). */
  limit?: number;
  /** Lowest match weight returned (default: the review threshold of the model). */
  minWeight?: number;
}

export class CandidateIndex {
  private readonly keys: SortedKeys[];
  private readonly aux: BlockingAux;
  private readonly scorer: PairScorer;
  private readonly famTf: Float32Array;
  private readonly givenTf: Float32Array;

  private constructor(
    private readonly builder: DatasetBuilder,
    readonly data: Dataset,
    readonly model: MatchModel,
    private readonly rules: readonly BlockingRule[],
    private readonly maxBlockScan: number,
    tfShares: { fam?: number; given?: number },
  ) {
    this.aux = blockingAux(data, 1);
    this.keys = rules.map((r) => sortedKeys(data, r, this.aux));
    this.scorer = new PairScorer(model);
    this.famTf = termFrequencyAdjustments(data.famCount, model, tfShares.fam);
    this.givenTf = termFrequencyAdjustments(data.givenCount, model, tfShares.given);
  }

  /** Builds the index (and fits a model on the records' own candidate pairs unless one is given). */
  static build(records: Iterable<PersonRecord>, opts: CandidateIndexOptions = {}): CandidateIndex {
    const builder = new DatasetBuilder(1 << 16);
    for (const r of records) builder.add(r);
    const data = builder.build(false);
    const rules = opts.rules ?? DEFAULT_RULES;
    let model = opts.model;
    const tf: { fam?: number; given?: number } = {};
    if (!model) {
      const pairs = generateCandidatePairs(data, { rules });
      const patterns = new Uint16Array(pairs.left.length);
      comparePairs(data, data, pairs.left, pairs.right, 0, patterns.length, patterns);
      model = fitModel(patternHistogram(patterns));
      let fs = 0;
      let fc = 0;
      let gs = 0;
      let gc = 0;
      for (let k = 0; k < patterns.length; k++) {
        const c = patterns[k]!;
        const i = pairs.left[k]!;
        if (c % RADIX[0]! === 1) {
          fs += data.famCount[data.fam[i]!]!;
          fc++;
        }
        if (Math.floor(c / RADIX[0]!) % RADIX[1]! === 1) {
          gs += data.givenCount[data.given[i]!]!;
          gc++;
        }
      }
      if (fc > 0) tf.fam = fs / fc / data.n;
      if (gc > 0) tf.given = gs / gc / data.n;
    }
    return new CandidateIndex(builder, data, model, rules, opts.maxBlockScan ?? 200, tf);
  }

  get size(): number {
    return this.data.n;
  }

  /** Existing records that may be the same person as `record`, best first, with explanations. */
  findCandidates(record: PersonRecord, opts: FindOptions = {}): Candidate[] {
    const limit = opts.limit ?? 10;
    const minWeight = opts.minWeight ?? this.model.reviewThreshold;
    const b = this.builder;
    const d = this.data;
    const f = b.features(record);
    const ids = {
      fam: b.lookup('fam', f.famKey),
      given: b.lookup('given', f.givenKey),
      patr: b.lookup('patr', f.patrKey),
      tax: b.lookup('tax', f.tax),
      oblast: b.lookup('oblast', f.oblast),
    };
    const givenSkel = b.lookup('givenSkel', f.givenSkel);
    // Unseen names use the spare slot at the end of the aux arrays.
    const famSlot = ids.fam === -2 ? d.famStr.length : ids.fam;
    const givenSlot = givenSkel === -2 ? d.givenSkelStr.length : givenSkel;
    if (famSlot >= 0 && givenSlot >= 0) {
      setAuxSlots(this.aux, Math.max(famSlot, 0), f.famKey, Math.max(givenSlot, 0), f.givenSkel);
    }
    const q: DatasetColumns = {
      n: 1,
      fam: Int32Array.of(famSlot),
      given: Int32Array.of(ids.given === -2 ? d.givenKeyStr.length : ids.given),
      givenSkel: Int32Array.of(givenSlot),
      patr: Int32Array.of(ids.patr === -2 ? d.patrKeyStr.length : ids.patr),
      patrSkel: Int32Array.of(f.patrSkel === '' ? -1 : 0),
      dob: Int32Array.of(f.dob),
      sex: Int8Array.of(f.sex),
      phone: Int32Array.of(f.phone),
      tax: Int32Array.of(ids.tax === -2 ? 2 ** 30 : ids.tax),
      oblast: Int32Array.of(ids.oblast === -2 ? 2 ** 30 : ids.oblast),
    };
    const seen = new Set<number>();
    const members: number[] = [];
    this.rules.forEach((rule, r) => {
      const k = rule.key(q, 0, this.aux);
      if (k < 0) return;
      const { keys, idx } = this.keys[r]!;
      const key = k >>> 0;
      let a = lowerBound(keys, key);
      const queryOnly = rule.only?.(q, 0) ?? true;
      members.length = 0;
      for (; a < keys.length && keys[a] === key; a++) {
        const i = idx[a]!;
        if (!queryOnly && !rule.only!(d, i)) continue;
        members.push(i);
      }
      if (members.length > this.maxBlockScan) {
        const s0 = rule.secondary(q, 0);
        members.sort(
          (x, y) => Math.abs(rule.secondary(d, x) - s0) - Math.abs(rule.secondary(d, y) - s0) || x - y,
        );
        members.length = this.maxBlockScan;
      }
      for (const i of members) seen.add(i);
    });
    const out: Candidate[] = [];
    for (const j of seen) {
      const code = compareFeatures(f, ids, d, d, j);
      const famExact = code % RADIX[0]! === 1;
      const givenExact = Math.floor(code / RADIX[0]!) % RADIX[1]! === 1;
      const tfFam = famExact ? this.famTf[d.fam[j]!] : undefined;
      const tfGiven = givenExact ? this.givenTf[d.given[j]!] : undefined;
      const w = this.scorer.weight(code, tfFam ?? 0, tfGiven ?? 0);
      if (w < minWeight) continue;
      const explanation = explainPattern(this.model, code, { family: tfFam, given: tfGiven });
      out.push({
        index: j,
        id: d.ids[j]!,
        weight: explanation.total,
        probability: explanation.probability,
        decision: explanation.decision,
        explanation,
      });
    }
    out.sort((x, y) => y.weight - x.weight || x.index - y.index);
    return out.slice(0, limit);
  }
}

function lowerBound(a: Uint32Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
