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
 *
 * This file holds the model and its defaults; priors are in model.priors.ts, estimation in
 * model.train.ts, pattern weights in model.score.ts, explanations and vetoes in model.explain.ts.
 */
import { NON_MATCH_PRIORS, normalised, PRIOR_M, PRIOR_U } from './model.priors.ts';

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

export const DEFAULT_LINK_THRESHOLD = 4.5;
export const DEFAULT_REVIEW_THRESHOLD = 2.5;

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
