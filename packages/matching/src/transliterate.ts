/**
 * Ukrainian → Latin transliteration after the official table of the Cabinet of Ministers of Ukraine
 * (resolution No. 55 of 27 January 2010, "KMU 2010"), the scheme used in Ukrainian passports.
 *
 * Rules implemented:
 * - Є, Ї, Й, Ю, Я give Ye, Yi, Y, Yu, Ya at the start of a word and ie, i, i, iu, ia elsewhere;
 * - the combination зг gives zgh (Згурський → Zghurskyi), to tell it apart from the letter Ж (zh);
 * - the soft sign and the apostrophe (any of ' ’ ʼ ` ‘) are not rendered;
 * - letters the Ukrainian alphabet lacks (Russian ы, э, ё, ъ) are rendered as y, e, yo/io and dropped;
 * - case follows the source: a capital in a lower-case word gives "Zh", a capital in an all-caps
 *   word gives "ZH"; any character that is not Cyrillic is copied unchanged.
 * A new word starts after any character that is neither a letter nor an apostrophe, so each part of a
 * hyphenated name (Квітка-Основ'яненко) is word-initial.
 */

import { memoiseByText } from './memo.ts';

const BASE: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
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
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  // Letters of the Russian alphabet that Ukrainian lacks, in the spirit of the same table.
  ы: 'y',
  э: 'e',
  ё: 'io',
  ъ: '',
};

const INITIAL: Readonly<Record<string, string>> = {
  є: 'ye',
  ї: 'yi',
  й: 'y',
  ю: 'yu',
  я: 'ya',
  ё: 'yo',
};

const APOSTROPHES = new Set(["'", '’', 'ʼ', '`', '‘', 'ʹ', '′']);

function isCyrillic(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x0400 && c <= 0x04ff;
}

function isLetter(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return ch.toLowerCase() !== ch.toUpperCase();
}

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && isLetter(ch) && ch === ch.toUpperCase();
}

/** Transliterates Ukrainian Cyrillic text into Latin by the KMU 2010 table. */
export const transliterateKmu2010 = memoiseByText(transliterateText);

function transliterateText(text: string): string {
  const chars = Array.from(text.normalize('NFC'));
  let out = '';
  let wordStart = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (APOSTROPHES.has(ch)) {
      // An apostrophe inside or after a Cyrillic word is not rendered and does not start a new word.
      const prev = chars[i - 1];
      if (prev !== undefined && isCyrillic(prev)) continue;
      out += ch;
      wordStart = !isLetter(prev);
      continue;
    }
    if (!isCyrillic(ch)) {
      out += ch;
      wordStart = !isLetter(ch);
      continue;
    }
    const lower = ch.toLowerCase();
    let latin: string | undefined;
    if (wordStart) latin = INITIAL[lower];
    if (latin === undefined) {
      if (lower === 'г' && i > 0 && chars[i - 1]!.toLowerCase() === 'з') latin = 'gh';
      else latin = BASE[lower];
    }
    if (latin === undefined) {
      // Cyrillic letters of other languages: keep them rather than lose information.
      out += ch;
      wordStart = false;
      continue;
    }
    if (ch !== lower && latin.length > 0) {
      out += allCapsContext(chars, i) ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1);
    } else {
      out += latin;
    }
    wordStart = false;
  }
  return out;
}

/** Whether the capital at position i belongs to an all-caps word (so Щ gives SHCH, not Shch). */
function allCapsContext(chars: readonly string[], i: number): boolean {
  for (let j = i + 1; j < chars.length; j++) {
    const c = chars[j]!;
    if (APOSTROPHES.has(c) || c === 'ь' || c === 'Ь' || c === 'ъ' || c === 'Ъ') continue;
    if (!isLetter(c)) break;
    return isUpper(c);
  }
  for (let j = i - 1; j >= 0; j--) {
    const c = chars[j]!;
    if (APOSTROPHES.has(c)) continue;
    if (!isLetter(c)) break;
    return isUpper(c);
  }
  return false;
}
