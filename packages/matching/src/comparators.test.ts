import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dateLevel,
  exactLevel,
  jaro,
  jaroWinkler,
  nameLevel,
  osaDistance,
  parseDate,
} from './comparators.ts';

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return d[a.length]![b.length]!;
}

describe('jaroWinkler', () => {
  it('matches textbook values', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 3);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
    expect(jaro('', '')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('is symmetric, bounded and 1 on equal strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const s = jaroWinkler(a, b);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1 + 1e-12);
        expect(jaroWinkler(b, a)).toBeCloseTo(s, 12);
        if (a.length > 0) expect(jaroWinkler(a, a)).toBe(1);
      }),
    );
  });
});

describe('osaDistance', () => {
  it('counts a transposition as one edit', () => {
    expect(osaDistance('oleksandr', 'olekasndr')).toBe(1);
    expect(osaDistance('natalia', 'nataliia')).toBe(1);
    expect(osaDistance('abc', 'abc')).toBe(0);
    expect(osaDistance('abcdef', 'ghijkl', 2)).toBe(3);
  });

  it('never exceeds Levenshtein and agrees with it when small (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const lev = levenshtein(a, b);
        const osa = osaDistance(a, b, 2);
        expect(osa).toBeLessThanOrEqual(Math.min(lev, 3));
        if (lev <= 1) expect(osa).toBe(lev);
      }),
    );
  });
});

describe('nameLevel', () => {
  it('grades spellings', () => {
    expect(nameLevel(false, '', 'ivan')).toBe(0);
    expect(nameLevel(true, 'ivan', 'ivan')).toBe(1);
    expect(nameLevel(false, 'kovalenko', 'kovalnko')).toBe(2);
    expect(nameLevel(false, 'kovalenko', 'kovalchuk')).toBe(3);
    expect(nameLevel(false, 'maksim', 'zinovi')).toBe(4);
  });
});

describe('dates', () => {
  it('parses and validates', () => {
    expect(parseDate('1985-03-02')).toBe(19850302);
    expect(parseDate('')).toBe(0);
    expect(parseDate('2023-02-29')).toBe(-1);
    expect(parseDate('2024-02-29')).toBe(20240229);
    expect(parseDate('1985-13-01')).toBe(-1);
    expect(parseDate('02.03.1985')).toBe(-1);
    expect(parseDate('1985-3-2')).toBe(-1);
  });

  it('grades agreement', () => {
    expect(dateLevel(0, 19850302)).toBe(0);
    expect(dateLevel(19850302, 19850302)).toBe(1);
    expect(dateLevel(19850302, 19850203)).toBe(2);
    expect(dateLevel(19850302, 19850307)).toBe(3);
    expect(dateLevel(19850302, 19860302)).toBe(3);
    expect(dateLevel(19850302, 19840302)).toBe(3);
    expect(dateLevel(19891231, 19901231)).toBe(4);
    expect(dateLevel(19850302, 19790911)).toBe(5);
    expect(dateLevel(19850302, 19720911)).toBe(6);
  });

  it('is symmetric (property)', () => {
    const date = fc
      .date({ min: new Date('1900-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
      .map((d) => d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate());
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(dateLevel(a, b)).toBe(dateLevel(b, a));
      }),
    );
  });
});

describe('exactLevel', () => {
  it('treats the missing value as neutral', () => {
    expect(exactLevel(-1, 5, -1)).toBe(0);
    expect(exactLevel(5, 5, -1)).toBe(1);
    expect(exactLevel(4, 5, -1)).toBe(2);
  });
});
