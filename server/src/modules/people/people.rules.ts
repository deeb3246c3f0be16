import type { IdentifierType, WashingtonGroup } from '@oselia/contracts';

/**
 * Ukrainian numbers in the ways people write them (+380 67 123 45 67, 067-123-45-67, 380671234567)
 * become E.164 (+380671234567); anything else is refused (null).
 */
export function normaliseUkrainianPhone(input: string): string | null {
  const digits = input.replace(/[\s()\-.]/g, '');
  if (!/^\+?\d+$/.test(digits)) return null;
  const d = digits.replace(/^\+/, '');
  let national: string | null = null;
  if (/^380\d{9}$/.test(d)) national = d.slice(3);
  else if (/^0\d{9}$/.test(d)) national = d.slice(1);
  else if (/^80\d{9}$/.test(d)) national = d.slice(2);
  else if (/^[1-9]\d{8}$/.test(d) && !digits.startsWith('+')) national = d;
  // Ukrainian subscriber numbers start with an operator or area code, never 0.
  if (!national || national.startsWith('0')) return null;
  return `+380${national}`;
}

const RNOKPP_WEIGHTS = [-1, 5, 7, 9, 4, 6, 10, 5, 7];

/** РНОКПП: ten digits, the last a check digit over the first nine. */
export function isValidTaxNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const sum = RNOKPP_WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  return (((sum % 11) + 11) % 11) % 10 === Number(value[9]);
}

/** The keyed-hash purpose of an identifier type: the same number hashes apart across types. */
export const identifierPurpose = (type: IdentifierType) => `identifier:${type}`;

/** Canonical form of an identifier for hashing and lookup: case and spacing do not matter. */
export function canonicalIdentifier(type: IdentifierType, value: string): string {
  const v = value
    .normalize('NFC')
    .toUpperCase()
    .replace(/[\s\-–]/g, '');
  return type === 'tax_number' ? v.replace(/\D/g, '') : v;
}

/** Checks an identifier's shape; returns a message when it is wrong. */
export function checkIdentifier(type: IdentifierType, canonical: string): string | null {
  switch (type) {
    case 'tax_number':
      return isValidTaxNumber(canonical)
        ? null
        : 'a tax number (РНОКПП) has 10 digits and a valid check digit';
    case 'passport':
      // Old booklet (two Cyrillic letters and six digits), ID card (nine digits), or a foreign passport.
      return /^([А-ЯІЇЄҐ]{2}\d{6}|\d{9}|[A-Z]{2}\d{6})$/.test(canonical)
        ? null
        : 'a passport number looks like АА123456, 123456789 or FA123456';
    case 'idp_certificate':
      return /^[0-9A-ZА-ЯІЇЄҐ]{4,20}$/.test(canonical)
        ? null
        : 'an IDP certificate number has 4 to 20 letters and digits';
    case 'birth_certificate':
      return /^[IVXLCІ1-9]{1,4}[А-ЯІЇЄҐA-Z]{2}\d{6}$/.test(canonical)
        ? null
        : 'a birth certificate looks like I-АБ 123456';
  }
}

/** Shows only the last characters: enough to tell documents apart, not to use one. */
export function maskIdentifier(canonical: string): string {
  const keep = Math.min(3, Math.max(1, canonical.length - 4));
  return `${'•'.repeat(Math.max(0, canonical.length - keep))}${canonical.slice(-keep)}`;
}

/** WG-SS standard cut-off: "a lot of difficulty" or "cannot do" in at least one domain. */
export function hasDisability(wg: WashingtonGroup | null): boolean | null {
  if (!wg) return null;
  const answers = Object.values(wg);
  if (answers.some((a) => a === 'a_lot_of_difficulty' || a === 'cannot_do')) return true;
  return answers.every((a) => a === null) ? null : false;
}

/** Reporting age band on a given day (0–17, 18–59, 60+). */
export function ageBandOf(birthDate: string | null, on: Date = new Date()): '0-17' | '18-59' | '60+' | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = on.getUTCFullYear() - y;
  if (on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d)) age--;
  return age < 18 ? '0-17' : age < 60 ? '18-59' : '60+';
}
