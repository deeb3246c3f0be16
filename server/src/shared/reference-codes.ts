import { randomInt } from 'node:crypto';

/**
 * References and secrets that people read aloud, copy by hand or type back: a grant application's,
 * a feedback item's. (Training certificates use Crockford's base 32 instead; see trainings.)
 */

/** Letters and digits that cannot be mistaken for each other when read aloud or copied by hand. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
const pick = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** A short reference to say on the phone, e.g. GR-7K3M-9QXP (30⁸ ≈ 6.6 × 10¹¹ codes per prefix). */
export const newPrefixedReference = (prefix: string) => `${prefix}-${pick(4)}-${pick(4)}`;

/** A secret shown once: 20 characters (≈ 98 bits) in groups of five. */
export const newSecret = () => [pick(5), pick(5), pick(5), pick(5)].join('-');

/** A code as typed back: case, spaces and dashes do not matter. */
export const normaliseCode = (value: string) => value.toUpperCase().replace(/[\s-]/g, '');
