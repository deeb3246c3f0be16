import type { TestQuestion } from '@oselia/contracts';

export type Picks = Record<string, string[]>;

export const maxScoreOf = (questions: readonly Pick<TestQuestion, 'points'>[]) =>
  questions.reduce((s, q) => s + q.points, 0);

/**
 * A participant's score: a question gives its points when exactly the right choices were picked
 * (all of them, no other); an unanswered question gives none.
 */
export function scoreAnswers(questions: readonly TestQuestion[], picks: Picks) {
  let score = 0;
  for (const q of questions) {
    const chosen = new Set(picks[q.id] ?? []);
    const right = new Set(q.correct);
    if (chosen.size === right.size && [...right].every((c) => chosen.has(c))) score += q.points;
  }
  return { score, maxScore: maxScoreOf(questions) };
}

/** Problems with a test definition: duplicate ids, a key naming a choice that is not there. */
export function testProblems(questions: readonly TestQuestion[]): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const ids = new Set<string>();
  questions.forEach((q, i) => {
    if (ids.has(q.id))
      problems.push({ field: `questions.${i}.id`, message: `question id ${q.id} is used twice` });
    ids.add(q.id);
    const choices = new Set<string>();
    for (const c of q.choices) {
      if (choices.has(c.id))
        problems.push({ field: `questions.${i}.choices`, message: `choice id ${c.id} is used twice` });
      choices.add(c.id);
    }
    for (const c of q.correct)
      if (!choices.has(c))
        problems.push({
          field: `questions.${i}.correct`,
          message: `the key names ${c}, which is not a choice`,
        });
  });
  return problems;
}

/** Picks naming questions or choices the test does not have. */
export function picksProblems(questions: readonly TestQuestion[], picks: Picks): string[] {
  const byId = new Map(questions.map((q) => [q.id, new Set(q.choices.map((c) => c.id))]));
  const problems: string[] = [];
  for (const [qid, chosen] of Object.entries(picks)) {
    const choices = byId.get(qid);
    if (!choices) problems.push(`no question ${qid}`);
    else for (const c of chosen) if (!choices.has(c)) problems.push(`question ${qid} has no choice ${c}`);
  }
  return problems;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export interface Scored {
  score: number;
  maxScore: number;
}

/** A score as a percentage of its test's maximum. */
export const percentOf = (s: Scored) => (s.score * 100) / s.maxScore;

/**
 * Knowledge gain of one participant: `gain` in percentage points (post − pre) and the normalised
 * gain (post − pre) / (100 − pre), the share of what there was left to learn that was learned
 * (Hake). Percentages, so a pre and a post test of different lengths compare. Null until both are
 * scored; the normalised gain is also null when the pre test was already perfect.
 */
export function knowledgeGain(pre: Scored | null, post: Scored | null) {
  if (!pre || !post) return { gain: null, normalisedGain: null };
  const p = percentOf(pre);
  const q = percentOf(post);
  return { gain: round(q - p, 1), normalisedGain: p >= 100 ? null : round((q - p) / (100 - p), 3) };
}

const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

/** Per event: means over the participants with both tests scored, and the share who improved. */
export function eventKnowledge(rows: readonly { pre: Scored | null; post: Scored | null }[]) {
  const both = rows.filter((r) => r.pre && r.post) as { pre: Scored; post: Scored }[];
  const pre = both.map((r) => percentOf(r.pre));
  const post = both.map((r) => percentOf(r.post));
  const gains = both.map((r) => percentOf(r.post) - percentOf(r.pre));
  const normalised = both
    .map((r) => knowledgeGain(r.pre, r.post).normalisedGain)
    .filter((g): g is number => g !== null);
  const r1 = (x: number | null, d: number) => (x === null ? null : round(x, d));
  return {
    withBoth: both.length,
    meanPrePercent: r1(mean(pre), 1),
    meanPostPercent: r1(mean(post), 1),
    meanGain: r1(mean(gains), 1),
    meanNormalisedGain: r1(mean(normalised), 3),
    shareImproved: both.length === 0 ? null : round(gains.filter((g) => g > 0).length / both.length, 3),
  };
}
