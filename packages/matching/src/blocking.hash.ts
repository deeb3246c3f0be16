/**
 * Hashes behind the blocking keys: a 32-bit mix of integers, and per name the hashes of its prefix,
 * consonants and stem that the fuzzier rules block on.
 */
import type { BlockingAux } from './blocking.ts';
import type { Dataset } from './dataset.ts';

function mix(h: number, v: number): number {
  let k = Math.imul(v | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** 32-bit hash of a salt and up to three integers (fixed arity: no allocation per call). */
export function hashInts(salt: number, a: number, b = 0, c = 0): number {
  return fin(mix(mix(mix(salt | 0, a), b), c));
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

const famPrefixHash = (s: string) => hashString(s.slice(0, 3));
const givenPrefixHash = (s: string) => hashString(s.slice(0, 2));
const consonantHash = (s: string) => hashString(s.replace(/[aeiou]/g, ''));
const stemHash = (s: string) => hashString(s.replace(/[aeiou]+$/, ''));

/** Hashes of name parts used by the rules; `spare` extra slots at the end are left for query records. */
export function blockingAux(d: Pick<Dataset, 'famStr' | 'givenSkelStr'>, spare = 0): BlockingAux {
  const famPrefix = new Int32Array(d.famStr.length + spare);
  const famConsonants = new Int32Array(d.famStr.length + spare);
  const famStem = new Int32Array(d.famStr.length + spare);
  d.famStr.forEach((s, i) => {
    famPrefix[i] = famPrefixHash(s);
    famConsonants[i] = consonantHash(s);
    famStem[i] = stemHash(s);
  });
  const givenPrefix = new Int32Array(d.givenSkelStr.length + spare);
  const givenConsonants = new Int32Array(d.givenSkelStr.length + spare);
  const givenStem = new Int32Array(d.givenSkelStr.length + spare);
  d.givenSkelStr.forEach((s, i) => {
    givenPrefix[i] = givenPrefixHash(s);
    givenConsonants[i] = consonantHash(s);
    givenStem[i] = stemHash(s);
  });
  return { famPrefix, givenPrefix, famConsonants, givenConsonants, famStem, givenStem };
}

/** Fills the slots of a query record's names (see blockingAux's spare slots). */
export function setAuxSlots(
  aux: BlockingAux,
  famSlot: number,
  fam: string,
  givenSlot: number,
  givenSkel: string,
): void {
  aux.famPrefix[famSlot] = famPrefixHash(fam);
  aux.famConsonants[famSlot] = consonantHash(fam);
  aux.givenPrefix[givenSlot] = givenPrefixHash(givenSkel);
  aux.givenConsonants[givenSlot] = consonantHash(givenSkel);
  aux.famStem[famSlot] = stemHash(fam);
  aux.givenStem[givenSlot] = stemHash(givenSkel);
}
