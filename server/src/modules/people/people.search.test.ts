import { describe, expect, it } from 'vitest';
import { personSearchKeys, queryWordKeys } from './people.search.ts';

const matches = (
  query: string,
  person: { familyName: string; givenName: string; patronymic: string | null },
) => {
  const keys = new Set(personSearchKeys(person));
  return query.split(/\s+/).every((w) => queryWordKeys(w).some((k) => keys.has(k)));
};

describe('search keys', () => {
  const shevchenko = { familyName: 'Шевченко', givenName: 'Олександр', patronymic: 'Петрович' };
  it.each([
    'Oleksandr Shevchenko',
    'Aleksandr Shevchenko',
    'Олександр Шевченко',
    'Александр Шевченко',
    'shevchenko olexandr',
    'Шевченко Петрович',
  ])('"%s" finds Шевченко Олександр Петрович', (q) => expect(matches(q, shevchenko)).toBe(true));

  it.each(['Serhiy', 'Serhii', 'Sergey', 'Сергей', 'Sergii'])('"%s" finds Сергій', (q) => {
    expect(matches(q, { familyName: 'Коваль', givenName: 'Сергій', patronymic: null })).toBe(true);
  });

  it('joins feminine and masculine surname forms', () => {
    expect(matches('Kovalska', { familyName: 'Ковальський', givenName: 'Іван', patronymic: null })).toBe(
      true,
    );
    expect(matches('Ivanova', { familyName: 'Іванов', givenName: 'Петро', patronymic: null })).toBe(true);
  });

  it('does not match a different name', () => {
    expect(matches('Oleksandr Bondarenko', shevchenko)).toBe(false);
    expect(matches('Mykola', shevchenko)).toBe(false);
  });
});
