import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimalText, parseAmountToMinor } from './money.ts';
import { checkTaxNumber, taxNumberBirthDate } from './taxNumber.ts';
import { disabilityOf, emptyWg } from './washingtonGroup.ts';

describe('money', () => {
  it('turns hryvnias typed in any common way into exact kopiykas', () => {
    expect(parseAmountToMinor('1234')).toBe(123400);
    expect(parseAmountToMinor('1 234,56')).toBe(123456);
    expect(parseAmountToMinor('1\u00a0234.5')).toBe(123450);
    expect(parseAmountToMinor('0.29')).toBe(29);
    expect(parseAmountToMinor('4.35')).toBe(435); // 4.35 * 100 is 434.99999… as a float
    expect(parseAmountToMinor('1.005')).toBeNull();
    expect(parseAmountToMinor('12,')).toBe(1200);
    expect(parseAmountToMinor('-5')).toBeNull();
    expect(parseAmountToMinor('abc')).toBeNull();
    expect(parseAmountToMinor('')).toBeNull();
    expect(parseAmountToMinor('7', 0)).toBe(7);
  });

  it('writes minor units back as exact decimals and as money', () => {
    expect(minorToDecimalText(123456)).toBe('1234.56');
    expect(minorToDecimalText(5)).toBe('0.05');
    expect(minorToDecimalText(0)).toBe('0.00');
    expect(formatMoney(123456, 'UAH', 'en-GB')).toMatch(/^UAH\s1,234\.56$/);
    expect(formatMoney(999_999_999_999, 'USD', 'en-GB')).toBe('US$9,999,999,999.99');
  });
});

describe('РНОКПП', () => {
  it('checks the check digit and reads the birth date', () => {
    expect(checkTaxNumber('')).toBe('empty');
    expect(checkTaxNumber('12345')).toBe('incomplete');
    expect(checkTaxNumber('3006004652')).toBe('valid');
    expect(checkTaxNumber('3006004653')).toBe('invalid');
    expect(checkTaxNumber('30060046521')).toBe('invalid');
    expect(taxNumberBirthDate('3006004652')).toBe('1982-04-20');
  });
});

describe('Washington Group', () => {
  it('flags a disability at "a lot of difficulty" or "cannot do"', () => {
    expect(disabilityOf(emptyWg())).toBeNull();
    expect(disabilityOf({ ...emptyWg(), seeing: 'some_difficulty' })).toBe(false);
    expect(disabilityOf({ ...emptyWg(), walking: 'a_lot_of_difficulty' })).toBe(true);
    expect(disabilityOf({ ...emptyWg(), selfCare: 'cannot_do' })).toBe(true);
  });
});
