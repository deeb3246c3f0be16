import type { ReviewSheet, RubricCriterion } from '@oselia/contracts';
import type { ScoreInput } from './reviewsApi.ts';

/** A criterion's score and comment as typed. */
export interface ScoreDraft {
  score: string;
  comment: string;
}

export function scoresFrom(sheet: Pick<ReviewSheet, 'scores'>): Record<string, ScoreDraft> {
  return Object.fromEntries(
    sheet.scores.map((s) => [s.criterion, { score: String(s.score), comment: s.comment }]),
  );
}

const scoreOf = (text: string | undefined) =>
  text !== undefined && /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;

/**
 * What is wrong with the scores, by `<criterion>.score` / `<criterion>.comment`, as message keys.
 * A draft may leave criteria empty; a submitted review scores every one, on its scale, with a comment.
 */
export function scoreProblems(
  criteria: readonly RubricCriterion[],
  scores: Record<string, ScoreDraft>,
  final: boolean,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of criteria) {
    const draft = scores[k.key];
    const typed = (draft?.score ?? '').trim();
    const n = scoreOf(typed);
    if (typed === '') {
      if (final) out[`${k.key}.score`] = 'grants.review.errors.scoreNeeded';
    } else if (n === null || n < k.scale.min || n > k.scale.max) {
      out[`${k.key}.score`] = 'grants.review.errors.scoreScale';
    }
    if (final && (draft?.comment ?? '').trim() === '')
      out[`${k.key}.comment`] = 'grants.review.errors.commentNeeded';
  }
  return out;
}

/** The scores to send: every criterion that has a score. */
export function scoreInputs(
  criteria: readonly RubricCriterion[],
  scores: Record<string, ScoreDraft>,
): ScoreInput[] {
  const out: ScoreInput[] = [];
  for (const k of criteria) {
    const n = scoreOf(scores[k.key]?.score);
    if (n === null) continue;
    out.push({ criterion: k.key, score: n, comment: (scores[k.key]?.comment ?? '').trim() });
  }
  return out;
}
