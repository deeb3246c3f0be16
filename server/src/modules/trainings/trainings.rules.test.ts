import type { TestQuestion } from '@oselia/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hoursText, isCompleted, sessionsNeeded } from './trainings.attendance.rules.ts';
import { audienceProblems, audienceSum } from './trainings.awareness.rules.ts';
import { formatCode, initialsOf, newCertificateCode, normaliseCode } from './trainings.certificates.code.ts';
import {
  eventKnowledge,
  knowledgeGain,
  picksProblems,
  scoreAnswers,
  testProblems,
} from './trainings.tests.rules.ts';

describe('completion rule', () => {
  it('needs at least the share of sessions: 4 of 5 at 80 %, not 3', () => {
    expect(isCompleted(4, 5, 80)).toBe(true);
    expect(isCompleted(3, 5, 80)).toBe(false);
    expect(isCompleted(5, 5, 100)).toBe(true);
    expect(isCompleted(0, 0, 80)).toBe(false);
    expect(sessionsNeeded(5, 80)).toBe(4);
    expect(sessionsNeeded(3, 80)).toBe(3);
  });

  it('completes exactly from the fewest sessions needed, for any number of sessions and share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 100 }), (n, percent) => {
        const k = sessionsNeeded(n, percent);
        expect(isCompleted(k, n, percent)).toBe(true);
        if (k > 0) expect(isCompleted(k - 1, n, percent)).toBe(false);
      }),
    );
  });

  it('writes hours from minutes', () => {
    expect(hoursText(600)).toBe('10');
    expect(hoursText(90)).toBe('1.5');
  });
});

const q = (id: string, correct: string[], points = 1): TestQuestion => ({
  id,
  text: { uk: `Питання ${id}`, en: `Question ${id}` },
  choices: ['a', 'b', 'c'].map((c) => ({ id: c, text: { uk: c, en: c } })),
  correct,
  points,
});

describe('knowledge tests', () => {
  const test = [q('q1', ['a']), q('q2', ['b', 'c'], 2), q('q3', ['c'])];

  it('gives a question its points only for exactly the right choices', () => {
    expect(scoreAnswers(test, { q1: ['a'], q2: ['c', 'b'], q3: ['a'] })).toEqual({ score: 3, maxScore: 4 });
    expect(scoreAnswers(test, { q2: ['b'] })).toEqual({ score: 0, maxScore: 4 });
    expect(scoreAnswers(test, { q2: ['a', 'b', 'c'] }).score).toBe(0);
  });

  it('finds keys naming missing choices and picks of unknown questions', () => {
    expect(testProblems([q('q1', ['z'])])).toEqual([
      { field: 'questions.0.correct', message: 'the key names z, which is not a choice' },
    ]);
    expect(testProblems([q('q1', ['a']), q('q1', ['a'])])).toHaveLength(1);
    expect(picksProblems(test, { q9: ['a'], q1: ['x'] })).toEqual([
      'no question q9',
      'question q1 has no choice x',
    ]);
  });

  it('measures the gain in points and as a share of what was left to learn', () => {
    expect(knowledgeGain({ score: 4, maxScore: 10 }, { score: 7, maxScore: 10 })).toEqual({
      gain: 30,
      normalisedGain: 0.5,
    });
    expect(knowledgeGain({ score: 10, maxScore: 10 }, { score: 9, maxScore: 10 })).toEqual({
      gain: -10,
      normalisedGain: null,
    });
    expect(knowledgeGain(null, { score: 9, maxScore: 10 })).toEqual({ gain: null, normalisedGain: null });
    // Tests of different lengths compare as percentages.
    expect(knowledgeGain({ score: 2, maxScore: 4 }, { score: 6, maxScore: 8 }).gain).toBe(25);
  });

  it('sums up an event over those with both tests', () => {
    const summary = eventKnowledge([
      { pre: { score: 4, maxScore: 10 }, post: { score: 7, maxScore: 10 } },
      { pre: { score: 6, maxScore: 10 }, post: { score: 6, maxScore: 10 } },
      { pre: { score: 5, maxScore: 10 }, post: null },
    ]);
    expect(summary).toEqual({
      withBoth: 2,
      meanPrePercent: 50,
      meanPostPercent: 65,
      meanGain: 15,
      meanNormalisedGain: 0.25,
      shareImproved: 0.5,
    });
    expect(eventKnowledge([]).meanGain).toBeNull();
  });

  it('keeps the normalised gain at most 1, and positive exactly when the score rose', () => {
    const scored = fc
      .integer({ min: 1, max: 50 })
      .chain((max) => fc.record({ score: fc.integer({ min: 0, max }), maxScore: fc.constant(max) }));
    fc.assert(
      fc.property(scored, scored, (pre, post) => {
        const { gain, normalisedGain } = knowledgeGain(pre, post);
        if (normalisedGain !== null) {
          expect(normalisedGain).toBeLessThanOrEqual(1);
          expect(Math.sign(normalisedGain)).toBe(Math.sign(gain!));
        }
      }),
    );
  });
});

describe('certificate codes', () => {
  it('are 10 Crockford characters, printed in two groups and read back however typed', () => {
    const code = newCertificateCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(normaliseCode(formatCode(code).toLowerCase())).toBe(code);
    expect(normaliseCode('7k3m9-qxpa2')).toBe('7K3M9QXPA2');
    expect(normaliseCode('OIL00-11111')).toBe('01100' + '11111');
    expect(normaliseCode('ABCDE-FGHIU')).toBeNull();
    expect(normaliseCode('short')).toBeNull();
  });

  it('do not repeat', () => {
    const codes = new Set(Array.from({ length: 5000 }, newCertificateCode));
    expect(codes.size).toBe(5000);
  });

  it('show the holder by initials only', () => {
    expect(initialsOf('Шевченко Олена Петрівна')).toBe('Ш. О. П.');
    expect(initialsOf('Kovalenko-Marchuk  anna')).toBe('K. M. A.');
    expect(initialsOf("Прим'яченко Ілля")).toBe('П. І.');
  });
});

describe('audience counts', () => {
  const audience = { f_0_17: 12, f_18_59: 2, f_60_plus: 0, m_0_17: 10, m_18_59: 1, m_60_plus: 0 };

  it('are accepted when sex × age band adds up to the total', () => {
    expect(audienceSum(audience)).toBe(25);
    expect(audienceProblems(audience, 25)).toEqual([]);
  });

  it('are refused otherwise, with the total and every counted cell named', () => {
    const problems = audienceProblems(audience, 26);
    expect(problems[0]).toEqual({
      field: 'total',
      message: 'the counts by sex and age band add up to 25, not to the total of 26',
    });
    expect(problems.map((p) => p.field)).toContain('audience.m_0_17');
  });

  it('agree for any counts: no problem exactly when the sum is the total', () => {
    const cell = fc.integer({ min: 0, max: 500 });
    fc.assert(
      fc.property(
        fc.record({
          f_0_17: cell,
          f_18_59: cell,
          f_60_plus: cell,
          m_0_17: cell,
          m_18_59: cell,
          m_60_plus: cell,
        }),
        fc.integer({ min: 1, max: 3000 }),
        (a, total) => {
          const sum = Object.values(a).reduce((s, x) => s + x, 0);
          expect(audienceProblems(a, total).length === 0).toBe(sum === total);
        },
      ),
    );
  });
});
