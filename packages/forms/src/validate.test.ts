import type { FormDefinition, Question } from '@oselia/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleGrantForm } from './examples.ts';
import { validateAnswers, visibleQuestions, visibleSections } from './validate.ts';

const FILE_A = '0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b';
const FILE_B = '0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6c';

const complete = {
  business_name: '  Кав’ярня «Зерно»  ',
  edrpou: '12345678',
  sector: 'food',
  location: 'ua4606001',
  relocated_on: '2022-05-01',
  staff: '4',
  amount: { amountMinor: 500_000, currency: 'EUR' },
  purposes: ['equipment', 'equipment'],
  items: [{ item: 'Кавомашина', item_price: { amountMinor: 350_000, currency: 'EUR' } }],
  plan: 'Нова кавомашина дозволить варити вдвічі більше кави і взяти ще двох людей на роботу.',
  registration_doc: [FILE_A.toUpperCase()],
};

function form(...questions: Question[]): FormDefinition {
  return {
    languages: ['uk', 'en'],
    title: { uk: 'Ф', en: 'F' },
    sections: [{ id: 's', title: { uk: '', en: '' }, questions }],
  };
}
const label = { uk: 'Питання', en: 'Question' };
const codes = (definition: FormDefinition, answers: unknown, stage: 'draft' | 'submit' = 'submit') =>
  validateAnswers(definition, answers, { stage }).problems.map((p) => `${p.path}:${p.code}`);

describe('validateAnswers', () => {
  it('accepts a complete application and normalises its values', () => {
    const result = validateAnswers(exampleGrantForm, complete, { stage: 'submit' });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.answers).toEqual({
      business_name: 'Кав’ярня «Зерно»',
      edrpou: '12345678',
      sector: 'food',
      location: 'UA4606001',
      relocated_on: '2022-05-01',
      staff: 4,
      amount: { amountMinor: 500_000, currency: 'EUR' },
      purposes: ['equipment'],
      items: [{ item: 'Кавомашина', item_price: { amountMinor: 350_000, currency: 'EUR' } }],
      plan: complete.plan,
      registration_doc: [FILE_A],
    });
  });

  it('asks for required answers on submit only', () => {
    expect(codes(exampleGrantForm, {}, 'draft')).toEqual([]);
    expect(codes(exampleGrantForm, {}, 'submit')).toEqual([
      'business_name:required',
      'edrpou:required',
      'sector:required',
      'location:required',
      'staff:required',
      'amount:required',
      'purposes:required',
      'plan:required',
      'registration_doc:required',
    ]);
  });

  it('drops the answers of hidden questions and of questions the form does not have', () => {
    const result = validateAnswers(
      exampleGrantForm,
      { ...complete, sector: 'food', sector_other: 'кава', purposes: ['premises'], unknown: 'x' },
      { stage: 'submit' },
    );
    expect(result.ok).toBe(true);
    expect(result.answers).not.toHaveProperty('sector_other');
    expect(result.answers).not.toHaveProperty('items');
    expect(result.answers).not.toHaveProperty('unknown');
    expect(codes(exampleGrantForm, { ...complete, sector: 'other' })).toEqual(['sector_other:required']);
  });

  it('explains each kind of wrong answer', () => {
    const wrong = {
      ...complete,
      edrpou: '1234',
      sector: 'mining',
      location: 'UA46',
      relocated_on: '2022-02-30',
      staff: 3.5,
      amount: { amountMinor: 800_000, currency: 'EUR' },
      plan: 'коротко',
      registration_doc: [FILE_A, FILE_B, '0190a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6d'],
      items: [{ item: '', item_price: { amountMinor: 1.5, currency: 'EUR' } }, 'x'],
    };
    expect(codes(exampleGrantForm, wrong, 'draft')).toEqual([
      'edrpou:pattern',
      'sector:invalid_choice',
      'location:invalid_place',
      'relocated_on:invalid_date',
      'staff:integer',
      'amount:max',
      'items.0.item_price:invalid_type',
      'items.1:invalid_type',
      'plan:min_length',
      'registration_doc:too_many_files',
    ]);
    expect(codes(exampleGrantForm, wrong, 'submit')).toContain('items.0.item:required');
    const edrpou = validateAnswers(exampleGrantForm, wrong).problems.find((p) => p.path === 'edrpou');
    expect(edrpou?.message.en).toBe('8 or 10 digits are needed');
  });

  it('refuses money in another currency, negative amounts and fractions of a minor unit', () => {
    const q: Question = { name: 'm', type: 'money', label, currency: 'UAH' };
    expect(codes(form(q), { m: { amountMinor: 100, currency: 'EUR' } })).toEqual(['m:invalid_currency']);
    expect(codes(form(q), { m: { amountMinor: -1, currency: 'UAH' } })).toEqual(['m:min']);
    expect(codes(form(q), { m: { amountMinor: 0.5, currency: 'UAH' } })).toEqual(['m:invalid_type']);
    expect(codes(form(q), { m: 12.5 })).toEqual(['m:invalid_type']);
    expect(codes(form(q), { m: { amountMinor: 1250, currency: 'UAH' } })).toEqual([]);
  });

  it('reads numbers written with a decimal comma and bounds texts', () => {
    const n: Question = { name: 'n', type: 'number', label, validation: { min: 1, max: 10 } };
    expect(validateAnswers(form(n), { n: '2,5' }).answers).toEqual({ n: 2.5 });
    expect(codes(form(n), { n: '0' })).toEqual(['n:min']);
    expect(codes(form(n), { n: 11 })).toEqual(['n:max']);
    expect(codes(form(n), { n: 'багато' })).toEqual(['n:invalid_type']);
    const t: Question = { name: 't', type: 'text', label };
    expect(codes(form(t), { t: 'a'.repeat(1001) })).toEqual(['t:max_length']);
    expect(codes(form(t), { t: 42 })).toEqual([]);
    expect(codes(form(t), { t: { x: 1 } })).toEqual(['t:invalid_type']);
  });

  it('bounds dates and multi-choice counts', () => {
    const d: Question = {
      name: 'd',
      type: 'date',
      label,
      validation: { minDate: '2022-01-01', maxDate: '2022-12-31' },
    };
    expect(codes(form(d), { d: '2021-12-31' })).toEqual(['d:min_date']);
    expect(codes(form(d), { d: '2023-01-01' })).toEqual(['d:max_date']);
    expect(codes(form(d), { d: '2022-06-15' })).toEqual([]);
    const m: Question = {
      name: 'm',
      type: 'multi_choice',
      label,
      validation: { min: 2, max: 2 },
      choices: ['a', 'b', 'c'].map((value) => ({ value, label })),
    };
    expect(codes(form(m), { m: ['a'] }, 'draft')).toEqual([]);
    expect(codes(form(m), { m: ['a'] }, 'submit')).toEqual(['m:min']);
    expect(codes(form(m), { m: ['a', 'b', 'c'] }, 'draft')).toEqual(['m:max']);
    expect(codes(form(m), { m: 'a' }, 'draft')).toEqual([]);
  });

  it('counts repeat items', () => {
    const r: Question = {
      name: 'r',
      type: 'repeat',
      label,
      repeat: { minItems: 2, maxItems: 3, questions: [{ name: 'x', type: 'text', label }] },
    };
    expect(codes(form(r), {}, 'submit')).toEqual(['r:min_items']);
    expect(codes(form(r), { r: [{ x: 'a' }] }, 'submit')).toEqual(['r:min_items']);
    expect(codes(form(r), { r: [{}, {}, {}, {}] }, 'draft')).toEqual(['r:max_items']);
    expect(codes(form(r), { r: 'x' }, 'draft')).toEqual(['r:invalid_type']);
    expect(codes(form({ ...r, required: true }), {}, 'submit')).toEqual(['r:required']);
  });

  it('lets a repeat item refer to its own earlier answers and to earlier outer ones', () => {
    const r: Question = {
      name: 'members',
      type: 'repeat',
      label,
      repeat: {
        questions: [
          { name: 'age', type: 'number', label },
          {
            name: 'school',
            type: 'text',
            label,
            required: true,
            showIf: { question: 'age', op: 'lt', value: 18 },
          },
          {
            name: 'pet',
            type: 'text',
            label,
            required: true,
            showIf: { question: 'pets', op: 'eq', value: 'yes' },
          },
        ],
      },
    };
    const pets: Question = { name: 'pets', type: 'choice', label, choices: [{ value: 'yes', label }] };
    expect(codes(form(pets, r), { pets: 'yes', members: [{ age: 10 }, { age: 40 }] })).toEqual([
      'members.0.school:required',
      'members.0.pet:required',
      'members.1.pet:required',
    ]);
  });

  it('hides a whole section and everything that depends on it', () => {
    const definition: FormDefinition = {
      languages: ['uk'],
      title: { uk: 'Ф', en: '' },
      sections: [
        {
          id: 'a',
          title: label,
          questions: [
            {
              name: 'has_team',
              type: 'choice',
              label,
              choices: [
                { value: 'yes', label },
                { value: 'no', label },
              ],
            },
          ],
        },
        {
          id: 'b',
          title: label,
          showIf: { question: 'has_team', op: 'eq', value: 'yes' },
          questions: [{ name: 'team_size', type: 'number', label, required: true }],
        },
        {
          id: 'c',
          title: label,
          questions: [
            {
              name: 'why',
              type: 'text',
              label,
              required: true,
              showIf: { question: 'team_size', op: 'gt', value: 3 },
            },
          ],
        },
      ],
    };
    expect(visibleSections(definition, { has_team: 'no', team_size: 5 }).map((s) => s.id)).toEqual([
      'a',
      'c',
    ]);
    expect(visibleQuestions(definition, { has_team: 'no', team_size: 5 }).map((q) => q.name)).toEqual([
      'has_team',
    ]);
    expect(visibleQuestions(definition, { has_team: 'yes', team_size: 5 }).map((q) => q.name)).toEqual([
      'has_team',
      'team_size',
      'why',
    ]);
    expect(codes(definition, { has_team: 'no', team_size: 5 })).toEqual([]);
    expect(codes(definition, { has_team: 'yes', team_size: 5 })).toEqual(['why:required']);
  });

  it('answers non-objects with one problem instead of throwing', () => {
    expect(codes(exampleGrantForm, 'nonsense', 'draft')).toEqual([':invalid_type']);
    expect(codes(exampleGrantForm, null, 'draft')).toEqual([]);
  });
});

// ---- properties ----

const someValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    'food',
    'other',
    'equipment',
    'premises',
    'UA4606001',
    '2022-05-01',
    FILE_A,
    '12345678',
    '',
  ),
  fc.integer({ min: -10, max: 100 }),
  fc.record({
    amountMinor: fc.integer({ min: -10, max: 1_000_000 }),
    currency: fc.constantFrom('EUR', 'UAH'),
  }),
  fc.subarray(['equipment', 'premises']),
  fc.array(fc.record({ item: fc.string(), item_price: fc.jsonValue({ maxDepth: 1 }) }), { maxLength: 3 }),
);
const names = [
  'business_name',
  'edrpou',
  'sector',
  'sector_other',
  'location',
  'relocated_on',
  'staff',
  'amount',
  'purposes',
  'items',
  'plan',
  'registration_doc',
  'documents_note',
  '__proto__',
  'constructor',
];
const answersArb = fc.dictionary(fc.constantFrom(...names), someValue, { maxKeys: names.length });
const key = (p: { path: string; code: string }) => `${p.path}:${p.code}`;

describe('validateAnswers (properties)', () => {
  it('never throws on arbitrary JSON, and keeps only answers that validate again cleanly', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), answersArb), (answers) => {
        const first = validateAnswers(exampleGrantForm, answers, { stage: 'draft' });
        const again = validateAnswers(exampleGrantForm, first.answers, { stage: 'draft' });
        expect(again.problems).toEqual([]);
        expect(again.answers).toEqual(first.answers);
      }),
      { numRuns: 500 },
    );
  });

  it('draft problems are a subset of submit problems, and the cleaned answers are the same', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const draft = validateAnswers(exampleGrantForm, answers, { stage: 'draft' });
        const submit = validateAnswers(exampleGrantForm, answers, { stage: 'submit' });
        const submitted = new Set(submit.problems.map(key));
        for (const p of draft.problems) expect(submitted).toContain(key(p));
        expect(draft.problems.every((p) => p.code !== 'required')).toBe(true);
        expect(submit.answers).toEqual(draft.answers);
      }),
      { numRuns: 500 },
    );
  });

  it('a hidden question never yields a required problem', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const result = validateAnswers(exampleGrantForm, answers, { stage: 'submit' });
        const shown = new Set(visibleQuestions(exampleGrantForm, answers).map((q) => q.name));
        for (const p of result.problems) {
          const top = p.path.split('.')[0]!;
          if (p.code === 'required') expect(shown).toContain(top);
          expect(result.answers[top] === undefined || shown.has(top)).toBe(true);
        }
        for (const name of Object.keys(result.answers)) expect(shown).toContain(name);
      }),
      { numRuns: 500 },
    );
  });
});
