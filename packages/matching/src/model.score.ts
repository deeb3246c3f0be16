/** Match weights of comparison patterns under a fitted model, with term-frequency terms. */
import { FIELDS, FIRST_LEVEL, PATTERN_COUNT, patternLevelTable } from './compare.ts';
import type { MatchModel } from './model.ts';

/** Marginal per-field weights log2(m/u) (0 for missing): a summary, not the pair score. */
export function fieldWeights(model: MatchModel): number[][] {
  return FIELDS.map((f, fi) =>
    f.levels.map((_, l) => (l < FIRST_LEVEL[fi]! ? 0 : Math.log2(model.m[fi]![l]! / model.u[fi]![l]!))),
  );
}

export function priorWeight(model: MatchModel): number {
  return Math.log2(model.lambda / (1 - model.lambda));
}

/**
 * Sequential decomposition of a pattern's match weight: field f adds
 * log2 P(level_f | earlier fields, match) / P(level_f | earlier fields, non-match); they sum with the
 * prior to the exact posterior log-odds.
 */
export function patternContributions(model: MatchModel, levels: readonly number[]): number[] {
  const K = model.nonMatch.length;
  const post = model.nonMatch.map((c) => c.share);
  const out: number[] = [];
  for (let f = 0; f < FIELDS.length; f++) {
    const l = levels[f]!;
    if (l < FIRST_LEVEL[f]!) {
      out.push(0);
      continue;
    }
    let z = 0;
    for (let k = 0; k < K; k++) z += post[k]!;
    let pu = 0;
    for (let k = 0; k < K; k++) pu += (post[k]! / z) * model.nonMatch[k]!.theta[f]![l]!;
    out.push(Math.log2(model.m[f]![l]! / pu));
    for (let k = 0; k < K; k++) post[k] = post[k]! * model.nonMatch[k]!.theta[f]![l]!;
  }
  return out;
}

/** Weight of every pattern, including the prior (no term-frequency part). */
export function patternWeights(model: MatchModel): Float32Array {
  const prior = priorWeight(model);
  const nf = FIELDS.length;
  const table = patternLevelTable();
  const out = new Float32Array(PATTERN_COUNT);
  const levels = new Array<number>(nf);
  for (let c = 0; c < PATTERN_COUNT; c++) {
    for (let f = 0; f < nf; f++) levels[f] = table[c * nf + f]!;
    let s = prior;
    for (const w of patternContributions(model, levels)) s += w;
    out[c] = s;
  }
  return out;
}

/** log2 of λ·P(pattern | match) and of (1-λ)·share_k·P(pattern | class k), for one pattern. */
export function classLogs(
  model: MatchModel,
  levels: ArrayLike<number>,
): { match: number; classes: number[] } {
  let match = Math.log2(model.lambda);
  const classes = model.nonMatch.map((c) => Math.log2((1 - model.lambda) * c.share));
  for (let f = 0; f < FIELDS.length; f++) {
    const l = levels[f]!;
    if (l < FIRST_LEVEL[f]!) continue;
    match += Math.log2(model.m[f]![l]!);
    model.nonMatch.forEach((c, k) => {
      classes[k]! += Math.log2(c.theta[f]![l]!);
    });
  }
  return { match, classes };
}

/**
 * Scores patterns with term-frequency terms. A non-match agrees on a name by coincidence in
 * proportion to the name's frequency, so each coincidence class is scaled by 2^-adjustment; kin
 * classes are not scaled for the surname (a household shares it whatever its frequency).
 */
export class PairScorer {
  readonly base: Float32Array;
  private readonly logMatch: Float32Array;
  private readonly logClass: Float32Array[];
  private readonly kin: boolean[];

  constructor(readonly model: MatchModel) {
    this.base = patternWeights(model);
    const nf = FIELDS.length;
    const table = patternLevelTable();
    this.logMatch = new Float32Array(PATTERN_COUNT);
    this.logClass = model.nonMatch.map(() => new Float32Array(PATTERN_COUNT));
    this.kin = model.nonMatch.map((c) => c.kin === true);
    for (let c = 0; c < PATTERN_COUNT; c++) {
      const l = classLogs(model, table.subarray(c * nf, c * nf + nf));
      this.logMatch[c] = l.match;
      l.classes.forEach((v, k) => {
        this.logClass[k]![c] = v;
      });
    }
  }

  /** Match weight of a pattern given the term-frequency adjustments of the agreeing names. */
  weight(code: number, famAdj = 0, givenAdj = 0): number {
    if (famAdj === 0 && givenAdj === 0) return this.base[code]!;
    let z = 0;
    for (let k = 0; k < this.logClass.length; k++) {
      z += 2 ** (this.logClass[k]![code]! - (this.kin[k] ? 0 : famAdj) - givenAdj);
    }
    return this.logMatch[code]! - Math.log2(z);
  }
}

/**
 * Term-frequency adjustment table: log2(E[p] / p_v), where p_v is the share of records
 * with value v and E[p] the mean share of the agreed value over the candidate pairs that agree. A
 * non-match agrees on a value by coincidence in proportion to its frequency, so every non-match class
 * scales by p_v / E[p] and the posterior log-odds shift by this amount: common names count for less.
 */
export function termFrequencyAdjustments(
  counts: Int32Array,
  model: MatchModel,
  /** Mean share of the agreed value over candidate pairs agreeing exactly; default: Σp². */
  meanShare?: number,
): Float32Array {
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i]!;
  const out = new Float32Array(counts.length);
  if (n === 0) return out;
  let ref = meanShare;
  if (ref === undefined || !(ref > 0)) {
    ref = 0;
    for (let i = 0; i < counts.length; i++) ref += (counts[i]! / n) ** 2;
  }
  for (let i = 0; i < counts.length; i++) {
    const p = counts[i]! / n;
    if (p === 0) continue;
    const adj = Math.log2(ref / p);
    out[i] = Math.max(-model.tfMaxPenalty, Math.min(model.tfMaxBonus, adj));
  }
  return out;
}
