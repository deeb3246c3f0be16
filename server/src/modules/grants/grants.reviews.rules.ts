import type { ScoringRubric } from '@oselia/contracts';

/**
 * Scoring rules, pure. A reviewer gives each rubric criterion a whole score on its scale; the
 * weighted total puts every criterion on 0–100 % of its scale and weighs it, so calls with
 * different scales compare, and a total reads as "share of the best possible application".
 */

export interface CriterionScore {
  criterion: string;
  score: number;
  comment: string;
}

/**
 * Strong disagreement: the reviewers' weighted totals lie more than this many points apart on
 * the 0–100 scale (a quarter of the scale). Two reviewers who put one application at 40 % and
 * at 70 % disagree about more than detail; the committee should read both before deciding.
 */
export const STRONG_DISAGREEMENT_SPREAD = 25;

export interface ScoreProblem {
  field: string;
  message: string;
}

/** Every criterion scored once, a whole number on its scale, with a comment; nothing else. */
export function checkScores(
  rubric: ScoringRubric,
  scores: readonly CriterionScore[],
  opts: { complete: boolean },
): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const byKey = new Map(rubric.criteria.map((c) => [c.key, c]));
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    const c = byKey.get(s.criterion);
    if (!c) {
      problems.push({
        field: `scores.${i}.criterion`,
        message: `no criterion "${s.criterion}" in this call's rubric`,
      });
      return;
    }
    if (seen.has(s.criterion)) problems.push({ field: `scores.${i}.criterion`, message: 'scored twice' });
    seen.add(s.criterion);
    if (!Number.isInteger(s.score) || s.score < c.scale.min || s.score > c.scale.max) {
      problems.push({
        field: `scores.${i}.score`,
        message: `a whole number from ${c.scale.min} to ${c.scale.max}`,
      });
    }
    if (opts.complete && s.comment.trim() === '')
      problems.push({ field: `scores.${i}.comment`, message: 'say why, in a sentence' });
  });
  if (opts.complete) {
    for (const c of rubric.criteria) {
      if (!seen.has(c.key)) problems.push({ field: 'scores', message: `"${c.key}" is not scored yet` });
    }
  }
  return problems;
}

/**
 * The weighted total of complete scores, 0–100: each score as a share of its scale, weighted.
 * Rounded to 0.01 so the same scores always give the same stored total.
 */
export function weightedTotal(
  rubric: ScoringRubric,
  scores: readonly Pick<CriterionScore, 'criterion' | 'score'>[],
) {
  const byKey = new Map(scores.map((s) => [s.criterion, s.score]));
  let weights = 0;
  let sum = 0;
  for (const c of rubric.criteria) {
    const score = byKey.get(c.key);
    if (score === undefined) throw new Error(`criterion ${c.key} has no score`);
    weights += c.weight;
    sum += (c.weight * (score - c.scale.min)) / (c.scale.max - c.scale.min);
  }
  if (weights === 0) return 0;
  return Math.round((sum / weights) * 100 * 100) / 100;
}

export interface Agreement {
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** max − min, in points of the 0–100 scale; 0 with fewer than two reviews. */
  spread: number;
  strongDisagreement: boolean;
}

/** How far the reviewers of one application agree; strong disagreement as defined above. */
export function agreementOf(totals: readonly number[]): Agreement {
  if (totals.length === 0)
    return { count: 0, mean: null, min: null, max: null, spread: 0, strongDisagreement: false };
  const min = Math.min(...totals);
  const max = Math.max(...totals);
  // Summed in sorted order, so the same totals give the same mean whatever order they came in.
  const mean = [...totals].sort((a, b) => a - b).reduce((a, b) => a + b, 0) / totals.length;
  const spread = Math.round((max - min) * 100) / 100;
  return {
    count: totals.length,
    mean: Math.round(mean * 100) / 100,
    min,
    max,
    spread,
    strongDisagreement: totals.length >= 2 && spread > STRONG_DISAGREEMENT_SPREAD,
  };
}

/**
 * Ranks by mean weighted total, best first; equal means share a rank ("1, 2, 2, 4"), and the
 * order among them follows the key (a reference code), so a ranking never shuffles.
 * Unscored entries come last, unranked.
 */
export function rankByMean<T extends { key: string; mean: number | null }>(entries: readonly T[]) {
  const sorted = [...entries].sort((a, b) => {
    if (a.mean === null || b.mean === null)
      return a.mean === b.mean ? cmp(a.key, b.key) : a.mean === null ? 1 : -1;
    return b.mean - a.mean || cmp(a.key, b.key);
  });
  let rank = 0;
  return sorted.map((e, i) => {
    if (e.mean === null) return { ...e, rank: null };
    if (i === 0 || sorted[i - 1]!.mean !== e.mean) rank = i + 1;
    return { ...e, rank };
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
