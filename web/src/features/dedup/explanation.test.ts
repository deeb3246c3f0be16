import { duplicateCheckBody } from '@oselia/contracts';
import {
  DATE_LEVELS,
  EXACT_LEVELS,
  FIELDS,
  NAME_LEVELS,
  PATRONYMIC_LEVELS,
  vetoReason,
} from '@oselia/matching';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en.ts';
import { uk } from '../../i18n/uk.ts';
import {
  type DraftForCheck,
  defaultSurvivor,
  duplicateCheckRequest,
  FIELD_KEYS,
  formatProbability,
  formatWeight,
  isFieldKey,
  LEVEL_KEYS,
  levelKey,
  markRespelled,
  NOTE_KEYS,
  noteKey,
  weighEvidence,
} from './explanation.ts';

describe('the engine’s words on screen', () => {
  it('has a message for every field and agreement level the engine reports', () => {
    expect(FIELDS.map((f) => f.name)).toEqual([...FIELD_KEYS]);
    for (const label of [...NAME_LEVELS, ...PATRONYMIC_LEVELS, ...DATE_LEVELS, ...EXACT_LEVELS])
      expect(levelKey(label), label).not.toBeNull();
    for (const messages of [uk, en]) {
      for (const key of LEVEL_KEYS) expect(messages.dedup.levels[key]).toBeTruthy();
      for (const key of FIELD_KEYS) expect(messages.dedup.fields[key]).toBeTruthy();
      for (const key of NOTE_KEYS) expect(messages.dedup.notes[key]).toBeTruthy();
    }
    expect(levelKey('something new')).toBeNull();
    expect(levelKey('toString')).toBeNull();
    expect(isFieldKey('birth_date')).toBe(true);
    expect(isFieldKey('address')).toBe(false);
  });

  it('knows every reason the engine gives for not linking automatically', () => {
    const levels = (over: Record<number, number>) => FIELDS.map((_, f) => over[f] ?? 1);
    const reasons = [
      vetoReason(levels({ 1: 4, 5: 0 })),
      vetoReason(levels({ 0: 4, 1: 2, 5: 0 })),
      vetoReason(levels({ 3: 6, 5: 0 })),
    ];
    expect(reasons.every((r) => r !== undefined)).toBe(true);
    for (const r of reasons) expect(noteKey(r!), r).not.toBeNull();
    for (const r of ['between thresholds', 'vetoed', 'cluster guard']) expect(noteKey(r)).not.toBeNull();
  });
});

describe('evidence', () => {
  const field = fc.record({
    field: fc.constantFrom(...FIELD_KEYS),
    label: fc.string(),
    weight: fc.double({ min: -20, max: 20, noNaN: true }),
  });

  it('splits the fields into for, against and neutral, strongest first', () => {
    fc.assert(
      fc.property(fc.array(field, { maxLength: 8 }), (fields) => {
        const e = weighEvidence(fields);
        expect(e.for.length + e.against.length + e.neutral.length).toBe(fields.length);
        expect(e.for.every((f) => f.weight > 0)).toBe(true);
        expect(e.against.every((f) => f.weight < 0)).toBe(true);
        for (let i = 1; i < e.for.length; i++)
          expect(e.for[i - 1]!.weight).toBeGreaterThanOrEqual(e.for[i]!.weight);
        for (let i = 1; i < e.against.length; i++)
          expect(e.against[i - 1]!.weight).toBeLessThanOrEqual(e.against[i]!.weight);
      }),
    );
    const e = weighEvidence([
      { field: 'phone', label: 'equal', weight: 6.2 },
      { field: 'birth_date', label: 'exact', weight: 9.1 },
      { field: 'patronymic', label: 'missing', weight: 0 },
      { field: 'sex', label: 'different', weight: -4 },
    ]);
    expect(e.for.map((f) => f.field)).toEqual(['birth_date', 'phone']);
    expect(e.against.map((f) => f.field)).toEqual(['sex']);
    expect(e.neutral.map((f) => f.field)).toEqual(['patronymic']);
  });

  it('writes weights with their sign and probabilities that never claim certainty', () => {
    expect(formatWeight(8.14, 'en-GB')).toBe('+8.1');
    expect(formatWeight(-3.25, 'en-GB')).toBe('−3.2');
    expect(formatWeight(8.14, 'uk-UA')).toBe('+8,1');
    expect(formatWeight(0.04, 'en-GB')).toBe('0');
    expect(formatProbability(0.5, 'en-GB')).toBe('50.0%');
    expect(formatProbability(0.99999, 'en-GB')).toBe('> 99.9%');
    expect(formatProbability(0.00001, 'en-GB')).toBe('< 0.1%');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        const text = formatProbability(p, 'en-GB');
        expect(text).not.toMatch(/^100\.0%$/);
        expect(text).not.toMatch(/^0\.0%$/);
      }),
    );
  });

  it('says when the same name is spelled differently', () => {
    const fields = [
      { field: 'family_name', label: 'exact', weight: 1 },
      { field: 'given_name', label: 'exact', weight: 1 },
      { field: 'patronymic', label: 'missing', weight: 0 },
      { field: 'birth_date', label: 'exact', weight: 8 },
    ];
    const marked = markRespelled(
      fields,
      { familyName: 'Кравченко', givenName: 'Олексій', patronymic: null },
      { familyName: 'кравченко ', givenName: 'Алексей', patronymic: null },
    );
    expect(marked.map((f) => levelKey(f.label))).toEqual(['exact', 'respelled', 'missing', 'exact']);
  });

  it('lets the record registered first survive a merge by default', () => {
    const a = { id: 'a', createdAt: '2026-01-02T10:00:00Z', identifiers: [] };
    const b = { id: 'b', createdAt: '2026-01-01T10:00:00Z', identifiers: [] };
    expect(defaultSurvivor(a, b)).toBe('b');
    expect(defaultSurvivor(b, a)).toBe('b');
    expect(defaultSurvivor(a, { ...a, id: 'c', identifiers: [1] })).toBe('c');
  });
});

describe('the duplicate check of a draft', () => {
  const draft = (over: Partial<DraftForCheck> = {}): DraftForCheck => ({
    familyName: 'Шевченко',
    givenName: 'Олександр',
    patronymic: '',
    birthDate: '1981-03-14',
    birthDatePrecision: 'day',
    sex: 'M',
    phone: '',
    taxNumber: null,
    ...over,
  });

  it('waits for a surname and a given name', () => {
    expect(duplicateCheckRequest(draft({ familyName: 'Ш' }))).toBeNull();
    expect(duplicateCheckRequest(draft({ givenName: '  ' }))).toBeNull();
    expect(duplicateCheckRequest(draft())).toMatchObject({ familyName: 'Шевченко', patronymic: null });
  });

  it('sends a birth date only when the day is known, and a phone once it has six digits', () => {
    expect(duplicateCheckRequest(draft())!.birthDate).toBe('1981-03-14');
    expect(
      duplicateCheckRequest(draft({ birthDatePrecision: 'year', birthDate: '1981-07-01' }))!.birthDate,
    ).toBeNull();
    expect(duplicateCheckRequest(draft({ birthDate: '1981-02-30' }))!.birthDate).toBeNull();
    expect(duplicateCheckRequest(draft({ phone: '067 12' }))!.phones).toEqual([]);
    expect(duplicateCheckRequest(draft({ phone: ' 067 123 45 67 ' }))!.phones).toEqual(['067 123 45 67']);
  });

  it('always builds a body the server accepts', () => {
    fc.assert(
      fc.property(
        fc.record({
          familyName: fc.string({ maxLength: 140 }),
          givenName: fc.string({ maxLength: 140 }),
          patronymic: fc.string({ maxLength: 140 }),
          birthDate: fc.option(
            fc.oneof(fc.string({ maxLength: 12 }), fc.stringMatching(/^\d{4}-[01]\d-[0-3]\d$/)),
            { nil: null },
          ),
          birthDatePrecision: fc.constantFrom('day', 'month', 'year', 'estimated'),
          sex: fc.constantFrom('F' as const, 'M' as const, 'other' as const, 'unknown' as const),
          phone: fc.string({ maxLength: 40 }),
          taxNumber: fc.constant(null),
        }),
        (d) => {
          const body = duplicateCheckRequest(d);
          if (body === null) return;
          expect(duplicateCheckBody.safeParse(body).success).toBe(true);
        },
      ),
    );
  });
});
