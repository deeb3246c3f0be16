/** Estimating the match model from the candidate pairs' comparison patterns (see model.ts). */
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
import { NON_MATCH_PRIORS, normalised, PRIOR_M } from './model.priors.ts';
import { defaultModel, type MatchModel } from './model.ts';

/** Share of true duplicates whose given names are wholly different (fixed, see fitModel). */
const MATCH_GIVEN_DIFFERENT = 0.003;
/** Share of true duplicates whose patronymics are wholly different (fixed, see fitModel). */
const MATCH_PATRONYMIC_DIFFERENT = 0.02;
/** Share of true duplicates whose birth years are 12 or more years apart (fixed, see fitModel). */
const MATCH_GENERATION_APART = 0.002;

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
