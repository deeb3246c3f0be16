import { type EligibilityRule, type EligibilityRuleInput, eligibilityRule } from '@oselia/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  describeRule,
  type EligibilityFacts,
  evaluateEligibility,
  formatMoney,
  ledgerWindowMonths,
  summariseEligibility,
} from './grants.eligibility.ts';

const rule = (r: EligibilityRuleInput): EligibilityRule => eligibilityRule.parse(r);

const facts = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  answers: {},
  oblastPcode: 'UA4606001',
  requestedMinor: 500_000,
  currency: 'EUR',
  maxPerGrantMinor: 700_000,
  today: '2026-11-28',
  ledger: { checked: true, received: [] },
  ...over,
});

const only = (r: EligibilityRuleInput, f: Partial<EligibilityFacts> = {}) =>
  evaluateEligibility([rule(r)], facts(f))[0]!;

describe('addMonths', () => {
  it.each([
    ['2025-11-28', 12, '2026-11-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-11-28', -6, '2026-05-28'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i months = %s', (d, n, out) => expect(addMonths(d, n)).toBe(out));

  it('adding then removing the same months never lands after the start', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 600 }),
        (d, n) => {
          const day = d.toISOString().slice(0, 10);
          expect(addMonths(addMonths(day, n), -n) <= day).toBe(true);
          expect(addMonths(day, n) >= day).toBe(true);
        },
      ),
    );
  });
});

describe('formatMoney', () => {
  it('writes minor units without floating point, in each language', () => {
    expect(formatMoney(700_000, 'EUR', 'en')).toBe('7,000.00 EUR');
    expect(formatMoney(700_005, 'EUR', 'uk')).toBe('7\u00a0000,05 EUR');
    expect(formatMoney(99, 'UAH', 'en')).toBe('0.99 UAH');
  });
});

describe('each rule', () => {
  it('registered_at_least_months: pass, fail and unknown with a reason', () => {
    const r = { type: 'registered_at_least_months', months: 12 } as const;
    expect(only(r, { answers: { registration_date: '2025-11-28' } }).outcome).toBe('pass');
    const failed = only(r, { answers: { registration_date: '2026-02-01' } });
    expect(failed.outcome).toBe('fail');
    expect(failed.reason.en).toBe('Registered on 2026-02-01: less than 12 months ago');
    expect(failed.reason.uk).toContain('менше ніж 12 міс.');
    expect(only(r).outcome).toBe('unknown');
    expect(only(r, { answers: { registration_date: 'yesterday' } }).outcome).toBe('unknown');
    expect(only({ ...r, question: 'founded' }, { answers: { founded: '2020-01-01' } }).outcome).toBe('pass');
  });

  it('staff_at_most', () => {
    const r = { type: 'staff_at_most', max: 10 } as const;
    expect(only(r, { answers: { staff_count: 10 } }).outcome).toBe('pass');
    expect(only(r, { answers: { staff_count: 11 } }).reason.en).toBe('11 staff: more than 10');
    expect(only(r, { answers: { staff_count: 'many' } }).outcome).toBe('unknown');
  });

  it('sector_not_in: one excluded choice is enough to fail', () => {
    const r: EligibilityRuleInput = { type: 'sector_not_in', sectors: ['gambling', 'tobacco'] };
    expect(only(r, { answers: { sector: 'food' } }).outcome).toBe('pass');
    const failed = only(r, { answers: { sector: ['food', 'tobacco'] } });
    expect(failed.outcome).toBe('fail');
    expect(failed.reason.en).toContain('tobacco');
    expect(only(r, { answers: { sector: [] } }).outcome).toBe('unknown');
  });

  it('sector_not_in reads an answer of any other shape as not given (it never throws)', () => {
    const r: EligibilityRuleInput = { type: 'sector_not_in', sectors: [' '] };
    // Found by the property below: an object whose toString is not a function.
    expect(only(r, { answers: { sector: { toString: '' } } }).outcome).toBe('unknown');
    expect(only(r, { answers: { sector: [{ a: 1 }, 'food'] } }).outcome).toBe('pass');
  });

  it('oblast_in matches the oblast of any finer P-code', () => {
    const r: EligibilityRuleInput = { type: 'oblast_in', oblasts: ['UA46', 'UA12'] };
    expect(only(r, { oblastPcode: 'UA4606001' }).outcome).toBe('pass');
    expect(only(r, { oblastPcode: 'UA05' }).outcome).toBe('fail');
    expect(only(r, { oblastPcode: null }).outcome).toBe('unknown');
  });

  it('no_grant_within_months reads the ledger, by type and window', () => {
    const r = { type: 'no_grant_within_months', months: 12 } as const;
    const ledger = (received: { date: string; type: string }[]) => ({ ledger: { checked: true, received } });
    expect(only(r, ledger([{ date: '2026-03-01', type: 'business_grant' }])).outcome).toBe('fail');
    expect(only(r, ledger([{ date: '2025-03-01', type: 'business_grant' }])).outcome).toBe('pass');
    expect(only(r, ledger([{ date: '2026-03-01', type: 'hygiene_kit' }])).outcome).toBe('pass');
    expect(
      only({ ...r, assistanceTypes: ['*'] }, ledger([{ date: '2026-03-01', type: 'hygiene_kit' }])).outcome,
    ).toBe('fail');
    const unchecked = only(r, {
      ledger: { checked: false, received: [], why: { uk: 'не зіставлено', en: 'not matched' } },
    });
    expect(unchecked).toMatchObject({ outcome: 'unknown', reason: { en: 'not matched' } });
  });

  it('amount_at_most uses the call maximum unless the rule names one', () => {
    expect(only({ type: 'amount_at_most' }, { requestedMinor: 700_000 }).outcome).toBe('pass');
    const failed = only({ type: 'amount_at_most' }, { requestedMinor: 700_001 });
    expect(failed.reason.en).toBe('Requested 7,000.01 EUR: more than the maximum 7,000.00 EUR');
    expect(only({ type: 'amount_at_most', maxMinor: 100 }, { requestedMinor: 101 }).outcome).toBe('fail');
    expect(only({ type: 'amount_at_most' }, { requestedMinor: null }).outcome).toBe('unknown');
  });

  it('answer rules compare what a form asks', () => {
    const label = { uk: 'Бізнес працює в Україні', en: 'The business operates in Ukraine' };
    const a = (op: string, value: unknown, answer: unknown) =>
      only({ type: 'answer', question: 'q', op, value, label } as EligibilityRuleInput, {
        answers: { q: answer },
      }).outcome;
    expect(a('eq', 'yes', 'yes')).toBe('pass');
    expect(a('eq', 'yes', 'no')).toBe('fail');
    expect(a('neq', 'yes', 'no')).toBe('pass');
    expect(a('gte', 3, 3)).toBe('pass');
    expect(a('gt', 3, 3)).toBe('fail');
    expect(a('lt', 100_000, { amountMinor: 99_999, currency: 'EUR' })).toBe('pass');
    expect(a('lte', '2026-01-01', '2025-12-31')).toBe('pass');
    expect(a('in', ['a', 'b'], 'b')).toBe('pass');
    expect(a('not_in', ['a', 'b'], 'b')).toBe('fail');
    expect(a('includes', 'equipment', ['premises', 'equipment'])).toBe('pass');
    expect(a('includes', 'equipment', ['premises'])).toBe('fail');
    expect(a('answered', undefined, '')).toBe('fail');
    expect(a('answered', undefined, 'x')).toBe('pass');
    expect(a('eq', 'yes', undefined)).toBe('unknown');
    expect(a('gt', 3, 'three')).toBe('unknown');
    const failed = only(
      { type: 'answer', question: 'q', op: 'eq', value: 'yes', label },
      { answers: { q: 'no' } },
    );
    expect(failed.reason).toEqual({
      uk: 'Не виконано: Бізнес працює в Україні',
      en: 'Not met: The business operates in Ukraine',
    });
  });
});

describe('summary', () => {
  it('no rules: eligible; a fail wins over unknown; unknown alone needs review', () => {
    expect(summariseEligibility([])).toBe('eligible');
    expect(summariseEligibility([{ outcome: 'unknown' }, { outcome: 'fail' }])).toBe('ineligible');
    expect(summariseEligibility([{ outcome: 'pass' }, { outcome: 'unknown' }])).toBe('needs_review');
  });

  it('the look-back window is the longest no-grant rule', () => {
    expect(ledgerWindowMonths([])).toBe(0);
    expect(
      ledgerWindowMonths([
        rule({ type: 'no_grant_within_months', months: 6 }),
        rule({ type: 'no_grant_within_months', months: 24 }),
        rule({ type: 'staff_at_most', max: 3 }),
      ]),
    ).toBe(24);
  });
});

const ruleArb: fc.Arbitrary<EligibilityRule> = fc
  .oneof(
    fc.record({ type: fc.constant('registered_at_least_months'), months: fc.integer({ min: 1, max: 120 }) }),
    fc.record({ type: fc.constant('staff_at_most'), max: fc.integer({ min: 0, max: 500 }) }),
    fc.record({
      type: fc.constant('sector_not_in'),
      sectors: fc.array(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 4 }),
    }),
    fc.record({
      type: fc.constant('oblast_in'),
      oblasts: fc.array(fc.constantFrom('UA05', 'UA12', 'UA46', 'UA80'), { minLength: 1 }),
    }),
    fc.record({ type: fc.constant('no_grant_within_months'), months: fc.integer({ min: 1, max: 60 }) }),
    fc.record({ type: fc.constant('amount_at_most') }),
    fc.record({
      type: fc.constant('answer'),
      question: fc.constantFrom('q', 'staff_count', 'sector'),
      op: fc.constantFrom('eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'includes', 'answered'),
      value: fc.oneof(fc.string(), fc.integer(), fc.array(fc.string(), { maxLength: 3 })),
      label: fc.constant({ uk: 'Умова', en: 'Condition' }),
    }),
  )
  .map((r) => eligibilityRule.parse(r));

const factsArb: fc.Arbitrary<EligibilityFacts> = fc.record({
  answers: fc.dictionary(
    fc.constantFrom('q', 'staff_count', 'sector', 'registration_date'),
    fc.jsonValue(),
  ) as fc.Arbitrary<Record<string, unknown>>,
  oblastPcode: fc.option(fc.constantFrom('UA05', 'UA4606001', 'UA8000000', 'UA1202'), { nil: null }),
  requestedMinor: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: null }),
  currency: fc.constantFrom('EUR', 'UAH'),
  maxPerGrantMinor: fc.integer({ min: 1, max: 10_000_000 }),
  today: fc.constant('2026-11-28'),
  ledger: fc.record({
    checked: fc.boolean(),
    received: fc.array(
      fc.record({
        date: fc.constantFrom('2020-01-01', '2026-06-01', '2026-11-27'),
        type: fc.constantFrom('business_grant', 'hygiene_kit'),
      }),
      { maxLength: 3 },
    ),
  }),
});

describe('properties', () => {
  it('never throws on any answers; one verdict per rule, each with a reason in both languages', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 8 }), factsArb, (rules, f) => {
        const results = evaluateEligibility(rules, f);
        expect(results).toHaveLength(rules.length);
        for (const [i, r] of results.entries()) {
          expect(r.index).toBe(i);
          expect(r.reason.uk.length).toBeGreaterThan(0);
          expect(r.reason.en.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('adding a rule never makes an ineligible application eligible', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { maxLength: 6 }), ruleArb, factsArb, (rules, extra, f) => {
        const before = summariseEligibility(evaluateEligibility(rules, f));
        const after = summariseEligibility(evaluateEligibility([...rules, extra], f));
        if (before === 'ineligible') expect(after).toBe('ineligible');
        if (after === 'eligible') expect(before).toBe('eligible');
      }),
    );
  });

  it('the amount rule passes exactly when the request is within the maximum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (asked, max) => {
        const r = only({ type: 'amount_at_most' }, { requestedMinor: asked, maxPerGrantMinor: max });
        expect(r.outcome).toBe(asked <= max ? 'pass' : 'fail');
      }),
    );
  });

  it('every rule has a public description in both languages', () => {
    fc.assert(
      fc.property(ruleArb, (r) => {
        const d = describeRule(r, { maxPerGrantMinor: 700_000, currency: 'EUR' });
        expect(d.uk.length * d.en.length).toBeGreaterThan(0);
      }),
    );
  });

  it('names oblasts as applicants know them, keeping a code it has no name for', () => {
    const d = describeRule(
      { type: 'oblast_in', oblasts: ['UA46', 'UA05', 'UA99'] },
      { maxPerGrantMinor: 700_000, currency: 'EUR' },
      new Map([
        ['UA46', { uk: 'Львівська', en: 'Lvivska' }],
        ['UA05', { uk: 'Вінницька', en: 'Vinnytska' }],
      ]),
    );
    expect(d).toEqual({
      uk: 'Лише області: Львівська, Вінницька, UA99',
      en: 'Only these oblasts: Lvivska, Vinnytska, UA99',
    });
  });
});
