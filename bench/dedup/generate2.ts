/**
 * Second, independent generator of synthetic person records, to check that the engine generalises
 * beyond the habits of the first generator. Written separately, with its own name lists, frequencies,
 * household model and corruption mix. People are registered by partner organisations, each with its
 * own data-entry habits:
 *   - a Ukrainian-language office (careful, sometimes ALL CAPS, sometimes no patronymic);
 *   - a Russian-speaking office in the east (Russian forms of names and patronymics, Russian spelling
 *     of Ukrainian surnames);
 *   - an international NGO (Latin only: Ukrainian passport spelling, old Soviet passport spelling of
 *     the Russian form, rarely French-style; phone often without 380; no patronymic);
 *   - paper forms keyed in later (misread handwriting: similar letters swapped, letters dropped,
 *     day and month swapped, two-digit years mistyped).
 * Hard non-matches: twins (sometimes with similar names), parents and children sharing a given name,
 * namesakes. Other real changes: a woman's surname after marriage, given and family name swapped,
 * a diminutive instead of the full name.
 *
 *   node --import tsx bench/dedup/generate2.ts --records 100000 --seed 3 --out bench/out/persons2-100k.csv
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

class Random {
  private s: number;
  constructor(seed: number) {
    this.s = (seed * 2654435761) >>> 0 || 1;
  }
  /** mulberry32 */
  float(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  below(n: number): number {
    return Math.floor(this.float() * n);
  }
  yes(p: number): boolean {
    return this.float() < p;
  }
  one<T>(xs: readonly T[]): T {
    return xs[this.below(xs.length)]!;
  }
}

/** Weighted choice with weights ∝ 1 / rank^s (precomputed cumulative table). */
function weighted<T>(items: readonly T[], s: number): (r: Random) => T {
  const cum: number[] = [];
  let total = 0;
  items.forEach((_, i) => {
    total += (i + 1) ** -s;
    cum.push(total);
  });
  return (r) => {
    const x = r.float() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (cum[m]! < x) lo = m + 1;
      else hi = m;
    }
    return items[lo]!;
  };
}

const split = (s: string) => s.trim().split(/\s+/);

// Surnames, roughly west to east; the order sets the frequency rank.
const FAMILY = split(`
Ковальчук Бондарчук Романюк Савчук Олійник Гнатюк Федорак Мельничук Кравець Гуменюк Лесів Петрук Яремко
Білик Головатий Грицюк Данилишин Дорош Заяць Зварич Іваничук Кардаш Кметь Костів Крутий Лещишин Литвинчук
Мазурок Марчук Михайлишин Мороз Наконечний Павлюк Паньків Пилипчук Процюк Рибачук Семків Сидор Станко
Стасів Ткачишин Фединишин Хоміцький Цюпа Чорней Юзьків Якимів Вовчук Гавриш Гладич Гребенюк Демко Дячук
Зелінський Івасюк Кушнірук Лозинський Луців Мартинів Мирончук Нечай Онищук Панчишин Ребрик Руснак Сем'янчук
Тимків Устименко Фурман Хомик Чабан Шпак Щербань Ярема Бойченко Величко Гордієнко Дем'яненко Єременко
Журавель Зубко Калиниченко Кириленко Левченко Мирошниченко Нагорний Остапенко Пономаренко Рябоконь Сергієнко
Тимошенко Ус Фесенко Хименко Цибуля Черненко Шаповал Щербина Юрченко Яковенко Авдєєв Бєлов Васильєв Гусєв
Давидов Єгоров Жуков Зайцев Ільїн Кисельов Ларін Максимов Нікітін Осипов Полякову Рибаков Семенов Тітов
Уваров Федотов Харитонов Циганков Чернов Шестаков Щукін Яковлєв Антонов Бабенко Вакуленко Гайовий Дідух
Ємець Жмуд Зінченко Ігнатенко Карпенко Лук'яненко Мовчан Нестеренко Охріменко Примак Руденко Сахно Тарасенко
`).filter((s) => s !== 'Полякову');
const FAMILY_HEADS = split(
  'Семен Гриць Дан Кост Лук Мик Нест Оле Павл Ром Сав Тар Фед Юхим Яр Бор Вас Гор Зін Кир',
);
const FAMILY_TAILS = split('чук щук ишин енко ко ів ук ич ак ець');

const MEN = split(`
Олександр Андрій Сергій Дмитро Максим Володимир Іван Михайло Віталій Олег Юрій Микола Богдан Роман Василь
Ігор Петро Тарас Ярослав Степан Денис Артем Павло Віктор Євген Назар Остап Орест Данило Кирило Матвій Тимофій
Святослав Ростислав Маркіян Любомир Григорій Анатолій Валерій Леонід Геннадій Костянтин Антон Руслан Вадим
Едуард Аркадій Борис Давид Ілля Лев Мирон Нестор Семен Трохим Зиновій Устим Філіп Яків
`);
const WOMEN = split(`
Олена Оксана Ірина Наталія Тетяна Юлія Марія Ольга Світлана Катерина Анна Галина Людмила Христина Софія
Вікторія Анастасія Дарина Соломія Уляна Мар'яна Ярослава Мирослава Богдана Іванна Оля Надія Любов Віра
Лариса Валентина Зоряна Леся Марта Роксолана Діана Аліна Вероніка Маргарита Єлизавета Поліна Злата Ніна
Тамара Раїса Зінаїда Алла Інна Жанна Лілія Ганна Антоніна Стефанія Таїсія Олеся Ангеліна Валерія Євгенія
`);

// Russian forms used by the eastern office (own table).
const RUSSIAN: Record<string, string> = {};
for (const pair of split(`
Олександр=Александр Андрій=Андрей Сергій=Сергей Дмитро=Дмитрий Володимир=Владимир Іван=Иван Михайло=Михаил
Віталій=Виталий Юрій=Юрий Микола=Николай Василь=Василий Ігор=Игорь Петро=Пётр Павло=Павел Віктор=Виктор
Євген=Евгений Данило=Даниил Кирило=Кирилл Матвій=Матвей Тимофій=Тимофей Григорій=Григорий Анатолій=Анатолий
Валерій=Валерий Леонід=Леонид Геннадій=Геннадий Костянтин=Константин Аркадій=Аркадий Едуард=Эдуард Ілля=Илья
Семен=Семён Трохим=Трофим Зиновій=Зиновий Філіп=Филипп Яків=Яков Олена=Елена Ірина=Ирина Наталія=Наталья
Тетяна=Татьяна Юлія=Юлия Марія=Мария Світлана=Светлана Катерина=Екатерина Анна=Анна Галина=Галина
Людмила=Людмила Христина=Кристина Софія=София Вікторія=Виктория Анастасія=Анастасия Дарина=Дарина
Уляна=Ульяна Надія=Надежда Любов=Любовь Віра=Вера Валентина=Валентина Діана=Диана Аліна=Алина
Вероніка=Вероника Єлизавета=Елизавета Поліна=Полина Ніна=Нина Раїса=Раиса Зінаїда=Зинаида Інна=Инна
Лілія=Лилия Ганна=Анна Антоніна=Антонина Стефанія=Стефания Таїсія=Таисия Ангеліна=Ангелина Валерія=Валерия
Євгенія=Евгения Мар'яна=Марьяна Олеся=Олеся
`)) {
  const [uk, ru] = pair.split('=') as [string, string];
  RUSSIAN[uk] = ru;
}

const DIMINUTIVE: Record<string, string> = {
  Олександр: 'Сашко',
  Михайло: 'Михась',
  Володимир: 'Володя',
  Іван: 'Івась',
  Наталія: 'Наталка',
  Катерина: 'Катруся',
  Марія: 'Маруся',
  Ганна: 'Галя',
};

const SIMILAR_TWIN: Record<string, string> = {
  Марія: 'Марина',
  Данило: 'Даниїл',
  Олена: 'Оксана',
  Ярослав: 'Ярослава',
  Іван: 'Іванна',
  Богдан: 'Богдана',
};

function womanSurname(s: string): string {
  if (s.endsWith('ський') || s.endsWith('цький')) return `${s.slice(0, -2)}а`;
  if (s.endsWith('ий')) return `${s.slice(0, -2)}а`;
  if (/(ов|єв|ев|ін|їн)$/.test(s)) return `${s}а`;
  return s;
}

function patronymicOf(father: string, woman: boolean, russian: boolean): string {
  if (russian) {
    const f = RUSSIAN[father] ?? father;
    if (f === 'Илья') return woman ? 'Ильинична' : 'Ильич';
    if (f === 'Павел') return woman ? 'Павловна' : 'Павлович';
    if (f === 'Пётр') return woman ? 'Петровна' : 'Петрович';
    if (/[ая]й$/.test(f) || f.endsWith('ей')) return `${f.slice(0, -1)}${woman ? 'евна' : 'евич'}`;
    if (f.endsWith('ий')) return `${f.slice(0, -2)}${woman ? 'ьевна' : 'ьевич'}`;
    if (f.endsWith('ь')) return `${f.slice(0, -1)}${woman ? 'евна' : 'евич'}`;
    if (f === 'Лев') return woman ? 'Львовна' : 'Львович';
    return `${f}${woman ? 'овна' : 'ович'}`;
  }
  if (father === 'Ілля') return woman ? 'Іллівна' : 'Ілліч';
  if (father === 'Лев') return woman ? 'Львівна' : 'Львович';
  if (father === 'Яків') return woman ? 'Яківна' : 'Якович';
  if (father === 'Микола') return woman ? 'Миколаївна' : 'Миколайович';
  if (father.endsWith('ій')) return `${father.slice(0, -2)}${woman ? 'іївна' : 'ійович'}`;
  if (father.endsWith('о')) return `${father.slice(0, -1)}${woman ? 'івна' : 'ович'}`;
  if (father.endsWith('ь')) return `${father.slice(0, -1)}${woman ? 'івна' : 'ьович'}`;
  return `${father}${woman ? 'івна' : 'ович'}`;
}

function russianSpelling(s: string): string {
  return s
    .replace(/ський$/, 'ский')
    .replace(/цький$/, 'цкий')
    .replace(/ська$/, 'ская')
    .replace(/ій$/, 'ий')
    .replace(/и/g, 'ы')
    .replace(/і/g, 'и')
    .replace(/ї/g, 'йи')
    .replace(/є/g, 'е')
    .replace(/ґ/g, 'г')
    .replace(/'/g, 'ь')
    .replace(/([гкхжчшщц])ы/g, '$1и')
    .replace(/ы([йя])/g, 'и$1');
}

type Table = Record<string, string>;
const BASE: Table = Object.fromEntries(
  split('а=a б=b в=v д=d з=z к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f').map((x) => x.split('=')),
);
const PASSPORT_UA: Table = {
  ...BASE,
  ...Object.fromEntries(
    split('г=h ґ=g е=e є=ie ж=zh и=y і=i ї=i й=i х=kh ц=ts ч=ch ш=sh щ=shch ь= ю=iu я=ia ы=y э=e ё=e').map(
      (x) => x.split('=') as [string, string],
    ),
  ),
  "'": '',
};
const SOVIET_RU: Table = {
  ...BASE,
  ...Object.fromEntries(
    split(
      "г=g е=e ё=e ж=zh и=i й=y х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь=' э=e ю=yu я=ya і=i ї=yi є=ye ґ=g",
    ).map((x) => x.split('=') as [string, string]),
  ),
};
const FRENCH: Table = {
  ...BASE,
  ...Object.fromEntries(
    split('г=g е=e є=ie ж=j и=i і=i ї=i й=i у=ou х=kh ц=ts ч=tch ш=ch щ=chtch ь= ю=iou я=ia ы=y').map(
      (x) => x.split('=') as [string, string],
    ),
  ),
  "'": '',
};

function latin(s: string, t: Table): string {
  let out = '';
  for (const ch of s) {
    const low = ch.toLowerCase();
    const v = t[low];
    if (v === undefined) out += ch;
    else out += ch === low || v === '' ? v : v[0]!.toUpperCase() + v.slice(1);
  }
  return out;
}

const MISREAD: Record<string, string> = {
  и: 'п',
  п: 'и',
  ш: 'щ',
  щ: 'ш',
  е: 'є',
  є: 'е',
  і: 'ї',
  ї: 'і',
  г: 'ґ',
  л: 'п',
  н: 'и',
  а: 'о',
  о: 'а',
};

function misread(r: Random, s: string): string {
  const chars = Array.from(s);
  const spots = chars.map((c, i) => (MISREAD[c] && i > 0 ? i : -1)).filter((i) => i >= 0);
  if (spots.length === 0) return s;
  const i = r.one(spots);
  chars[i] = MISREAD[chars[i]!]!;
  return chars.join('');
}

function dropLetter(r: Random, s: string): string {
  if (s.length < 4) return s;
  const i = 1 + r.below(s.length - 1);
  return s.slice(0, i) + s.slice(i + 1);
}

interface Human {
  key: number;
  family: string;
  given: string;
  father: string;
  woman: boolean;
  birth: [number, number, number];
  phone: string;
  tax: string;
  region: string;
}

const REGIONS = split('UA46 UA26 UA07 UA21 UA61 UA56 UA05 UA68 UA73 UA32 UA80 UA63 UA12 UA14 UA48 UA51 UA53');

function monthDays(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function iso([y, m, d]: [number, number, number]): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function generate2(total: number, seed: number): string[][] {
  const r = new Random(seed);
  const tail: string[] = [];
  for (const h of FAMILY_HEADS) for (const t of FAMILY_TAILS) tail.push(h + t);
  const pickFamily = weighted([...FAMILY, ...tail], 0.75);
  const pickMan = weighted(MEN, 1.15);
  const pickWoman = weighted(WOMEN, 1.15);
  const phone = () => {
    let s = r.one(['38067', '38050', '38063', '38097', '38093', '38066', '38068', '38099']);
    while (s.length < 12) s += r.below(10);
    return s;
  };
  const tax = () => (r.yes(0.25) ? String(2000000000 + r.below(999999999)) : '');
  const born = (from: number, to: number): [number, number, number] => {
    const y = from + r.below(to - from + 1);
    const m = 1 + r.below(12);
    return [y, m, 1 + r.below(monthDays(y, m))];
  };
  const humans: Human[] = [];
  const originals = Math.round(total * (0.66 + r.float() * 0.04));
  while (humans.length < originals) {
    const family = pickFamily(r);
    const region = r.one(REGIONS);
    const home = phone();
    const grandpa = pickMan(r);
    const add = (h: Omit<Human, 'key'>) => {
      humans.push({ ...h, key: humans.length });
      return humans[humans.length - 1]!;
    };
    const fatherBirth = born(1945, 1995);
    const father = add({
      family,
      given: pickMan(r),
      father: grandpa,
      woman: false,
      birth: fatherBirth,
      phone: r.yes(0.7) ? home : phone(),
      tax: tax(),
      region,
    });
    if (r.yes(0.75)) {
      add({
        family: womanSurname(family),
        given: pickWoman(r),
        father: pickMan(r),
        woman: true,
        birth: born(fatherBirth[0] - 4, Math.min(2004, fatherBirth[0] + 6)),
        phone: r.yes(0.5) ? home : phone(),
        tax: tax(),
        region,
      });
    }
    const names = new Set<string>();
    const children = r.below(4);
    for (let c = 0; c < children; c++) {
      const birth = born(Math.min(2023, fatherBirth[0] + 19), Math.min(2024, fatherBirth[0] + 40));
      const twin = r.yes(0.02);
      for (let t = 0; t < (twin ? 2 : 1); t++) {
        const woman = r.yes(0.5);
        let given = woman ? pickWoman(r) : pickMan(r);
        // a son named after his father happens; two living siblings with one name does not
        if (!woman && t === 0 && r.yes(0.04)) given = father.given;
        if (t === 1) {
          const prev = humans[humans.length - 1]!.given;
          const similar = SIMILAR_TWIN[prev];
          if (similar && r.yes(0.5)) given = similar;
        }
        let guard = 0;
        while (names.has(given) && guard++ < 20) given = woman ? pickWoman(r) : pickMan(r);
        names.add(given);
        const isWoman = WOMEN.includes(given) ? true : MEN.includes(given) ? false : woman;
        add({
          family: isWoman ? womanSurname(family) : family,
          given,
          father: father.given,
          woman: isWoman,
          birth,
          phone: birth[0] > 2008 ? home : r.yes(0.6) ? phone() : home,
          tax: birth[0] > 2008 ? '' : tax(),
          region,
        });
      }
    }
  }
  humans.length = originals;

  const rows: string[][] = [];
  const emit = (h: Human, org: 'ua' | 'ru' | 'ngo' | 'paper' | 'clean') => {
    let family = h.family;
    let given = h.given;
    let patronymic = patronymicOf(h.father, h.woman, false);
    let birth: [number, number, number] = [...h.birth];
    let ph = h.phone;
    let sex = h.woman ? 'F' : 'M';
    let region = h.region;
    const tx = org === 'clean' || r.yes(0.6) ? h.tax : '';
    if (org !== 'clean') {
      if (r.yes(0.3)) ph = r.yes(0.5) ? '' : phone();
      if (r.yes(0.3)) region = r.one(REGIONS);
      if (h.woman && r.yes(0.03)) family = womanSurname(pickFamily(r)); // married since
      if (r.yes(0.02) && DIMINUTIVE[given]) given = DIMINUTIVE[given]!;
    }
    if (org === 'ua') {
      if (r.yes(0.2)) patronymic = '';
      if (r.yes(0.15)) {
        family = family.toUpperCase();
        given = given.toUpperCase();
        patronymic = patronymic.toUpperCase();
      }
      if (r.yes(0.05)) family = dropLetter(r, family);
    } else if (org === 'ru') {
      family = russianSpelling(family);
      given = RUSSIAN[given] ?? given;
      patronymic = r.yes(0.9) ? patronymicOf(h.father, h.woman, true) : '';
      if (r.yes(0.05)) given = dropLetter(r, given);
    } else if (org === 'ngo') {
      const french = r.yes(0.05);
      const soviet = !french && r.yes(0.4);
      const table = french ? FRENCH : soviet ? SOVIET_RU : PASSPORT_UA;
      const src = (s: string) => (soviet ? russianSpelling(s) : s);
      family = latin(src(family), table);
      given = latin(soviet ? (RUSSIAN[given] ?? given) : given, table);
      patronymic = '';
      if (ph && r.yes(0.5)) ph = ph.slice(3);
      if (r.yes(0.1)) sex = '';
    } else if (org === 'paper') {
      if (r.yes(0.25)) family = misread(r, family);
      if (r.yes(0.2)) given = misread(r, given);
      if (r.yes(0.1)) patronymic = misread(r, patronymic);
      if (r.yes(0.12) && birth[2] <= 12 && birth[2] !== birth[1]) birth = [birth[0], birth[2], birth[1]];
      else if (r.yes(0.06)) {
        const y = birth[0] + (r.yes(0.5) ? 10 : -10); // one decade digit misread
        birth = [Math.min(2024, Math.max(1920, y)), birth[1], Math.min(birth[2], monthDays(y, birth[1]))];
      }
      if (r.yes(0.3)) patronymic = '';
    }
    if (org !== 'clean' && r.yes(0.015)) [family, given] = [given, family];
    const noBirth = org !== 'clean' && r.yes(0.04);
    rows.push([family, given, patronymic, sex, noBirth ? '' : iso(birth), ph, tx, region, String(h.key)]);
  };
  for (const h of humans) emit(h, r.yes(0.2) ? r.one(['ua', 'ru', 'paper'] as const) : 'clean');
  while (rows.length < total) {
    const h = humans[r.below(humans.length)]!;
    const n = r.yes(0.7) ? 1 : r.yes(0.7) ? 2 : 4;
    for (let k = 0; k < n && rows.length < total; k++)
      emit(h, r.one(['ua', 'ua', 'ru', 'ngo', 'ngo', 'paper'] as const));
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = r.below(i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return rows;
}

async function main(): Promise<void> {
  const args = new Map<string, string>();
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) args.set(argv[i]!.replace(/^--/, ''), argv[i + 1] ?? '');
  const total = Number(args.get('records') ?? 100000);
  const seed = Number(args.get('seed') ?? 3);
  const out = args.get('out') ?? `bench/out/persons2-${total}-s${seed}.csv`;
  const rows = generate2(total, seed);
  mkdirSync(dirname(out), { recursive: true });
  const ws = createWriteStream(out);
  const q = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  let buf = 'true_id,id,given_name,family_name,patronymic,sex,birth_date,phone,tax_id,oblast_pcode,source\n';
  rows.forEach((row, i) => {
    const [family, given, patronymic, sex, birth, ph, tx, region, key] = row as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    buf += `${key},R${i + 1},${q(given)},${q(family)},${q(patronymic)},${sex},${birth},${ph},${tx},${region},gen2\n`;
    if (buf.length > 1 << 20) {
      ws.write(buf);
      buf = '';
    }
  });
  ws.write(buf);
  await new Promise<void>((resolve) => ws.end(resolve));
  console.log(`wrote ${rows.length} records to ${out}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
