import { randomInt } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed is hard to get wrong. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;

/** `length` random Crockford characters (5 bits each). */
export function randomCrockford(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(32)];
  return code;
}

/** A new verification code: 10 random characters (50 bits), unguessable but short enough to type. */
export const newCertificateCode = () => randomCrockford(CODE_LENGTH);

/** An application's reference, easy to read out on the phone: TR-7K3M-9QXP. */
export const newReferenceCode = () => `TR-${randomCrockford(4)}-${randomCrockford(4)}`;

/** As printed: two groups of five (7K3M9-QXPA2). */
export const formatCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/**
 * A code as someone typed it, in its stored form; null when it cannot be one. Case, spaces and
 * dashes do not matter, and the letters people confuse with digits read as those digits.
 */
export function normaliseCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!ALPHABET.includes(ch)) return null;
  return code;
}

/** "Шевченко Олена Петрівна" → "Ш. О. П.": what the public verification shows of the holder. */
export function initialsOf(name: string): string {
  return name
    .split(/[\s-]+/u)
    .map((w) => w.replace(/^[^\p{L}]+/u, ''))
    .filter((w) => w.length > 0)
    .map((w) => `${[...w][0]!.toUpperCase()}.`)
    .join(' ');
}
