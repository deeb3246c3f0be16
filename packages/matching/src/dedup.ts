/**
 * The deduplication pipeline over a prepared dataset: blocking → comparison patterns → EM fit →
 * scores with term-frequency adjustment → automatic links and review queue → guarded clustering.
 * The comparison phase is pluggable so a Node-only entry can run it on worker threads.
 */
import {
  type BlockingOptions,
  type CandidatePairs,
  generateCandidatePairs,
  type RuleStats,
} from './blocking.ts';
import { type ClusterOptions, clusterLinks } from './cluster.ts';
import {
  comparePair,
  comparePairs,
  F_DOB,
  F_FAMILY,
  F_PATR,
  FIELDS,
  PATTERN_COUNT,
  patternLevelTable,
  RADIX,
} from './compare.ts';
import type { Dataset } from './dataset.ts';
import { explainPattern, isConclusiveVeto, type PairExplanation, vetoReason } from './model.explain.ts';
import { PairScorer, termFrequencyAdjustments } from './model.score.ts';
import { type FitOptions, fitModel, patternHistogram } from './model.train.ts';
import type { MatchModel } from './model.ts';

export type PatternComputer = (d: Dataset, left: Int32Array, right: Int32Array) => Promise<Uint16Array>;
export type PairGenerator = (d: Dataset, opts?: BlockingOptions) => Promise<CandidatePairs>;

export const computePatternsInline: PatternComputer = async (d, left, right) => {
  const out = new Uint16Array(left.length);
  comparePairs(d, d, left, right, 0, left.length, out);
  return out;
};

export interface DedupOptions {
  blocking?: BlockingOptions;
  cluster?: ClusterOptions;
  fit?: FitOptions;
  /** Use this model instead of fitting one. */
  model?: MatchModel;
  computePatterns?: PatternComputer;
  generatePairs?: PairGenerator;
  onProgress?: (message: string) => void;
  /** Known entity of each record (benchmarks only): enables pairs completeness of blocking. */
  truth?: ArrayLike<number>;
  /** Keep every candidate pair with its pattern and weight in the result (analysis, tuning). */
  keepCandidates?: boolean;
}

export interface ReviewPair {
  a: number;
  b: number;
  weight: number;
  reason: 'between thresholds' | 'vetoed' | 'cluster guard';
}

export interface DedupStats {
  records: number;
  candidatePairs: number;
  generatedPairs: number;
  comparisonsPerRecord: number;
  rules: RuleStats[];
  autoLinks: number;
  refusedLinks: number;
  reviewPairs: number;
  reviewRecords: number;
  clusters: number;
  /** Placeholder birth dates and phones treated as missing (see Dataset.suppressed). */
  suppressed?: Dataset['suppressed'];
  /** Share of true duplicate pairs found among candidate pairs (only with truth). */
  pairsCompleteness?: number;
  truePairs?: number;
  timings: Record<string, number>;
}

export interface DedupResult {
  /** Representative record index of each record's cluster (the smallest index in the cluster). */
  clusterOf: Int32Array;
  review: ReviewPair[];
  links: { a: Int32Array; b: Int32Array; weight: Float32Array };
  model: MatchModel;
  stats: DedupStats;
  candidates?: { left: Int32Array; right: Int32Array; patterns: Uint16Array; weights: Float32Array };
  /** Explains any pair of records (by index) with the fitted model. */
  explain(i: number, j: number): PairExplanation;
}

export async function dedupe(d: Dataset, opts: DedupOptions = {}): Promise<DedupResult> {
  const progress = opts.onProgress ?? (() => {});
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };

  const pairs = opts.generatePairs
    ? await opts.generatePairs(d, opts.blocking)
    : generateCandidatePairs(d, opts.blocking);
  lap('blocking');
  progress(`blocking: ${pairs.left.length} candidate pairs (${pairs.generated} before removing repeats)`);

  const compute = opts.computePatterns ?? computePatternsInline;
  const patterns = await compute(d, pairs.left, pairs.right);
  lap('comparison');
  progress(`compared ${patterns.length} pairs`);

  const model =
    opts.model ??
    fitModel(patternHistogram(patterns), {
      randomSurnameLevels: randomPairLevels(d, F_FAMILY),
      randomPatronymicLevels: randomPairLevels(d, F_PATR),
      missingBirthDateShare: d.n < 2 ? undefined : randomPairLevels(d, F_DOB, 50_000, true)[0],
      ...opts.fit,
    });
  lap('fit');
  progress(`model fitted in ${model.iterations} EM iterations, lambda=${model.lambda.toFixed(4)}`);

  const scorer = new PairScorer(model);
  const pw = scorer.base;
  const famExact = (c: number) => c % RADIX[0]! === 1;
  const givenExact = (c: number) => Math.floor(c / RADIX[0]!) % RADIX[1]! === 1;
  let famShare = 0;
  let famAgree = 0;
  let givenShare = 0;
  let givenAgree = 0;
  for (let k = 0; k < patterns.length; k++) {
    const c = patterns[k]!;
    if (famExact(c)) {
      famShare += d.famCount[d.fam[pairs.left[k]!]!]!;
      famAgree++;
    }
    if (givenExact(c)) {
      givenShare += d.givenCount[d.given[pairs.left[k]!]!]!;
      givenAgree++;
    }
  }
  const famTf = termFrequencyAdjustments(d.famCount, model, famAgree ? famShare / famAgree / d.n : undefined);
  const givenTf = termFrequencyAdjustments(
    d.givenCount,
    model,
    givenAgree ? givenShare / givenAgree / d.n : undefined,
  );
  const table = patternLevelTable();
  const nf = FIELDS.length;
  const veto = new Uint8Array(PATTERN_COUNT);
  for (let c = 0; c < PATTERN_COUNT; c++) {
    const levels = Array.from(table.subarray(c * nf, c * nf + nf));
    const reason = vetoReason(levels);
    veto[c] = reason === undefined ? 0 : isConclusiveVeto(reason) ? 2 : 1;
  }

  const np = patterns.length;
  const linkA: number[] = [];
  const linkB: number[] = [];
  const linkW: number[] = [];
  const candidates: ReviewPair[] = [];
  const { linkThreshold, reviewThreshold } = model;
  const kept = opts.keepCandidates ? new Float32Array(np) : undefined;
  for (let k = 0; k < np; k++) {
    const c = patterns[k]!;
    let w = pw[c]!;
    if (!kept && w + 2 * model.tfMaxBonus < reviewThreshold) continue;
    const i = pairs.left[k]!;
    const j = pairs.right[k]!;
    const fe = famExact(c);
    const ge = givenExact(c);
    if (fe || ge) w = scorer.weight(c, fe ? famTf[d.fam[i]!]! : 0, ge ? givenTf[d.given[i]!]! : 0);
    if (kept) kept[k] = w;
    if (w < reviewThreshold || veto[c] === 2) continue;
    if (w >= linkThreshold && veto[c] === 0) {
      linkA.push(i);
      linkB.push(j);
      linkW.push(w);
    } else {
      candidates.push({
        a: i,
        b: j,
        weight: w,
        reason: w >= linkThreshold ? 'vetoed' : 'between thresholds',
      });
    }
  }
  lap('scoring');

  const la = Int32Array.from(linkA);
  const lb = Int32Array.from(linkB);
  const lw = Float32Array.from(linkW);
  const cl = clusterLinks(d.n, la, lb, lw, opts.cluster);
  // Representative: smallest record index of each cluster.
  const minOf = new Int32Array(d.n).fill(-1);
  for (let i = 0; i < d.n; i++) {
    const r = cl.clusterOf[i]!;
    if (minOf[r] === -1) minOf[r] = i;
  }
  const clusterOf = new Int32Array(d.n);
  let clusters = 0;
  for (let i = 0; i < d.n; i++) {
    clusterOf[i] = minOf[cl.clusterOf[i]!]!;
    if (clusterOf[i] === i) clusters++;
  }
  for (const k of cl.refused)
    candidates.push({ a: la[k]!, b: lb[k]!, weight: lw[k]!, reason: 'cluster guard' });
  const review = candidates.filter((p) => clusterOf[p.a] !== clusterOf[p.b]);
  const reviewSet = new Uint8Array(d.n);
  let reviewRecords = 0;
  for (const p of review) {
    if (!reviewSet[p.a]) {
      reviewSet[p.a] = 1;
      reviewRecords++;
    }
    if (!reviewSet[p.b]) {
      reviewSet[p.b] = 1;
      reviewRecords++;
    }
  }
  lap('clustering');

  const stats: DedupStats = {
    records: d.n,
    candidatePairs: np,
    generatedPairs: pairs.generated,
    comparisonsPerRecord: d.n === 0 ? 0 : np / d.n,
    rules: pairs.stats,
    autoLinks: la.length,
    refusedLinks: cl.refused.length,
    reviewPairs: review.length,
    reviewRecords,
    clusters,
    timings,
    suppressed: d.suppressed,
  };
  if (opts.truth) {
    const pc = pairsCompleteness(opts.truth, pairs.left, pairs.right);
    stats.pairsCompleteness = pc.completeness;
    stats.truePairs = pc.truePairs;
  }
  return {
    ...(kept ? { candidates: { left: pairs.left, right: pairs.right, patterns, weights: kept } } : {}),
    clusterOf,
    review,
    links: { a: la, b: lb, weight: lw },
    model,
    stats,
    explain: (i, j) => {
      const c = computeOne(d, i, j);
      return explainPattern(model, c, {
        family: famExact(c) ? famTf[d.fam[i]!] : undefined,
        given: givenExact(c) ? givenTf[d.given[i]!] : undefined,
      });
    },
  };
}

/**
 * Distribution of the levels of one field over random pairs of records (deterministic sample): how
 * often strangers agree by chance.
 */
export function randomPairLevels(
  d: Dataset,
  field: number,
  samples = 50_000,
  includeMissing = false,
): number[] {
  const counts = new Array<number>(FIELDS[field]!.levels.length).fill(0);
  if (d.n < 2) return counts;
  let x = 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % d.n;
  };
  let divisor = 1;
  for (let f = 0; f < field; f++) divisor *= RADIX[f]!;
  let total = 0;
  for (let k = 0; k < samples; k++) {
    const i = next();
    const j = next();
    if (i === j) continue;
    const l = Math.floor(comparePair(d, d, i, j) / divisor) % RADIX[field]!;
    counts[l]!++;
    if (l > 0 || includeMissing) total++;
  }
  return counts.map((c, l) => ((l === 0 && !includeMissing) || total === 0 ? 0 : c / total));
}

function computeOne(d: Dataset, i: number, j: number): number {
  const out = new Uint16Array(1);
  comparePairs(d, d, Int32Array.of(i), Int32Array.of(j), 0, 1, out);
  return out[0]!;
}

/** Share of true duplicate pairs (same truth value) present among the candidate pairs. */
export function pairsCompleteness(
  truth: ArrayLike<number>,
  left: Int32Array,
  right: Int32Array,
): { completeness: number; truePairs: number; found: number } {
  const count = new Map<number, number>();
  for (let i = 0; i < truth.length; i++) count.set(truth[i]!, (count.get(truth[i]!) ?? 0) + 1);
  let truePairs = 0;
  for (const c of count.values()) truePairs += (c * (c - 1)) / 2;
  let found = 0;
  for (let k = 0; k < left.length; k++) if (truth[left[k]!] === truth[right[k]!]) found++;
  return { completeness: truePairs === 0 ? 1 : found / truePairs, truePairs, found };
}
