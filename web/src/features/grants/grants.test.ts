import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import {
  applyFieldErrors,
  applyRefusal,
  draftBody,
  emptyFields,
  fieldOf,
  formatBytes,
  namesMissing,
  uploadRefusal,
} from './applyDraft.ts';
import {
  type CallDraft,
  callBody,
  draftFromCall,
  editorField,
  emptyCall,
  newCriterion,
  newDocument,
  updateBody,
  weightTotal,
} from './callDraft.ts';
import { newRule, ruleValue } from './callRules.ts';
import { shareOf } from './dashboard.ts';
import { fromLocalInput, toLocalInput } from './dates.ts';
import { scoreInputs, scoreProblems } from './reviewScores.ts';
import { planProblems, type TrancheDraft, trancheInputs } from './tranchePlan.ts';

/** The translation function as the pure helpers see it: the key and its values, as text. */
const t = (key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key;

function validDraft(): CallDraft {
  return {
    ...emptyCall(new Date('2026-03-01T10:00:00Z')),
    titleUk: 'Обладнання для кав’ярень',
    titleEn: 'Equipment for cafés',
    descriptionUk: 'Малі гранти.',
    descriptionEn: 'Small grants.',
    currency: 'EUR',
    budgetMinor: 10_000_000,
    maxPerGrantMinor: 700_000,
    rules: [
      { ...newRule('registered_at_least_months'), number: '12' },
      { ...newRule('oblast_in'), oblasts: ['UA46', 'UA12'] },
      { ...newRule('sector_not_in'), list: 'gambling, tobacco\nweapons' },
      { ...newRule('amount_at_most') },
      {
        ...newRule('answer'),
        question: 'operates_in_ukraine',
        op: 'eq',
        value: 'true',
        labelUk: 'Бізнес працює в Україні',
        labelEn: '',
      },
    ],
    documents: [
      { ...newDocument(), kind: 'business_plan', labelUk: 'Бізнес-план', labelEn: 'Business plan' },
    ],
    criteria: [
      { ...newCriterion(), key: 'viability', labelUk: 'Життєздатність', labelEn: 'Viability', weight: '60' },
      { ...newCriterion(), key: 'jobs', labelUk: 'Робочі місця', labelEn: 'Jobs', weight: '40', max: '5' },
    ],
  };
}

describe('call editor', () => {
  it('builds the body of a call: money in minor units, instants in ISO, rules as data', () => {
    const built = callBody(validDraft());
    expect(built.problems).toBeNull();
    const body = built.body!;
    expect(body.budgetMinor).toBe(10_000_000);
    expect(body.maxPerGrantMinor).toBe(700_000);
    expect(Date.parse(body.closesAt)).toBeGreaterThan(Date.parse(body.opensAt));
    expect(body.eligibilityRules).toEqual([
      { type: 'registered_at_least_months', months: 12, question: 'registration_date' },
      { type: 'oblast_in', oblasts: ['UA46', 'UA12'] },
      { type: 'sector_not_in', sectors: ['gambling', 'tobacco', 'weapons'], question: 'sector' },
      { type: 'amount_at_most' },
      {
        type: 'answer',
        question: 'operates_in_ukraine',
        op: 'eq',
        value: true,
        // One language given: the other falls back to it, rather than leaving a rule unexplained.
        label: { uk: 'Бізнес працює в Україні', en: 'Бізнес працює в Україні' },
      },
    ]);
    expect(body.scoringRubric.criteria.map((c) => [c.key, c.weight, c.scale])).toEqual([
      ['viability', 60, { min: 0, max: 10 }],
      ['jobs', 40, { min: 0, max: 5 }],
    ]);
    expect(body.requiredDocuments).toEqual([
      {
        kind: 'business_plan',
        label: { uk: 'Бізнес-план', en: 'Business plan' },
        required: true,
        maxFiles: 3,
      },
    ]);
  });

  it('names every problem by its field instead of sending a call that cannot be right', () => {
    const d = validDraft();
    d.titleEn = ' ';
    d.maxPerGrantMinor = 20_000_000;
    d.closesAt = d.opensAt;
    d.rules[0]!.number = '0';
    d.rules[1]!.oblasts = [];
    d.documents.push({ ...newDocument(), kind: 'business_plan', labelUk: 'Ще', labelEn: 'More' });
    d.criteria[1]!.max = '0';
    d.criteria[0]!.key = 'Viability';
    const built = callBody(d);
    expect(built.body).toBeNull();
    expect(built.problems).toEqual({
      titleEn: 'forms.required',
      maxPerGrantMinor: 'grants.editor.errors.maxAboveBudget',
      closesAt: 'grants.editor.errors.closesBeforeOpens',
      'rules.0.number': 'grants.editor.errors.months',
      'rules.1.oblasts': 'grants.editor.errors.oblasts',
      'documents.1.kind': 'grants.editor.errors.duplicateKey',
      'criteria.0.key': 'grants.editor.errors.slug',
      'criteria.1.max': 'grants.editor.errors.scaleMax',
    });
  });

  it('reads rule values as the server compares them', () => {
    expect(ruleValue('eq', ' 12 ')).toBe(12);
    expect(ruleValue('eq', 'false')).toBe(false);
    expect(ruleValue('neq', 'food')).toBe('food');
    expect(ruleValue('in', 'food, 3;repair')).toEqual(['food', 3, 'repair']);
    expect(ruleValue('answered', 'ignored')).toBeUndefined();
  });

  it('reads a saved call back into the editor and builds the same call again', () => {
    const body = callBody(validDraft()).body!;
    const call = {
      ...body,
      id: '0190a1b2-0000-7000-8000-000000000001',
      version: 3,
      status: 'draft' as const,
      openedAt: null,
      closedAt: null,
      createdAt: body.opensAt,
      updatedAt: body.opensAt,
      applicationCounts: {},
    };
    const again = callBody(draftFromCall(call)).body!;
    expect(again).toEqual(body);
  });

  it('changes only the texts and the deadline of an open call', () => {
    const d = validDraft();
    const open = updateBody(d, { status: 'open', version: 7, projectId: null }).body!;
    expect(Object.keys(open).sort()).toEqual(['closesAt', 'description', 'title', 'version']);
    expect(open.version).toBe(7);
    const draft = updateBody(d, { status: 'draft', version: 2, projectId: null }).body!;
    expect(draft).toMatchObject({ version: 2, budgetMinor: 10_000_000, reviewersPerApplication: 2 });
  });

  it('adds up the weights as typed and maps server paths onto the editor', () => {
    expect(weightTotal(validDraft().criteria)).toBe(100);
    expect(weightTotal([{ ...newCriterion(), weight: 'x' }])).toBe(0);
    expect(editorField('body.title.uk')).toBe('titleUk');
    expect(editorField('body.eligibilityRules.2.months')).toBe('rules.2.months');
    expect(editorField('scoringRubric.criteria.0.weight')).toBe('criteria.0.weight');
    expect(editorField('requiredDocuments.1.kind')).toBe('documents.1.kind');
    expect(editorField('form.id')).toBe('form');
  });
});

describe('applying', () => {
  it('sends the applicant only with both names, and the business number only when typed', () => {
    const f = { ...emptyFields('uk'), phone: '067 123 45 67' };
    expect(namesMissing(f)).toBe(true);
    expect(draftBody(f)).not.toHaveProperty('applicant');
    expect(draftBody(f)).not.toHaveProperty('businessId');
    const named = { ...f, familyName: 'Мельник', givenName: 'Оксана', businessValue: ' 15371133 ' };
    expect(namesMissing(named)).toBe(false);
    expect(draftBody(named)).toMatchObject({
      language: 'uk',
      applicant: { familyName: 'Мельник', givenName: 'Оксана', phone: '067 123 45 67', email: null },
      businessId: { kind: 'edrpou', value: '15371133' },
    });
  });

  it('puts the server’s field problems beside the right fields, in the reader’s language', () => {
    const refusal = new ApiError(400, 'VALIDATION_FAILED', 'the application is not complete', {
      fields: [
        { field: 'applicant', message: 'give the applicant’s name and a phone number or email' },
        { field: 'applicant.phone', message: 'give a phone number or an email, so we can reach you' },
        { field: 'businessId.value', message: 'an ЄДРПОУ code has 8 digits and a valid check digit' },
        { field: 'documents.business_plan', message: 'upload: Business plan' },
        { field: 'body.applicant.email', message: 'Invalid email address' },
        { field: 'oblastPcode', message: 'something new' },
      ],
    });
    expect(applyFieldErrors(t, refusal)).toEqual({
      familyName: 'grants.apply.errors.applicant',
      phone: 'grants.apply.errors.contact',
      businessValue: 'grants.apply.errors.edrpou',
      'documents.business_plan': 'grants.apply.errors.documentMissing',
      email: 'forms.email',
      oblastPcode: 'something new',
    });
    expect(fieldOf('body.answers.plan')).toBe('answers');
  });

  it('tells the refusals of a whole application apart', () => {
    const conflict = (message: string) => new ApiError(409, 'CONFLICT', message);
    expect(
      applyRefusal(
        t,
        conflict(
          'an application for this business (ЄДРПОУ •••133) has already been submitted to this call: one application per business per call',
        ),
      ),
    ).toBe('grants.apply.errors.duplicate');
    expect(
      applyRefusal(t, conflict('the call closed on 2026-03-01: applications are no longer accepted')),
    ).toBe('grants.apply.errors.closed');
    expect(applyRefusal(t, new ApiError(409, 'VERSION_CONFLICT', 'saved elsewhere'))).toBe(
      'grants.apply.errors.stale',
    );
    expect(applyRefusal(t, new ApiError(500, 'INTERNAL', 'internal error'))).toBeNull();
  });

  it('explains a refused upload by what was wrong with the file', () => {
    const tooLarge = new ApiError(413, 'PAYLOAD_TOO_LARGE', 'too large', { maxBytes: 10 * 1024 * 1024 });
    expect(uploadRefusal(t, tooLarge, 'план.pdf', 'uk-UA')).toBe(
      `grants.apply.tooLarge ${JSON.stringify({ name: 'план.pdf', max: formatBytes(10 * 1024 * 1024, 'uk-UA') })}`,
    );
    expect(formatBytes(10 * 1024 * 1024, 'en-GB')).toBe('10 MB');
    expect(uploadRefusal(t, new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'x'), 'a.pdf', 'en-GB')).toBe(
      `grants.apply.wrongType ${JSON.stringify({ name: 'a.pdf' })}`,
    );
    expect(
      uploadRefusal(t, new ApiError(409, 'CONFLICT', 'at most 3', { maxFiles: 3 }), 'a.pdf', 'en-GB'),
    ).toBe(`grants.apply.tooMany ${JSON.stringify({ n: 3 })}`);
  });
});

describe('disbursement plan', () => {
  const cash = (amountMinor: number | null): TrancheDraft => ({
    amountMinor,
    dueDate: '2026-04-01',
    condition: '',
    modality: 'cash',
    items: [],
  });

  it('accepts a plan exactly when the tranches add up to the award (integers, so exactly)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 24 }),
        fc.integer({ min: -3, max: 3 }),
        (amounts, off) => {
          const total = amounts.reduce((a, b) => a + b, 0);
          const problems = planProblems(amounts.map(cash), total + off);
          expect('total' in problems).toBe(off !== 0);
        },
      ),
    );
  });

  it('asks in-kind tranches for procurement lines that add up to them', () => {
    const inKind: TrancheDraft = {
      ...cash(150_000),
      modality: 'in_kind',
      items: [
        { item: 'Кавомашина', quantity: '1', unitCostMinor: 120_000, supplier: '' },
        { item: 'Млинок', quantity: '2', unitCostMinor: 15_000, supplier: 'ТОВ «Зерно»' },
      ],
    };
    expect(planProblems([inKind], 150_000)).toEqual({});
    expect(planProblems([{ ...inKind, amountMinor: 140_000 }], 140_000)).toEqual({
      '0.items': 'grants.award.errors.itemsSum',
    });
    expect(trancheInputs([inKind])[0]!.items).toEqual([
      { item: 'Кавомашина', quantity: 1, unitCostMinor: 120_000, supplier: null },
      { item: 'Млинок', quantity: 2, unitCostMinor: 15_000, supplier: 'ТОВ «Зерно»' },
    ]);
    expect(trancheInputs([cash(5)])[0]).toEqual({
      amountMinor: 5,
      dueDate: '2026-04-01',
      condition: null,
      modality: 'cash',
      items: [],
    });
  });
});

describe('review scores', () => {
  const criteria = [
    { key: 'viability', label: { uk: 'Ж', en: 'V' }, weight: 60, scale: { min: 0, max: 10 } },
    { key: 'jobs', label: { uk: 'Р', en: 'J' }, weight: 40, scale: { min: 1, max: 5 } },
  ];

  it('accepts a score exactly when it is a whole number on the criterion’s scale', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 120 }), (n) => {
        const problems = scoreProblems(criteria, { jobs: { score: String(n), comment: 'ok' } }, false);
        expect('jobs.score' in problems).toBe(n < 1 || n > 5);
      }),
    );
  });

  it('lets a draft leave criteria out; a submitted review scores all of them, with comments', () => {
    expect(scoreProblems(criteria, { viability: { score: '7', comment: '' } }, false)).toEqual({});
    expect(scoreProblems(criteria, { viability: { score: '7', comment: '' } }, true)).toEqual({
      'viability.comment': 'grants.review.errors.commentNeeded',
      'jobs.score': 'grants.review.errors.scoreNeeded',
      'jobs.comment': 'grants.review.errors.commentNeeded',
    });
    expect(
      scoreInputs(criteria, {
        viability: { score: ' 7 ', comment: ' clear plan ' },
        jobs: { score: '', comment: 'x' },
      }),
    ).toEqual([{ criterion: 'viability', score: 7, comment: 'clear plan' }]);
  });
});

describe('dates and the funnel', () => {
  it('keeps an instant through a datetime-local field, to the minute', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        const minute = new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
        expect(fromLocalInput(toLocalInput(minute))).toBe(minute);
      }),
    );
    expect(fromLocalInput('')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });

  it('gives each stage as a share of the applications', () => {
    expect(shareOf(0, 0)).toBe(0);
    expect(shareOf(1, 3)).toBe(33);
    expect(shareOf(2, 2)).toBe(100);
  });
});
