/**
 * Name normalisation for matching: a phonetic skeleton shared by Ukrainian and Russian spellings, in
 * Cyrillic or in any of the usual Latin schemes (KMU 2010, passport/BGN-like, Russian-style, German
 * and Polish styles), plus keys that neutralise the gender form of surnames, the patronymic suffix and
 * Ukrainian/Russian given-name equivalents.
 *
 * The skeleton alphabet is lower-case ASCII with a few upper-case letters for sounds written with two
 * Latin letters: Z = ж, X = х, C = ц, Q = ч, W = ш (щ = WQ). Vowels и/і/ї/й/ы/y/j all become i,
 * г/ґ/h/g all become g, doubled letters are collapsed and "ie" becomes "e" (є, е, ye).
 */
import { GIVEN_NAME_GROUPS } from './given-names.ts';
import { memoiseByText } from './memo.ts';

const APOSTROPHE_RE = /['’ʼ`‘ʹ′]/g;

// Latin letters that look like Cyrillic ones, and back.
const LAT_TO_CYR: Readonly<Record<string, string>> = {
  A: 'А',
  a: 'а',
  B: 'В',
  C: 'С',
  c: 'с',
  E: 'Е',
  e: 'е',
  H: 'Н',
  I: 'І',
  i: 'і',
  K: 'К',
  k: 'к',
  M: 'М',
  O: 'О',
  o: 'о',
  P: 'Р',
  p: 'р',
  T: 'Т',
  X: 'Х',
  x: 'х',
  y: 'у',
  Y: 'У',
  ï: 'ї',
  Ï: 'Ї',
};
const CYR_TO_LAT: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LAT_TO_CYR).map(([l, c]) => [c, l]),
);

function isCyrChar(c: number): boolean {
  return c >= 0x0400 && c <= 0x04ff;
}
function isLatChar(ch: string): boolean {
  return /[A-Za-z\u00C0-\u024F]/.test(ch);
}

/**
 * Replaces look-alike letters typed in the wrong keyboard layout: a Latin "o" inside a Cyrillic word
 * becomes Cyrillic, a Cyrillic "а" inside a Latin word becomes Latin. Words are split on anything
 * that is not a letter.
 */
export function fixHomoglyphs(text: string): string {
  return text.replace(/[\p{L}'’ʼ`]+/gu, (word) => {
    let pureCyr = false;
    let pureLat = false;
    let anyCyr = false;
    let anyLat = false;
    for (const ch of word) {
      const code = ch.charCodeAt(0);
      if (isCyrChar(code)) {
        anyCyr = true;
        if (CYR_TO_LAT[ch] === undefined) pureCyr = true;
      } else if (isLatChar(ch)) {
        anyLat = true;
        if (LAT_TO_CYR[ch] === undefined) pureLat = true;
      }
    }
    if (!anyCyr || !anyLat) return word;
    if (pureCyr && !pureLat) return Array.from(word, (ch) => LAT_TO_CYR[ch] ?? ch).join('');
    if (pureLat && !pureCyr) return Array.from(word, (ch) => CYR_TO_LAT[ch] ?? ch).join('');
    if (!pureLat && !pureCyr) return Array.from(word, (ch) => LAT_TO_CYR[ch] ?? ch).join('');
    return word;
  });
}

const CYR_SKEL: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'Z',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'X',
  ц: 'C',
  ч: 'Q',
  ш: 'W',
  щ: 'WQ',
  ь: '',
  ъ: '',
  ю: 'iu',
  я: 'ia',
  ы: 'i',
  э: 'e',
  ё: 'io',
};

const LAT_DIACRITICS: Readonly<Record<string, string>> = {
  š: 'W',
  č: 'Q',
  ž: 'Z',
  ć: 'C',
  ś: 's',
  ź: 'z',
  ż: 'Z',
  ł: 'l',
  ř: 'rZ',
  ß: 'ss',
};

function latinRunToSkeleton(run: string): string {
  let s = '';
  for (const ch of run) s += LAT_DIACRITICS[ch] ?? ch;
  s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  // German habits (sch = ш, tsch = ч, ch = х, z = ц, w = в); a bare "sch" also comes from KMU с+ч.
  const german = /tsch/.test(s) || (s.includes('sch') && /w|tz|z$/.test(s));
  // Polish/Czech habits (sz, cz, ck, c = ц, ch = х); "tsz" and "rz" also occur in KMU text, so they do not count.
  const polish = !german && /(?<![tz])sz|cz|(?<![st])ck|[łżń]/.test(s);
  if (german) {
    s = s
      .replace(/schtsch/g, 'WQ')
      .replace(/tsch/g, 'Q')
      .replace(/sch/g, 'W')
      .replace(/ch/g, 'X')
      .replace(/zh/g, 'Z')
      .replace(/tz/g, 'C')
      .replace(/z/g, 'C');
  } else if (polish) {
    s = s
      .replace(/szcz/g, 'WQ')
      .replace(/sz/g, 'W')
      .replace(/cz/g, 'Q')
      .replace(/rz/g, 'Z')
      .replace(/ch/g, 'X')
      .replace(/c/g, 'C');
  }
  s = s
    .replace(/shch/g, 'WQ')
    .replace(/zh/g, 'Z')
    .replace(/kh/g, 'X')
    .replace(/ch/g, 'Q')
    .replace(/sh/g, 'W')
    .replace(/ts/g, 'C')
    .replace(/gh/g, 'g')
    .replace(/x/g, 'ks')
    .replace(/ck/g, 'k')
    .replace(/c(?=[eiy])/g, 'C')
    .replace(/c/g, 'k')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/[yj]/g, 'i')
    .replace(/h/g, 'g');
  return s;
}

/**
 * Phonetic skeleton of a name in Cyrillic or Latin. Equal skeletons mean "spelt differently, sounds
 * the same" across Ukrainian, Russian and the common transliteration schemes.
 */
export const nameSkeleton = memoiseByText(skeletonOf);

function skeletonOf(name: string): string {
  const text = fixHomoglyphs(name.normalize('NFC')).replace(APOSTROPHE_RE, '').toLowerCase();
  let out = '';
  let latRun = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (isCyrChar(code)) {
      if (latRun) {
        out += latinRunToSkeleton(latRun);
        latRun = '';
      }
      out += CYR_SKEL[ch] ?? '';
    } else if (isLatChar(ch)) {
      latRun += ch;
    } else {
      if (latRun) {
        out += latinRunToSkeleton(latRun);
        latRun = '';
      }
    }
  }
  if (latRun) out += latinRunToSkeleton(latRun);
  return finish(out);
}

function collapse(s: string): string {
  let out = '';
  let prev = '';
  for (const ch of s) {
    if (ch !== prev) out += ch;
    prev = ch;
  }
  return out;
}

function finish(s: string): string {
  let r = collapse(s.replace(/[^a-zA-Z]/g, ''));
  r = collapse(r.replace(/ie/g, 'e'));
  if (r.length > 3 && r.endsWith('ei')) r = `${r.slice(0, -2)}i`;
  return r;
}

/**
 * Surname key: the skeleton with the feminine/masculine ending made neutral, so Ковальська,
 * Kovalskyi and Ковальская share a key, as do Іванова/Ivanov and Кузьміна/Кузьмин.
 */
export function surnameKey(name: string): string {
  return surnameKeyFromSkeleton(nameSkeleton(name));
}

export function surnameKeyFromSkeleton(sk: string): string {
  if (sk.length < 4) return sk;
  let m = /([szC])k(?:aia|a|i)$/.exec(sk);
  if (m) return `${sk.slice(0, m.index)}${m[1]}ki`;
  m = /([^aeiou])aia$/.exec(sk);
  if (m) return `${sk.slice(0, m.index)}${m[1]}i`;
  m = /(ov|ev|in)a$/.exec(sk);
  if (m) return sk.slice(0, -1);
  return sk;
}

const PATRONYMIC_SUFFIX_RE = /(?:i?o|e|i)v(?:iQ|na)$/;

function stemOf(sk: string): string {
  return sk.replace(/[aeiou]+$/, '');
}

interface NameIndex {
  bySkeleton: Map<string, number>;
  byMaleStem: Map<string, number>;
  canonical: string[];
  variants: string[][];
}

let nameIndex: NameIndex | undefined;

function getNameIndex(): NameIndex {
  if (nameIndex) return nameIndex;
  const bySkeleton = new Map<string, number>();
  const byMaleStem = new Map<string, number>();
  const canonical: string[] = [];
  const variants: string[][] = [];
  GIVEN_NAME_GROUPS.forEach((g, gi) => {
    canonical.push(g.forms[0]!);
    variants.push([...new Set(g.forms.map(nameSkeleton))]);
    for (const form of g.forms) {
      const sk = nameSkeleton(form);
      if (!bySkeleton.has(sk)) bySkeleton.set(sk, gi);
      if (g.sex === 'M') {
        for (const stem of [stemOf(sk), sk, sk.replace(/i$/, '')]) {
          if (stem.length >= 2 && !byMaleStem.has(stem)) byMaleStem.set(stem, gi);
        }
      }
    }
  });
  nameIndex = { bySkeleton, byMaleStem, canonical, variants };
  return nameIndex;
}

/** The Ukrainian form that names the equivalence group of a given name, or undefined if not listed. */
export function canonicalGivenName(name: string): string | undefined {
  const idx = getNameIndex();
  const g = idx.bySkeleton.get(nameSkeleton(name));
  return g === undefined ? undefined : idx.canonical[g];
}

/** Skeletons of all the spellings in the group of a given-name skeleton, or undefined if not listed. */
export function givenSkeletonVariants(skeleton: string): readonly string[] | undefined {
  const idx = getNameIndex();
  const g = idx.bySkeleton.get(skeleton);
  return g === undefined ? undefined : idx.variants[g];
}

/**
 * Given-name key: "#<group>" when the name belongs to a known group of equivalents
 * (Олексій = Алексей = Oleksii = Alexey), otherwise its skeleton.
 */
export function givenNameKey(name: string): string {
  return givenKeyFromSkeleton(nameSkeleton(name));
}

export function givenKeyFromSkeleton(sk: string): string {
  const g = getNameIndex().bySkeleton.get(sk);
  return g === undefined ? sk : `#${g}`;
}

/**
 * Patronymic key: the father's given-name key recovered from the patronymic
 * (Олександрович, Александровна, Oleksandrivna → the group of Олександр), or the stem when unknown.
 */
export function patronymicKey(name: string): string {
  return patronymicKeyFromSkeleton(nameSkeleton(name));
}

export function patronymicKeyFromSkeleton(sk: string): string {
  const idx = getNameIndex();
  const m = PATRONYMIC_SUFFIX_RE.exec(sk);
  const stem = m ? sk.slice(0, m.index) : stemOf(sk);
  if (stem.length === 0) return sk;
  const g = idx.byMaleStem.get(stem) ?? idx.byMaleStem.get(stemOf(stem)) ?? idx.bySkeleton.get(sk);
  return g === undefined ? `~${stem}` : `#${g}`;
}

/** Normalised phone: digits only, the last nine (the Ukrainian subscriber number without 0/380). */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '';
  return digits.length > 9 ? digits.slice(-9) : digits;
}
