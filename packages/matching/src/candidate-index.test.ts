import { describe, expect, it } from 'vitest';
import { CandidateIndex } from './candidate-index.ts';
import type { PersonRecord } from './dataset.ts';
import { defaultModel } from './model.ts';

const registry: PersonRecord[] = [
  {
    id: 'a',
    familyName: 'Коваленко',
    givenName: 'Олександр',
    patronymic: 'Сергійович',
    sex: 'M',
    birthDate: '1985-03-02',
    phone: '380671234567',
  },
  {
    id: 'b',
    familyName: 'Шевчук',
    givenName: 'Іван',
    patronymic: 'Петрович',
    sex: 'M',
    birthDate: '2010-06-15',
    phone: '380501112233',
  },
  {
    id: 'c',
    familyName: 'Шевчук',
    givenName: 'Марко',
    patronymic: 'Петрович',
    sex: 'M',
    birthDate: '2010-06-15',
    phone: '380501112233',
  },
  {
    id: 'd',
    familyName: 'Мельник',
    givenName: 'Олена',
    patronymic: 'Іванівна',
    sex: 'F',
    birthDate: '1970-01-20',
    phone: '',
  },
];

describe('CandidateIndex', () => {
  const index = CandidateIndex.build(registry, { model: defaultModel() });

  it('finds an existing person typed in Latin with a Russian given name', () => {
    const found = index.findCandidates({
      id: 'new',
      familyName: 'Kovalenko',
      givenName: 'Aleksandr',
      patronymic: '',
      sex: 'M',
      birthDate: '1985-02-03',
      phone: '',
    });
    expect(found[0]?.id).toBe('a');
    expect(found[0]?.explanation.fields.find((f) => f.field === 'birth_date')?.label).toBe(
      'day/month swapped',
    );
  });

  it('finds someone whose record has no birth date through the name rules', () => {
    const found = index.findCandidates(
      {
        id: 'new',
        familyName: 'Мельник',
        givenName: 'Олена',
        patronymic: 'Іванівна',
        sex: 'F',
      },
      { minWeight: -10 },
    );
    expect(found[0]?.id).toBe('d');
    expect(found[0]?.explanation.fields.find((f) => f.field === 'birth_date')?.label).toBe('missing');
  });

  it('does not offer a twin as the same person', () => {
    const found = index.findCandidates({
      id: 'new',
      familyName: 'Шевчук',
      givenName: 'Іван',
      patronymic: 'Петрович',
      sex: 'M',
      birthDate: '2010-06-15',
      phone: '380501112233',
    });
    expect(found[0]?.id).toBe('b');
    const twin = found.find((c) => c.id === 'c');
    if (twin) expect(twin.decision).not.toBe('link');
  });

  it('returns nothing for a stranger', () => {
    const found = index.findCandidates({
      id: 'x',
      familyName: 'Зозуля',
      givenName: 'Тарас',
      birthDate: '1999-09-09',
      phone: '380000000001',
    });
    expect(found).toEqual([]);
  });
});
