import type { ScoringRubric } from '@oselia/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreementOf,
  checkScores,
  rankByMean,
  STRONG_DISAGREEMENT_SPREAD,
  weightedTotal,
} from './grants.reviews.rules.ts';

const label = { uk: 'Критерій', en: 'Criterion' };
const rubric: ScoringRubric = {
  criteria: [
    { key: 'viability', label, weight: 40, scale: { min: 1, max: 5 } },
    { key: 'jobs', label, weight: 35, scale: { min: 0, max: 10 } },
    { key: 'inclusion', label, weight: 25, scale: { min: 1, max: 3 } },
  ],
};
const full = (viability: number, jobs: number, inclusion: number) => [
  { criterion: 'viability', score: viability, comment: 'Досвід є.' },
  { criterion: 'jobs', score: jobs, comment: 'Два місця.' },
  { criterion: 'inclusion', score: inclusion, comment: 'Жінки.' },
];

/** A rubric with 1–6 criteria, weights and scales of any shape the contract allows. */
const arbRubric = fc
  .array(
    fc.record({
      weight: fc.integer({ min: 1, max: 100 }),
      min: fc.integer({ min: 0, max: 20 }),
      width: fc.integer({ min: 1, max: 80 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map(
    (cs): ScoringRubric => ({
      criteria: cs.map((c, i) => ({
        key: `c${i}`,
        label,
        weight: c.weight,
        scale: { min: c.min, max: c.min + c.width },
      })),
    }),
  );
const arbScored = arbRubric.chain((r) =>
  fc.tuple(...r.criteria.map((c) => fc.integer({ min: c.scale.min, max: c.scale.max }))).map((scores) => ({
    rubric: r,
    scores: r.criteria.map((c, i) => ({ criterion: c.key, score: scores[i]! })),
  })),
);

describe('weighted total', () => {
  it('puts each score on its scale and weighs it', () => {
    expect(weightedTotal(rubric, full(5, 10, 3))).toBe(100);
    expect(weightedTotal(rubric, full(1, 0, 1))).toBe(0);
    // viability 3/5 → 0.5 × 40 = 20; jobs 5/10 → 0.5 × 35 = 17.5; inclusion 2/3 → 0.5 × 25 = 12.5
    expect(weightedTotal(rubric, full(3, 5, 2))).toBe(50);
    // viability 4 → 0.75 × 40 = 30; jobs 2 → 0.2 × 35 = 7; inclusion 1 → 0
    expect(weightedTotal(rubric, full(4, 2, 1))).toBe(37);
  });

  it('refuses to total incomplete scores', () => {
    expect(() => weightedTotal(rubric, full(3, 5, 2).slice(0, 2))).toThrow(/inclusion/);
  });

  it('stays within 0–100, reaches both ends, and never falls when one score rises', () => {
    fc.assert(
      fc.property(arbScored, fc.nat(), ({ rubric: r, scores }, pick) => {
        const total = weightedTotal(r, scores);
        expect(total).toBeGreaterThanOrEqual(0);
        expect(total).toBeLessThanOrEqual(100);
        const i = pick % scores.length;
        const c = r.criteria[i]!;
        if (scores[i]!.score < c.scale.max) {
          const higher = scores.map((s, j) => (j === i ? { ...s, score: s.score + 1 } : s));
          expect(weightedTotal(r, higher)).toBeGreaterThanOrEqual(total);
        }
        expect(
          weightedTotal(
            r,
            r.criteria.map((x) => ({ criterion: x.key, score: x.scale.max })),
          ),
        ).toBe(100);
        expect(
          weightedTotal(
            r,
            r.criteria.map((x) => ({ criterion: x.key, score: x.scale.min })),
          ),
        ).toBe(0);
      }),
    );
  });

  it('does not depend on the order the scores come in', () => {
    fc.assert(
      fc.property(arbScored, ({ rubric: r, scores }) => {
        expect(weightedTotal(r, [...scores].reverse())).toBe(weightedTotal(r, scores));
      }),
    );
  });
});

describe('score checks', () => {
  it('accepts complete scores and names each problem otherwise', () => {
    expect(checkScores(rubric, full(3, 5, 2), { complete: true })).toEqual([]);
    const problems = checkScores(
      rubric,
      [
        { criterion: 'viability', score: 6, comment: 'x' },
        { criterion: 'viability', score: 2, comment: 'x' },
        { criterion: 'jobs', score: 2.5, comment: ' ' },
        { criterion: 'charm', score: 1, comment: 'x' },
      ],
      { complete: true },
    );
    expect(problems.map((p) => p.field)).toEqual([
      'scores.0.score',
      'scores.1.criterion',
      'scores.2.score',
      'scores.2.comment',
      'scores.3.criterion',
      'scores',
    ]);
    expect(problems[0]!.message).toBe('a whole number from 1 to 5');
  });

  it('lets a draft be partial and without comments', () => {
    expect(checkScores(rubric, [{ criterion: 'jobs', score: 4, comment: '' }], { complete: false })).toEqual(
      [],
    );
  });
});

describe('agreement between reviewers', () => {
  it('flags a spread of more than a quarter of the scale', () => {
    expect(agreementOf([40, 70])).toMatchObject({ mean: 55, spread: 30, strongDisagreement: true });
    expect(agreementOf([40, 65])).toMatchObject({ spread: 25, strongDisagreement: false });
    expect(agreementOf([80])).toMatchObject({ count: 1, mean: 80, spread: 0, strongDisagreement: false });
    expect(agreementOf([])).toMatchObject({ count: 0, mean: null, strongDisagreement: false });
  });

  it('is symmetric, never flags one reviewer, and flags exactly when the spread passes the threshold', () => {
    const total = fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100);
    fc.assert(
      fc.property(fc.array(total, { minLength: 1, maxLength: 8 }), (totals) => {
        const a = agreementOf(totals);
        expect(agreementOf([...totals].reverse())).toEqual(a);
        expect(a.mean!).toBeGreaterThanOrEqual(a.min! - 0.005);
        expect(a.mean!).toBeLessThanOrEqual(a.max! + 0.005);
        if (totals.length === 1) expect(a.strongDisagreement).toBe(false);
        expect(a.strongDisagreement).toBe(totals.length >= 2 && a.spread > STRONG_DISAGREEMENT_SPREAD);
        // Adding a review inside the current range never changes the verdict.
        const inside = (a.min! + a.max!) / 2;
        expect(agreementOf([...totals, inside]).strongDisagreement).toBe(a.strongDisagreement);
      }),
    );
  });
});

describe('ranking', () => {
  it('ranks by mean with shared ranks for ties, unscored last', () => {
    const ranked = rankByMean([
      { key: 'GR-D', mean: null },
      { key: 'GR-C', mean: 61 },
      { key: 'GR-A', mean: 75.5 },
      { key: 'GR-B', mean: 61 },
      { key: 'GR-E', mean: 20 },
    ]);
    expect(ranked.map((r) => [r.key, r.rank])).toEqual([
      ['GR-A', 1],
      ['GR-B', 2],
      ['GR-C', 2],
      ['GR-E', 4],
      ['GR-D', null],
    ]);
  });

  it('orders means from best to worst whatever the input order', () => {
    const entry = fc.record({
      key: fc.string({ maxLength: 6 }),
      mean: fc.option(fc.integer({ min: 0, max: 100 })),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 20 }), (entries) => {
        const ranked = rankByMean(entries);
        expect(ranked).toHaveLength(entries.length);
        const means = ranked.filter((r) => r.mean !== null).map((r) => r.mean!);
        expect(means).toEqual([...means].sort((a, b) => b - a));
        for (const r of ranked) {
          if (r.mean === null) expect(r.rank).toBeNull();
          else expect(r.rank).toBe(1 + ranked.filter((x) => x.mean !== null && x.mean > r.mean!).length);
        }
      }),
    );
  });
});
