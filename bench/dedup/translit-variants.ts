/**
 * Latin spellings of Cyrillic names as they appear in real registration data: the official Ukrainian
 * table, the older passport/BGN habit, Russian-style spellings of the Russian form, German and Polish
 * renderings. Written for the generators only (independently of the engine's own normaliser).
 */

type Table = Record<string, string>;

const COMMON: Table = {
  а: 'a',
  б: 'b',
  в: 'v',
  д: 'd',
  е: 'e',
  з: 'z',
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
  ь: '',
  ъ: '',
  "'": '',
  '’': '',
};

export interface Scheme {
  name: string;
  table: Table;
  initial: Table;
}

function scheme(name: string, table: Table, initial: Table = {}): Scheme {
  return { name, table: { ...COMMON, ...table }, initial };
}

export const UKR_SCHEMES: Scheme[] = [
  scheme(
    'kmu2010',
    {
      г: 'h',
      ґ: 'g',
      є: 'ie',
      ж: 'zh',
      и: 'y',
      і: 'i',
      ї: 'i',
      й: 'i',
      х: 'kh',
      ц: 'ts',
      ч: 'ch',
      ш: 'sh',
      щ: 'shch',
      ю: 'iu',
      я: 'ia',
    },
    { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' },
  ),
  scheme('passport_old', {
    г: 'h',
    ґ: 'g',
    є: 'ye',
    ж: 'zh',
    и: 'y',
    і: 'i',
    ї: 'yi',
    й: 'y',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ю: 'yu',
    я: 'ya',
    ь: "'",
  }),
  scheme('simple', {
    г: 'g',
    ґ: 'g',
    є: 'e',
    ж: 'zh',
    и: 'i',
    і: 'i',
    ї: 'i',
    й: 'i',
    х: 'h',
    ц: 'c',
    ч: 'ch',
    ш: 'sh',
    щ: 'sch',
    ю: 'yu',
    я: 'ya',
  }),
  scheme('german', {
    г: 'h',
    ґ: 'g',
    є: 'je',
    ж: 'sh',
    з: 's',
    и: 'y',
    і: 'i',
    ї: 'ji',
    й: 'j',
    в: 'w',
    х: 'ch',
    ц: 'z',
    ч: 'tsch',
    ш: 'sch',
    щ: 'schtsch',
    ю: 'ju',
    я: 'ja',
  }),
  scheme('polish', {
    г: 'h',
    ґ: 'g',
    є: 'je',
    ж: 'ż',
    и: 'y',
    і: 'i',
    ї: 'ji',
    й: 'j',
    в: 'w',
    х: 'ch',
    ц: 'c',
    ч: 'cz',
    ш: 'sz',
    щ: 'szcz',
    ю: 'ju',
    я: 'ja',
  }),
];

export const RUS_SCHEMES: Scheme[] = [
  scheme(
    'ru_bgn',
    {
      г: 'g',
      е: 'e',
      ё: 'yo',
      ж: 'zh',
      и: 'i',
      й: 'y',
      ы: 'y',
      э: 'e',
      х: 'kh',
      ц: 'ts',
      ч: 'ch',
      ш: 'sh',
      щ: 'shch',
      ю: 'yu',
      я: 'ya',
    },
    { е: 'ye' },
  ),
  scheme('ru_passport', {
    г: 'g',
    е: 'e',
    ё: 'e',
    ж: 'zh',
    и: 'i',
    й: 'i',
    ы: 'y',
    э: 'e',
    х: 'kh',
    ц: 'ts',
    ч: 'ch',
    ш: 'sh',
    щ: 'shch',
    ю: 'iu',
    я: 'ia',
  }),
  scheme('ru_loose', {
    г: 'g',
    е: 'e',
    ё: 'e',
    ж: 'j',
    и: 'i',
    й: 'y',
    ы: 'i',
    э: 'e',
    х: 'h',
    ц: 'c',
    ч: 'ch',
    ш: 'sh',
    щ: 'sch',
    ю: 'yu',
    я: 'ya',
    ь: '',
  }),
];

/** Renders Cyrillic text with a scheme; case is kept as a capital initial per word. */
export function render(text: string, s: Scheme, allCaps = false): string {
  let out = '';
  let start = true;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    let lat = start ? (s.initial[lower] ?? s.table[lower]) : s.table[lower];
    if (lat === undefined) {
      out += ch;
      start = !/\p{L}/u.test(ch);
      continue;
    }
    if (ch !== lower && lat.length > 0) lat = lat[0]!.toUpperCase() + lat.slice(1);
    out += lat;
    start = false;
  }
  return allCaps ? out.toUpperCase() : out;
}
