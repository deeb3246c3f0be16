import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageBandOf,
  canonicalIdentifier,
  checkIdentifier,
  hasDisability,
  isValidTaxNumber,
  maskIdentifier,
  normaliseUkrainianPhone,
} from './people.rules.ts';

/** Builds a valid РНОКПП from nine digits. */
function withCheckDigit(nine: string) {
  const w = [-1, 5, 7, 9, 4, 6, 10, 5, 7];
  const sum = w.reduce((a, x, i) => a + x * Number(nine[i]), 0);
  return `${nine}${(((sum % 11) + 11) % 11) % 10}`;
}

describe('normaliseUkrainianPhone', () => {
  it.each([
    ['+380 67 123 45 67', '+380671234567'],
    ['067-123-45-67', '+380671234567'],
    ['380671234567', '+380671234567'],
    ['(067) 123 45 67', '+380671234567'],
    ['80671234567', '+380671234567'],
  ])('%s → %s', (input, out) => expect(normaliseUkrainianPhone(input)).toBe(out));

  it.each(['12345', '+48 601 234 567', 'phone', '+380 0671234567', ''])('refuses %s', (input) => {
    expect(normaliseUkrainianPhone(input)).toBeNull();
  });
});

describe('tax number (РНОКПП)', () => {
  it('accepts a number whose check digit is right and refuses every other last digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (nine) => {
        const good = withCheckDigit(nine);
        expect(isValidTaxNumber(good)).toBe(true);
        for (let d = 0; d <= 9; d++)
          if (String(d) !== good[9]) expect(isValidTaxNumber(`${nine}${d}`)).toBe(false);
      }),
    );
  });
  it('refuses wrong lengths and letters', () => {
    expect(isValidTaxNumber('123456789')).toBe(false);
    expect(isValidTaxNumber('12345678901')).toBe(false);
    expect(isValidTaxNumber('12345abcde')).toBe(false);
  });
});

describe('identifiers', () => {
  it('canonicalises case and spacing', () => {
    expect(canonicalIdentifier('passport', 'ab 123-456')).toBe('AB123456');
    expect(checkIdentifier('passport', canonicalIdentifier('passport', 'ас 123456'))).toBeNull();
    expect(checkIdentifier('passport', '12345')).toMatch(/passport/);
    expect(
      checkIdentifier('birth_certificate', canonicalIdentifier('birth_certificate', 'I-АБ 123456')),
    ).toBeNull();
  });
  it('masks all but the last characters', () => {
    expect(maskIdentifier('1234567890')).toBe('•••••••890');
    expect(maskIdentifier('AB12')).toBe('•••2');
  });
});

describe('Washington Group Short Set', () => {
  const none = {
    seeing: null,
    hearing: null,
    walking: null,
    cognition: null,
    selfCare: null,
    communication: null,
  };
  it('applies the standard cut-off', () => {
    expect(hasDisability(null)).toBeNull();
    expect(hasDisability(none)).toBeNull();
    expect(hasDisability({ ...none, seeing: 'some_difficulty', walking: 'some_difficulty' })).toBe(false);
    expect(hasDisability({ ...none, walking: 'a_lot_of_difficulty' })).toBe(true);
    expect(hasDisability({ ...none, hearing: 'cannot_do' })).toBe(true);
  });
});

describe('ageBandOf', () => {
  const on = new Date('2026-11-28T12:00:00Z');
  it('turns 18 and 60 on the birthday', () => {
    expect(ageBandOf('2008-11-28', on)).toBe('18-59');
    expect(ageBandOf('2008-11-29', on)).toBe('0-17');
    expect(ageBandOf('1966-11-28', on)).toBe('60+');
    expect(ageBandOf('1966-11-29', on)).toBe('18-59');
    expect(ageBandOf(null, on)).toBeNull();
  });
});
