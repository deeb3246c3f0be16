/**
 * The Ukrainian taxpayer number (РНОКПП): ten digits, the last a check digit over the first nine.
 * The same rule as the server's, used here only to warn while typing; the server decides.
 */
const WEIGHTS = [-1, 5, 7, 9, 4, 6, 10, 5, 7];

export type TaxNumberCheck = 'empty' | 'incomplete' | 'valid' | 'invalid';

export function checkTaxNumber(input: string): TaxNumberCheck {
  const digits = input.replace(/[\s-]/g, '');
  if (digits === '') return 'empty';
  if (!/^\d*$/.test(digits)) return 'invalid';
  if (digits.length < 10) return 'incomplete';
  if (digits.length > 10) return 'invalid';
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(digits[i]), 0);
  return (((sum % 11) + 11) % 11) % 10 === Number(digits[9]) ? 'valid' : 'invalid';
}

/**
 * The birth date a valid РНОКПП encodes: its first five digits count the days since
 * 31 December 1899. Used to warn when it disagrees with the birth date typed in.
 */
export function taxNumberBirthDate(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (checkTaxNumber(digits) !== 'valid') return null;
  const days = Number(digits.slice(0, 5));
  const date = new Date(Date.UTC(1899, 11, 31 + days));
  return date.toISOString().slice(0, 10);
}
