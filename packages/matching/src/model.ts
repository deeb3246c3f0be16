/**
 * Fellegi–Sunter scoring. m (agreement level given a match) and u (given a non-match) are estimated
 * by expectation–maximisation over the comparison patterns of the candidate pairs, held as a
 * histogram so an iteration costs one pass over the distinct patterns, not over the pairs. Priors act
 * as pseudo-counts, so tiny inputs fall back to sensible values.
 *
 * Non-matches among candidate pairs are a mixture of two kinds whose field agreements are strongly
 * dependent (household members; look-alikes such as namesakes), so the non-match distribution is a
 * mixture of two classes, each with independent fields, while matches are one class (Winkler's
 * three-class model for household data). A pair's score is its match weight: log2 of the posterior
 * odds of match, plus term-frequency terms. Explanations split it exactly into per-field log2 Bayes
 * factors taken in field order (the factor of a field given the fields before it).
 */
import {
  F_DOB,
  F_FAMILY,
  F_GIVEN,
  F_PATR,
  FIELDS,
  FIRST_LEVEL,
  PATTERN_COUNT,
  patternLevelTable,
} from './compare.ts';

export interface MatchModel {
  /** Share of matches among candidate pairs. */
  lambda: number;
  /** m[field][level], u[field][level]; level 0 (missing) is unused. u is the non-match mixture's marginal. */
  m: number[][];
  u: number[][];
  /**
   * Non-match classes: share among non-matches and level probabilities. A kin class (household) agrees
   * on the surname by kinship, not by coincidence, so surname frequency does not scale it.
   */
  nonMatch: Array<{ share: number; theta: number[][]; kin?: boolean }>;
  /** Match weight at or above which a pair is linked automatically. */
  linkThreshold: number;
  /** Match weight at or above which an unlinked pair is sent for review. */
  reviewThreshold: number;
  /** Bounds of the term-frequency adjustment, in bits. */
  tfMaxBonus: number;
  tfMaxPenalty: number;
  iterations: number;
}

const PRIOR_M: number[][] = [
  [0, 0.85, 0.07, 0.04, 0.04],
  [0, 0.88, 0.05, 0.03, 0.04],
  [0, 0.85, 0.07, 0.08],
  [0.03, 0.85, 0.04, 0.04, 0.02, 0.045, 0.005],
  [0, 0.65, 0.35],
  [0, 0.97, 0.03],
  [0, 0.98, 0.02],
  [0, 0.85, 0.15],
];

const PRIOR_U: number[][] = [
  [0, 0.3, 0.05, 0.05, 0.6],
  [0, 0.2, 0.05, 0.05, 0.7],
  [0, 0.2, 0.1, 0.7],
  [0.05, 0.1, 0.002, 0.02, 0.01, 0.568, 0.3],
  [0, 0.15, 0.85],
  [0, 0.005, 0.995],
  [0, 0.55, 0.45],
  [0, 0.4, 0.6],
];

/**
 * Non-match classes met among candidate pairs, each defined by what it cannot share with a match:
 * household members (different given name and birth date, shared surname, phone, oblast), namesakes
 * (same names, different birth date), birthday look-alikes (same birth date, different names). The
 * defining fields are anchored (strong pseudo-counts) so the classes keep their meaning; the rest is
 * learnt from the data.
 */
interface ClassPrior {
  name: string;
  theta: number[][];
  /** Fields whose level distribution is anchored to the prior. */
  anchored: readonly number[];
  share: number;
  kin?: boolean;
}

const NON_MATCH_PRIORS: readonly ClassPrior[] = [
  {
    name: 'household',
    theta: [
      [0, 0.8, 0.05, 0.03, 0.12],
      [0, 0.02, 0.01, 0.01, 0.96],
      [0, 0.4, 0.02, 0.58],
      [0.04, 0.03, 0.001, 0.01, 0.005, 0.554, 0.4],
      [0, 0.7, 0.3],
      [0, 0.001, 0.999],
      [0, 0.5, 0.5],
      [0, 0.95, 0.05],
    ],
    anchored: [1],
    share: 0.45,
    kin: true,
  },
  {
    name: 'namesake',
    theta: [
      [0, 0.75, 0.05, 0.05, 0.15],
      [0, 0.8, 0.05, 0.05, 0.1],
      [0, 0.3, 0.05, 0.65],
      [0.1, 0.001, 0.0005, 0.005, 0.003, 0.6905, 0.3],
      [0, 0.01, 0.99],
      [0, 0.001, 0.999],
      [0, 0.9, 0.1],
      [0, 0.2, 0.8],
    ],
    anchored: [2, 3],
    share: 0.3,
  },
  {
    name: 'birthday',
    theta: [
      [0, 0.003, 0.007, 0.02, 0.97],
      [0, 0.3, 0.05, 0.05, 0.6],
      [0, 0.1, 0.05, 0.85],
      [0.0005, 0.8, 0.01, 0.1, 0.05, 0.03, 0.01],
      [0, 0.01, 0.99],
      [0, 0.001, 0.999],
      [0, 0.6, 0.4],
      [0, 0.2, 0.8],
    ],
    anchored: [0],
    share: 0.25,
  },
];

/** Share of true duplicates whose given names are wholly different (fixed, see fitModel). */
const MATCH_GIVEN_DIFFERENT = 0.003;
/** Share of true duplicates whose patronymics are wholly different (fixed, see fitModel). */
const MATCH_PATRONYMIC_DIFFERENT = 0.02;
/** Share of true duplicates whose birth years are 12 or more years apart (fixed, see fitModel). */
const MATCH_GENERATION_APART = 0.002;

export const DEFAULT_LINK_THRESHOLD = 4.5;
export const DEFAULT_REVIEW_THRESHOLD = 2.5;

/** Copy of per-field level distributions, each normalised over the levels that carry evidence. */
function normalised(rows: number[][]): number[][] {
  return rows.map((r, f) => {
    const first = FIRST_LEVEL[f]!;
    const sum = r.reduce((a, b, l) => (l < first ? a : a + b), 0);
    return r.map((v, l) => (l < first ? 0 : v / sum));
  });
}

export function defaultModel(): MatchModel {
  return {
    lambda: 0.25,
    m: normalised(PRIOR_M),
    u: normalised(PRIOR_U),
    nonMatch: NON_MATCH_PRIORS.map((c) => ({
      share: c.share,
      theta: normalised(c.theta),
      ...(c.kin ? { kin: true } : {}),
    })),
    linkThreshold: DEFAULT_LINK_THRESHOLD,
    reviewThreshold: DEFAULT_REVIEW_THRESHOLD,
    tfMaxBonus: 3,
    tfMaxPenalty: 3,
    iterations: 0,
  };
}

export interface FitOptions {
  maxIterations?: number;
  /** Weight of the priors, in pseudo-pairs. */
  priorStrength?: number;
  /** Weight of the anchored fields of non-match classes, as a share of the class's pairs. */
  anchorStrength?: number;
  /** Share of each surname level among random pairs of records (see randomPairLevels). */
  randomSurnameLevels?: number[] | undefined;
  /** Share of each patronymic level among random pairs of records. */
  randomPatronymicLevels?: number[] | undefined;
  /**
   * Share of random pairs of records where a birth date is missing. Whether a date was recorded does
   * not depend on whether two records are the same person, so this is the match class's share too.
   */
  missingBirthDateShare?: number | undefined;
  linkThreshold?: number;
  reviewThreshold?: number;
}

/** Histogram of patterns. */
export function patternHistogram(patterns: Uint16Array): Float64Array {
  const h = new Float64Array(PATTERN_COUNT);
  for (let k = 0; k < patterns.length; k++) h[patterns[k]!]!++;
  return h;
}

/**
 * Estimates m, u and lambda by EM over the pattern histogram of the candidate pairs.
 *
 * Candidate pairs hold two kinds of non-matches whose agreements are strongly dependent: members of
 * one household (blocked together by phone) and look-alikes (blocked by name and birth date). A
 * two-class model then tends to split "household" from "same name" instead of match from non-match.
 * So the latent model has three classes (match, related non-match, other non-match), as in Winkler's
 * household matching; u is the mixture of the two non-match classes, which keeps weights additive
 * and explainable.
 */
export function fitModel(hist: Float64Array, opts: FitOptions = {}): MatchModel {
  const model = defaultModel();
  if (opts.linkThreshold !== undefined) model.linkThreshold = opts.linkThreshold;
  if (opts.reviewThreshold !== undefined) model.reviewThreshold = opts.reviewThreshold;
  const kappa = opts.priorStrength ?? 200;
  const maxIt = opts.maxIterations ?? 100;
  const nf = FIELDS.length;
  const table = patternLevelTable();
  const codes: number[] = [];
  let total = 0;
  for (let c = 0; c < hist.length; c++) {
    if (hist[c]! > 0) {
      codes.push(c);
      total += hist[c]!;
    }
  }
  if (total === 0) return model;
  const priors = [PRIOR_M, ...NON_MATCH_PRIORS.map((c) => c.theta.map((r) => [...r]))];
  if (opts.randomSurnameLevels) {
    // Birthday look-alikes are strangers born the same day: their surnames agree as often as those
    // of any two records, which random pairs of the data measure.
    const b = NON_MATCH_PRIORS.findIndex((c) => c.name === 'birthday') + 1;
    priors[b]![F_FAMILY] = opts.randomSurnameLevels.map((v, l) => (l === 0 ? 0 : Math.max(v, 1e-4)));
  }
  if (opts.randomPatronymicLevels) {
    // Namesakes are strangers with the same name: their fathers' names agree by chance.
    const k = NON_MATCH_PRIORS.findIndex((c) => c.name === 'namesake') + 1;
    priors[k]![F_PATR] = opts.randomPatronymicLevels.map((v, l) => (l === 0 ? 0 : Math.max(v, 1e-4)));
  }
  const anchorStrength = opts.anchorStrength ?? 5;
  const K = priors.length;
  const theta = priors.map((p, k) => (k === 0 ? p.map((r) => [...r]) : normalised(p)));
  let pi = [0.25, ...NON_MATCH_PRIORS.map((c) => 0.75 * c.share)];
  const acc = priors.map(() => FIELDS.map((f) => new Float64Array(f.levels.length)));
  const post = new Float64Array(K);
  let it = 0;
  for (; it < maxIt; it++) {
    for (const a of acc) for (const row of a) row.fill(0);
    const sumW = new Float64Array(K);
    for (const c of codes) {
      let z = 0;
      for (let k = 0; k < K; k++) {
        let p = pi[k]!;
        const th = theta[k]!;
        for (let f = 0; f < nf; f++) {
          const l = table[c * nf + f]!;
          if (l >= FIRST_LEVEL[f]!) p *= th[f]![l]!;
        }
        post[k] = p;
        z += p;
      }
      const cnt = hist[c]!;
      for (let k = 0; k < K; k++) {
        const w = (post[k]! / z) * cnt;
        sumW[k]! += w;
        const ak = acc[k]!;
        for (let f = 0; f < nf; f++) {
          const l = table[c * nf + f]!;
          if (l >= FIRST_LEVEL[f]!) ak[f]![l]! += w;
        }
      }
    }
    let delta = 0;
    const newPi = Array.from(sumW, (w) => Math.max(1e-6, w / total));
    for (let k = 0; k < K; k++) delta = Math.max(delta, Math.abs(newPi[k]! - pi[k]!));
    pi = newPi;
    for (let k = 0; k < K; k++) {
      for (let f = 0; f < nf; f++) {
        const L = FIELDS[f]!.levels.length;
        let sum = 0;
        const first = FIRST_LEVEL[f]!;
        let priorSum = 0;
        for (let l = first; l < L; l++) {
          sum += acc[k]![f]![l]!;
          priorSum += priors[k]![f]![l]!;
        }
        const anchored = k > 0 && NON_MATCH_PRIORS[k - 1]!.anchored.includes(f);
        const strength = anchored ? Math.max(kappa, anchorStrength * total * pi[k]!) : kappa;
        for (let l = first; l < L; l++) {
          const prior = priors[k]![f]![l]! / priorSum;
          const v = Math.max(1e-6, (acc[k]![f]![l]! + strength * prior) / (sum + strength));
          delta = Math.max(delta, Math.abs(v - theta[k]![f]![l]!));
          theta[k]![f]![l] = v;
        }
      }
    }
    // A true duplicate whose given names are wholly different is rare, but in the data it is confounded
    // with twins (same surname, patronymic, birth date); the share is fixed rather than learnt.
    const mg = theta[0]![F_GIVEN]!;
    const rest = mg.reduce((a, b, l) => (l === 0 || l === 4 ? a : a + b), 0);
    for (let l = 1; l < 4; l++) mg[l] = (mg[l]! / rest) * (1 - MATCH_GIVEN_DIFFERENT);
    mg[4] = MATCH_GIVEN_DIFFERENT;
    // Two records of one person rarely carry two different fathers' names.
    const mp = theta[0]![F_PATR]!;
    const restP = mp[1]! + mp[2]!;
    mp[1] = (mp[1]! / restP) * (1 - MATCH_PATRONYMIC_DIFFERENT);
    mp[2] = (mp[2]! / restP) * (1 - MATCH_PATRONYMIC_DIFFERENT);
    mp[3] = MATCH_PATRONYMIC_DIFFERENT;
    // Likewise a duplicate whose birth years are a generation apart is confounded with a parent and a
    // child of the same name.
    const md = theta[0]![F_DOB]!;
    const missing = opts.missingBirthDateShare;
    const fixed = MATCH_GENERATION_APART + (missing ?? 0);
    const restD = md.reduce((a, b, l) => (l === 6 || (l === 0 && missing !== undefined) ? a : a + b), 0);
    for (let l = missing === undefined ? 0 : 1; l < 6; l++) md[l] = (md[l]! / restD) * (1 - fixed);
    md[6] = MATCH_GENERATION_APART;
    if (missing !== undefined) md[0] = Math.min(0.99, Math.max(1e-4, missing));
    if (delta < 1e-6) break;
  }
  const nonMatch = 1 - pi[0]!;
  for (let f = 0; f < nf; f++) {
    const L = FIELDS[f]!.levels.length;
    for (let l = FIRST_LEVEL[f]!; l < L; l++) {
      model.m[f]![l] = theta[0]![f]![l]!;
      let u = 0;
      for (let k = 1; k < K; k++) u += pi[k]! * theta[k]![f]![l]!;
      model.u[f]![l] = u / nonMatch;
    }
  }
  model.nonMatch = theta.slice(1).map((t, k) => ({
    share: pi[k + 1]! / nonMatch,
    theta: t,
    ...(NON_MATCH_PRIORS[k]!.kin ? { kin: true } : {}),
  }));
  model.lambda = pi[0]!;
  model.iterations = it;
  return model;
}

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

function weightWithTf(
  model: MatchModel,
  levels: ArrayLike<number>,
  famAdj: number,
  givenAdj: number,
): number {
  const l = classLogs(model, levels);
  let z = 0;
  model.nonMatch.forEach((c, k) => {
    z += 2 ** (l.classes[k]! - (c.kin ? 0 : famAdj) - givenAdj);
  });
  return l.match - Math.log2(z);
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

export interface FieldExplanation {
  field: string;
  level: number;
  label: string;
  /** log2 Bayes factor added by this field (including its term-frequency part). */
  weight: number;
  /** Term-frequency part of the weight (exact name agreement only). */
  tfAdjustment?: number;
}

export interface PairExplanation {
  prior: number;
  fields: FieldExplanation[];
  /** Match weight: prior + Σ field weights. */
  total: number;
  probability: number;
  decision: 'link' | 'review' | 'distinct';
  /** Why an automatic link was refused, if it was. */
  veto?: string;
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/**
 * Safety rule on top of the weights: without an equal identifier, two records whose given names
 * disagree (twins, siblings sharing birth date, phone and surname) are never linked automatically.
 */
export function vetoReason(levels: readonly number[]): string | undefined {
  if (levels[F_GIVEN] === 4 && levels[5] !== 1) return 'given names differ';
  if (levels[F_DOB] === 6 && levels[5] !== 1) return GENERATION_APART;
  if (levels[F_FAMILY] === 4 && levels[5] !== 1 && levels[F_GIVEN] !== 1)
    return 'surname and given name differ';
  return undefined;
}

const GENERATION_APART = 'born 12 or more years apart';

/**
 * Vetoes that settle the question: a parent and a child sharing a name are different people, so such
 * pairs need no review either.
 */
export function isConclusiveVeto(reason: string | undefined): boolean {
  return reason === GENERATION_APART;
}

export function explainPattern(
  model: MatchModel,
  code: number,
  tf: { family?: number; given?: number } = {},
): PairExplanation {
  const prior = priorWeight(model);
  const nf = FIELDS.length;
  const table = patternLevelTable();
  const levels = Array.from(table.subarray(code * nf, code * nf + nf));
  const contrib = patternContributions(model, levels);
  const fields: FieldExplanation[] = [];
  let total = prior;
  const famAdj = levels[F_FAMILY] === 1 ? (tf.family ?? 0) : 0;
  const givenAdj = levels[F_GIVEN] === 1 ? (tf.given ?? 0) : 0;
  let tfFam = 0;
  let tfGiven = 0;
  if (famAdj !== 0 || givenAdj !== 0) {
    const none = weightWithTf(model, levels, 0, 0);
    const famOnly = weightWithTf(model, levels, famAdj, 0);
    tfFam = famOnly - none;
    tfGiven = weightWithTf(model, levels, famAdj, givenAdj) - famOnly;
  }
  for (let f = 0; f < nf; f++) {
    const l = levels[f]!;
    let weight = contrib[f]!;
    const e: FieldExplanation = { field: FIELDS[f]!.name, level: l, label: FIELDS[f]!.levels[l]!, weight };
    const adj = f === F_FAMILY ? tfFam : f === F_GIVEN ? tfGiven : 0;
    if (adj !== 0) {
      weight += adj;
      e.weight = weight;
      e.tfAdjustment = adj;
    }
    total += weight;
    fields.push(e);
  }
  const veto = vetoReason(levels);
  let decision: PairExplanation['decision'] =
    total >= model.linkThreshold ? 'link' : total >= model.reviewThreshold ? 'review' : 'distinct';
  if (veto && isConclusiveVeto(veto)) decision = 'distinct';
  else if (decision === 'link' && veto) decision = 'review';
  const out: PairExplanation = { prior, fields, total, probability: probabilityOf(total), decision };
  if (veto && total >= (isConclusiveVeto(veto) ? model.reviewThreshold : model.linkThreshold))
    out.veto = veto;
  return out;
}
