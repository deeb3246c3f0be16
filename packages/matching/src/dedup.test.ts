import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS, PATTERN_COUNT } from './compare.ts';
import type { PersonRecord } from './dataset.ts';
import { prepareDataset } from './dataset.ts';
import { dedupe } from './dedup.ts';
import { explainPattern } from './model.explain.ts';
import { patternWeights } from './model.score.ts';
import { fitModel } from './model.train.ts';
import { defaultModel } from './model.ts';

const people: PersonRecord[] = [
  // one person registered three times: Cyrillic, Latin (KMU), Russian form with swapped day/month
  {
    id: 'a1',
    familyName: 'Коваленко',
    givenName: 'Олександр',
    patronymic: 'Сергійович',
    sex: 'M',
    birthDate: '1985-03-02',
    phone: '380671234567',
  },
  {
    id: 'a2',
    familyName: 'Kovalenko',
    givenName: 'Oleksandr',
    patronymic: '',
    sex: 'M',
    birthDate: '1985-03-02',
    phone: '0671234567',
  },
  {
    id: 'a3',
    familyName: 'Коваленко',
    givenName: 'Александр',
    patronymic: 'Сергеевич',
    sex: 'M',
    birthDate: '1985-02-03',
    phone: '',
  },
  // twins: same surname, patronymic, birth date and phone, different given names
  {
    id: 't1',
    familyName: 'Шевчук',
    givenName: 'Іван',
    patronymic: 'Петрович',
    sex: 'M',
    birthDate: '2010-06-15',
    phone: '380501112233',
  },
  {
    id: 't2',
    familyName: 'Шевчук',
    givenName: 'Марко',
    patronymic: 'Петрович',
    sex: 'M',
    birthDate: '2010-06-15',
    phone: '380501112233',
  },
  // namesakes born in different years
  {
    id: 'n1',
    familyName: 'Мельник',
    givenName: 'Олена',
    patronymic: 'Іванівна',
    sex: 'F',
    birthDate: '1970-01-20',
    phone: '380991000001',
  },
  {
    id: 'n2',
    familyName: 'Мельник',
    givenName: 'Олена',
    patronymic: 'Петрівна',
    sex: 'F',
    birthDate: '1992-08-11',
    phone: '380991000002',
  },
  // feminine surname form typed with a Latin 'о' and a Russian given name
  {
    id: 'b1',
    familyName: 'Ковальська',
    givenName: 'Наталія',
    patronymic: 'Андріївна',
    sex: 'F',
    birthDate: '1979-11-30',
    phone: '380931234000',
  },
  {
    id: 'b2',
    familyName: 'Кoвальская',
    givenName: 'Наталья',
    patronymic: 'Андреевна',
    sex: 'F',
    birthDate: '1979-11-30',
    phone: '380931234000',
  },
];

describe('dedupe', () => {
  it('merges the registrations of one person and keeps twins and namesakes apart', async () => {
    const d = prepareDataset(people);
    const r = await dedupe(d, { model: defaultModel() });
    const cluster = (id: string) => r.clusterOf[people.findIndex((p) => p.id === id)];
    expect(cluster('a2')).toBe(cluster('a1'));
    expect(cluster('a3')).toBe(cluster('a1'));
    expect(cluster('b2')).toBe(cluster('b1'));
    expect(cluster('t1')).not.toBe(cluster('t2'));
    expect(cluster('n1')).not.toBe(cluster('n2'));
    expect(r.stats.records).toBe(people.length);
    expect(r.stats.clusters).toBe(6);
  });

  it('explains a pair field by field, and the weights add up to the score', async () => {
    const d = prepareDataset(people);
    const r = await dedupe(d, { model: defaultModel() });
    const e = r.explain(0, 2);
    expect(e.fields.map((f) => f.field)).toEqual(FIELDS.map((f) => f.name));
    expect(e.fields.find((f) => f.field === 'birth_date')?.label).toBe('day/month swapped');
    const sum = e.prior + e.fields.reduce((s, f) => s + f.weight, 0);
    expect(sum).toBeCloseTo(e.total, 6);
    expect(e.decision).toBe('link');
    const twins = r.explain(3, 4);
    expect(twins.decision).not.toBe('link');
  });
});

describe('fitModel', () => {
  it('keeps the prior model on empty input and produces finite weights', () => {
    const m = fitModel(new Float64Array(PATTERN_COUNT));
    const w = patternWeights(m);
    expect(w.every((x) => Number.isFinite(x))).toBe(true);
  });

  it('explanations always sum to the pattern weight (property)', () => {
    const m = defaultModel();
    const w = patternWeights(m);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: PATTERN_COUNT - 1 }), (code) => {
        const e = explainPattern(m, code);
        expect(e.total).toBeCloseTo(w[code]!, 4);
        expect(e.prior + e.fields.reduce((s, f) => s + f.weight, 0)).toBeCloseTo(e.total, 6);
      }),
    );
  });
});

describe('placeholders', () => {
  it('treats a phone or birth date shared by too many records as missing', () => {
    const many: PersonRecord[] = Array.from({ length: 60 }, (_, i) => ({
      id: `p${i}`,
      familyName: `Прізвище${i}`,
      givenName: 'Іван',
      birthDate: i < 40 ? '1970-01-01' : `1980-02-${String(1 + (i % 28)).padStart(2, '0')}`,
      phone: i < 35 ? '380441234567' : `38067${String(i).padStart(7, '0')}`,
    }));
    const d = prepareDataset(many);
    expect(d.suppressed.phones).toBe(1);
    expect(d.suppressed.birthDates).toBe(1);
    expect(d.phone[0]).toBe(-1);
    expect(d.dob[0]).toBe(0);
    expect(d.dob[45]).toBe(19800218);
  });
});
