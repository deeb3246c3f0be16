/**
 * Synthetic Ukrainian person records with known truth, for the dedup benchmark.
 *
 * People live in households (shared surname in its gender form, often a shared phone, one oblast);
 * families have twins; common names make namesakes. About 30% of the records are extra registrations
 * of someone already present, corrupted the way field data is: Latin spellings by several schemes
 * (including Russian-style spellings of the Russian form), Russian equivalents of given names and
 * patronymics, typos by keyboard neighbours, missing patronymic, day and month swapped, a changed
 * phone, the wrong gender form of the surname, Latin look-alike letters inside Cyrillic words.
 *
 *   node --import tsx bench/dedup/generate.ts --records 1000000 --seed 1 --out bench/out/persons-1m.csv
 */
import {
  CsvWriter,
  daysIn,
  formatDate,
  OBLASTS,
  PERSON_HEADER,
  parseArgs,
  Rng,
  words,
  ZipfSampler,
} from './common.ts';
import { RUS_SCHEMES, render, UKR_SCHEMES } from './translit-variants.ts';

const SURNAMES = words(`
Мельник Шевченко Бойко Коваленко Бондаренко Ткаченко Ковальчук Кравченко Олійник Шевчук Коваль Поліщук
Бондар Ткачук Марченко Лисенко Руденко Савченко Петренко Мороз Клименко Павленко Кравчук Кузьменко
Пономаренко Савчук Василенко Левченко Харченко Карпенко Гончаренко Романенко Мазур Захарченко Литвиненко
Юрченко Сидоренко Мартинюк Гаврилюк Кушнір Вакуленко Тимошенко Гуменюк Остапенко Приходько Костенко
Гриценко Панченко Швець Ярошенко Чорний Білий Головко Кириленко Демченко Яковенко Левчук Семенко
Дмитренко Антоненко Зінченко Андрієнко Гордієнко Пилипенко Лук'яненко Степаненко Прокопенко Стасюк Козак
Тарасенко Данилюк Волошин Кучер Заїка Ігнатенко Кононенко Осадчий Гнатюк Федоренко Мельничук Климчук
Дяченко Сорока Грищенко Вовк Лук'янчук Соловйов Онищенко Соловей Мирошниченко Ковтун Мельниченко Гуцал
Пасічник Жук Семенюк Гайдай Нестеренко Костюк Тимчук Назаренко Власенко Сергієнко Максименко Герасименко
Корнієнко Гончарук Демчук Денисенко Ничипорук Микитюк Бойчук Кравець Довгань Ковалевський Вербицький
Шульга Бабенко Гребенюк Фесенко Кулик Дорошенко Ткач Паламарчук Ярмоленко Гордійчук Приймак Пасько Рибак
Галушко Гнатенко Сидорук Гуменний Ковальський Вишневський Левицький Заремба Кондратенко Грицай Шаповал
Ющенко Дзюба Сенченко Науменко Тищенко Лозинський Білоус Ярош Мовчан Кириченко Ковальов Лозовий Литвин
Бережний Бурлака Рудий Сахно Остапчук Щербак Щербина Хоменко Тимощук Шаповаленко Гладкий Олексієнко Хомич
Дубовий Яремчук Юхименко Багрій Михайлюк Фролов Соколов Попов Кузнецов Смирнов Новиков Морозов Волков
Лебедєв Козлов Павлов Захаров Кузьмін Макаров Орлов Андрєєв Тарасов Медведєв Стельмах Савицький Вітвицький
Ясинський Тарнавський Гнатишин Дмитришин Стецюк Федорчук Кузик Романюк Яценко Голуб Кобзар Лелека
Гончар Куліш Дубина Зозуля Сова Квітка Процик Яворський Гладун Білецький Бабій Гаврилишин Іваницький
Мацюк Сидорчук Гуцуляк Слюсар Коломієць Черненко Чумак Гайовий Паращук Веселий Чабан Когут Ступак
Тимофієнко Лавренюк Кочерга Пархоменко Степанюк Цимбал Нагорний Шинкаренко Пономарьов Шевцов Гуменко
Кучеренко Горбенко Зайченко Сологуб Лисак Гуз Дідenko Ільченко Ничипоренко Коломоєць Щур Оніщук Возняк
Гуменчук Ковбасюк Кирилюк Юрчук Мисник Гребінь Кіндрат Загородній Бурко Сирота Костецький Пугач
`).map((s) => s.replace('Дідenko', 'Діденко'));

// Roots and endings that make a long tail of rarer surnames.
const ROOTS = words(`
Андр Бабич Багн Бард Бах Бег Бер Бес Бил Блаж Бод Бож Бор Брат Буд Бут Вал Варав Вас Вер Вил Вишн Вол Вороб
Гав Гал Ган Гер Гир Глад Гнид Гол Гор Град Гриц Губ Гул Дан Дац Дем Дер Дор Дуб Душ Єрм Жар Жел Жир Забол Зал
Зар Звар Зел Зим Іван Іл Кал Кап Кар Кач Кир Клим Коз Кол Кон Коп Кос Кот Крав Крил Кузь Кул Кур Лаз Лев Лис
Лук Люб Мак Мал Мар Мат Мих Мос Мур Нав Над Наз Них Ов Олекс Он Оп Ос Пан Пар Пас Пет Пил Поп Прок Пуш Рад
Раз Рев Риб Руд Сав Сам Свир Сем Сер Сид Сил Скор Слав Сол Сор Стар Степ Сух Тар Тер Тит Тих Трох Фед Фил Хар
Хв Хом Цап Чаб Чер Чуб Шап Шев Шил Шум Щерб Юр Яв Ял Ярм Ясн
`);
const ENDINGS = words('енко ук чук юк ович ишин ський ецький ан ун ко ак ик ієнко айло ій ець ач');

const MALE = words(`
Олександр Сергій Андрій Володимир Віктор Микола Дмитро Юрій Олег Іван Василь Ігор Михайло Анатолій Петро
Валерій Віталій Роман Максим Богдан Павло Євген Вадим Руслан Денис Артем Ярослав Григорій Степан Тарас
Олексій Владислав Костянтин Станіслав Валентин Леонід Борис Геннадій Назар Кирило Данило Ілля Антон
В'ячеслав Федір Тимофій Матвій Марко Остап Орест Ростислав Святослав Мирослав Всеволод Єгор Семен Яків
Гліб Арсеній Микита Леонтій Зіновій Пилип Панас Йосип Аркадій Едуард Давид Тимур Лев Захар Платон Мирон
`);
const FEMALE = words(`
Олена Наталія Тетяна Ірина Світлана Ольга Юлія Оксана Людмила Галина Марія Катерина Валентина Надія Ганна
Вікторія Анастасія Любов Лариса Тамара Ніна Віра Алла Інна Яна Дарія Софія Аліна Валерія Олександра Євгенія
Марина Лідія Раїса Зоя Поліна Христина Кристина Діана Вероніка Маргарита Ангеліна Єлизавета Уляна Соломія
Мирослава Богдана Лілія Жанна Зінаїда Олеся Злата Мілана Ксенія Таїсія Стефанія Антоніна Іванна Марта
Варвара Карина Майя Регіна
`);

const RU_GIVEN: Record<string, string> = Object.fromEntries(
  words(`
Олександр:Александр Сергій:Сергей Андрій:Андрей Володимир:Владимир Віктор:Виктор Микола:Николай
Дмитро:Дмитрий Юрій:Юрий Іван:Иван Василь:Василий Ігор:Игорь Михайло:Михаил Анатолій:Анатолий Петро:Петр
Валерій:Валерий Віталій:Виталий Павло:Павел Євген:Евгений Григорій:Григорий Олексій:Алексей
Станіслав:Станислав Костянтин:Константин Леонід:Леонид Геннадій:Геннадий Кирило:Кирилл Данило:Даниил
Ілля:Илья В'ячеслав:Вячеслав Федір:Федор Тимофій:Тимофей Матвій:Матвей Яків:Яков Гліб:Глеб
Арсеній:Арсений Микита:Никита Пилип:Филипп Йосип:Иосиф Аркадій:Аркадий Зіновій:Зиновий Єгор:Егор
Панас:Афанасий Леонтій:Леонтий Едуард:Эдуард Олена:Елена Наталія:Наталья Тетяна:Татьяна Ірина:Ирина
Світлана:Светлана Юлія:Юлия Марія:Мария Катерина:Екатерина Надія:Надежда Ганна:Анна Вікторія:Виктория
Анастасія:Анастасия Любов:Любовь Ніна:Нина Віра:Вера Інна:Инна Дарія:Дарья Софія:София Аліна:Алина
Валерія:Валерия Олександра:Александра Євгенія:Евгения Лідія:Лидия Раїса:Раиса Поліна:Полина Діана:Диана
Вероніка:Вероника Ангеліна:Ангелина Єлизавета:Елизавета Уляна:Ульяна Лілія:Лилия Зінаїда:Зинаида
Ксенія:Ксения Таїсія:Таисия Стефанія:Стефания Антоніна:Антонина Артем:Артём Семен:Семён
`).map((p) => p.split(':') as [string, string]),
);

function feminineSurname(s: string): string {
  if (/(ськ|цьк|зьк)ий$/.test(s)) return `${s.slice(0, -2)}а`;
  if (/[^ц]ий$/.test(s) || /ній$/.test(s))
    return s.endsWith('ній') ? `${s.slice(0, -2)}я` : `${s.slice(0, -2)}а`;
  if (/(ов|ев|єв|ьов|ін|їн)$/.test(s)) return `${s}а`;
  return s;
}

function russianSurname(s: string): string {
  let r = s
    .replace(/ський$/, 'ский')
    .replace(/цький$/, 'цкий')
    .replace(/ська$/, 'ская')
    .replace(/цька$/, 'цкая')
    .replace(/ій$/, 'ий')
    .replace(/ьов/, 'ёв')
    .replace(/йов/, 'ёв');
  r = r.replace(/и/g, 'ы').replace(/і/g, 'и').replace(/ї/g, 'и').replace(/є/g, 'е').replace(/'/g, 'ь');
  return r.replace(/ы(?=[йх])/g, 'и').replace(/([кгхжшчщц])ы/g, '$1и');
}

function ukPatronymic(father: string, female: boolean): string {
  const f = father.replace(/'/g, "'");
  if (f === 'Ілля') return female ? 'Іллівна' : 'Ілліч';
  if (f === 'Лев') return female ? 'Львівна' : 'Львович';
  if (f.endsWith('ій')) return female ? `${f.slice(0, -1)}ївна` : `${f}ович`;
  if (f === 'Микола') return female ? 'Миколаївна' : 'Миколайович';
  if (f.endsWith('а')) return female ? `${f.slice(0, -1)}івна` : `${f.slice(0, -1)}ович`;
  if (f.endsWith('о')) return female ? `${f.slice(0, -1)}івна` : `${f.slice(0, -1)}ович`;
  if (f.endsWith('ь')) return female ? `${f.slice(0, -1)}івна` : `${f}ович`;
  if (f === 'Федір') return female ? 'Федорівна' : 'Федорович';
  if (f === 'Яків') return female ? 'Яківна' : 'Якович';
  return female ? `${f}івна` : `${f}ович`;
}

function ruPatronymic(father: string, female: boolean): string {
  const f = father;
  const suf = (m: string, w: string) => (female ? w : m);
  if (f === 'Илья') return suf('Ильич', 'Ильинична');
  if (f === 'Никита') return suf('Никитич', 'Никитична');
  if (f === 'Лев') return suf('Львович', 'Львовна');
  if (f === 'Павел') return suf('Павлович', 'Павловна');
  if (f === 'Яков') return suf('Яковлевич', 'Яковлевна');
  if (f.endsWith('ей') || f.endsWith('ай')) return suf(`${f.slice(0, -1)}евич`, `${f.slice(0, -1)}евна`);
  if (f.endsWith('ий')) return suf(`${f.slice(0, -2)}ьевич`, `${f.slice(0, -2)}ьевна`);
  if (f.endsWith('ь')) return suf(`${f.slice(0, -1)}евич`, `${f.slice(0, -1)}евна`);
  return suf(`${f}ович`, `${f}овна`);
}

const KEYS_UK = ['йцукенгшщзхї', 'фівапролджє', 'ячсмитьбю'];
const KEYS_LAT = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function neighbour(rng: Rng, ch: string): string {
  const lower = ch.toLowerCase();
  for (const rows of [KEYS_UK, KEYS_LAT]) {
    for (const row of rows) {
      const i = row.indexOf(lower);
      if (i >= 0) {
        const j = i === 0 ? 1 : i === row.length - 1 ? i - 1 : rng.chance(0.5) ? i - 1 : i + 1;
        const out = row[j]!;
        return ch === lower ? out : out.toUpperCase();
      }
    }
  }
  return ch;
}

export function typo(rng: Rng, s: string): string {
  if (s.length < 3) return s;
  const chars = Array.from(s);
  const pos = 1 + rng.int(chars.length - 1);
  const kind = rng.int(4);
  if (kind === 0) chars[pos] = neighbour(rng, chars[pos]!);
  else if (kind === 1) chars.splice(pos, 1);
  else if (kind === 2) chars.splice(pos, 0, chars[pos]!);
  else if (pos < chars.length - 1) [chars[pos], chars[pos + 1]] = [chars[pos + 1]!, chars[pos]!];
  else chars[pos] = neighbour(rng, chars[pos]!);
  return chars.join('');
}

const HOMOGLYPHS: Record<string, string> = {
  о: 'o',
  а: 'a',
  е: 'e',
  і: 'i',
  с: 'c',
  р: 'p',
  х: 'x',
  О: 'O',
  А: 'A',
  С: 'C',
};

function homoglyph(rng: Rng, s: string): string {
  const chars = Array.from(s);
  const idx = chars.map((c, i) => (HOMOGLYPHS[c] ? i : -1)).filter((i) => i >= 0);
  if (idx.length === 0) return s;
  const i = rng.pick(idx);
  chars[i] = HOMOGLYPHS[chars[i]!]!;
  return chars.join('');
}

interface Person {
  entity: number;
  family: string;
  given: string;
  father: string;
  female: boolean;
  y: number;
  m: number;
  d: number;
  phone: string;
  tax: string;
  oblast: string;
}

interface Row {
  family: string;
  given: string;
  patronymic: string;
  sex: string;
  birth: string;
  phone: string;
  tax: string;
  oblast: string;
  entity: number;
}

export interface GenerateOptions {
  records: number;
  seed: number;
  duplicateShare?: number;
}

const OPERATORS = words('50 66 95 99 67 68 96 97 98 63 73 93 91 92');

function newPhone(rng: Rng): string {
  let s = `380${rng.pick(OPERATORS)}`;
  for (let i = 0; i < 7; i++) s += rng.int(10);
  return s;
}

function newTax(rng: Rng): string {
  let s = String(1 + rng.int(9));
  for (let i = 0; i < 9; i++) s += rng.int(10);
  return s;
}

/** Generates rows (shuffled) with their true entity. */
export function generate(opts: GenerateOptions): Row[] {
  const rng = new Rng(opts.seed * 7919 + 17);
  const dupShare = opts.duplicateShare ?? 0.3;
  const tail: string[] = [];
  for (const r of ROOTS) for (const e of ENDINGS) tail.push(r + e);
  // shuffle the tail deterministically, then put it behind the common surnames
  for (let i = tail.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [tail[i], tail[j]] = [tail[j]!, tail[i]!];
  }
  const surnames = new ZipfSampler([...SURNAMES, ...tail], 0.9, 8);
  const male = new ZipfSampler(MALE, 1.05, 2);
  const female = new ZipfSampler(FEMALE, 1.05, 2);
  const people: Person[] = [];
  const target = Math.round(opts.records * (1 - dupShare));
  const birth = (lo: number, hi: number) => {
    const y = rng.range(lo, hi);
    const m = rng.range(1, 12);
    return { y, m, d: rng.range(1, daysIn(y, m)) };
  };
  const person = (p: Omit<Person, 'entity' | 'tax'>): Person => {
    const full: Person = { ...p, entity: people.length, tax: rng.chance(0.35) ? newTax(rng) : '' };
    people.push(full);
    return full;
  };
  while (people.length < target) {
    const family = surnames.sample(rng);
    const oblast = rng.pick(OBLASTS);
    const homePhone = newPhone(rng);
    const kind = rng.next();
    const grandfather = male.sample(rng);
    if (kind < 0.3) {
      // single adult
      const female_ = rng.chance(0.55);
      const b = birth(1935, 2005);
      person({
        family: female_ ? feminineSurname(family) : family,
        given: (female_ ? female : male).sample(rng),
        father: grandfather,
        female: female_,
        ...b,
        phone: rng.chance(0.85) ? homePhone : '',
        oblast,
      });
      continue;
    }
    // couple with children (and sometimes a grandparent)
    const hb = birth(1950, 1998);
    const husband = person({
      family,
      given: male.sample(rng),
      father: grandfather,
      female: false,
      ...hb,
      phone: rng.chance(0.5) ? homePhone : rng.chance(0.8) ? newPhone(rng) : '',
      oblast,
    });
    if (rng.chance(0.8)) {
      const wy = Math.min(2005, Math.max(1940, hb.y + rng.range(-5, 3)));
      const wm = rng.range(1, 12);
      person({
        family: feminineSurname(family),
        given: female.sample(rng),
        father: male.sample(rng),
        female: true,
        y: wy,
        m: wm,
        d: rng.range(1, daysIn(wy, wm)),
        phone: rng.chance(0.6) ? homePhone : newPhone(rng),
        oblast,
      });
    }
    const kids = rng.chance(0.2) ? 0 : rng.range(1, 3);
    const usedNames = new Set<string>();
    for (let k = 0; k < kids; k++) {
      const ky = Math.min(2024, hb.y + rng.range(20, 38));
      const km = rng.range(1, 12);
      const kd = rng.range(1, daysIn(ky, km));
      const twins = rng.chance(0.03) ? 2 : 1;
      for (let t = 0; t < twins; t++) {
        const f = rng.chance(0.49);
        let given = (f ? female : male).sample(rng);
        while (usedNames.has(given)) given = (f ? female : male).sample(rng);
        usedNames.add(given);
        person({
          family: f ? feminineSurname(family) : family,
          given,
          father: husband.given,
          female: f,
          y: ky,
          m: km,
          d: kd,
          phone: ky < 2008 && rng.chance(0.5) ? newPhone(rng) : homePhone,
          oblast,
        });
      }
    }
    if (rng.chance(0.1)) {
      const gb = birth(1930, 1960);
      person({
        family: husband.family,
        given: grandfather,
        father: male.sample(rng),
        female: false,
        ...gb,
        phone: rng.chance(0.5) ? homePhone : '',
        oblast,
      });
    }
  }
  people.length = target;

  const rows: Row[] = people.map((p) => clean(p));
  // Duplicates: extra registrations of existing people.
  const extra = opts.records - rows.length;
  let made = 0;
  while (made < extra) {
    const p = people[rng.int(people.length)]!;
    const copies = rng.next() < 0.8 ? 1 : rng.next() < 0.8 ? 2 : 3;
    for (let c = 0; c < copies && made < extra; c++, made++) rows.push(corrupt(rng, p));
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return rows;
}

function clean(p: Person): Row {
  return {
    family: p.family,
    given: p.given,
    patronymic: ukPatronymic(p.father, p.female),
    sex: p.female ? 'F' : 'M',
    birth: formatDate(p.y, p.m, p.d),
    phone: p.phone,
    tax: p.tax,
    oblast: p.oblast,
    entity: p.entity,
  };
}

function corrupt(rng: Rng, p: Person): Row {
  const russian = rng.chance(0.25);
  let family = p.family;
  let given = p.given;
  let patronymic = ukPatronymic(p.father, p.female);
  if (russian) {
    family = russianSurname(family);
    given = RU_GIVEN[given] ?? given;
    patronymic = ruPatronymic(RU_GIVEN[p.father] ?? p.father, p.female);
  } else if (rng.chance(0.08)) {
    given = RU_GIVEN[given] ?? given; // Russian form of the given name only
  }
  if (p.female && rng.chance(0.05)) family = p.family.endsWith('а') ? p.family.slice(0, -1) : family;
  const latin = rng.chance(0.35);
  if (latin) {
    const scheme = russian
      ? rng.pick(RUS_SCHEMES)
      : rng.next() < 0.55
        ? UKR_SCHEMES[0]!
        : rng.next() < 0.6
          ? UKR_SCHEMES[1]!
          : rng.pick(UKR_SCHEMES);
    const caps = rng.chance(0.3);
    family = render(family, scheme, caps);
    given = render(given, scheme, caps);
    patronymic = rng.chance(0.6) ? '' : render(patronymic, scheme, caps);
  } else {
    if (rng.chance(0.04)) family = homoglyph(rng, family);
    if (rng.chance(0.03)) given = homoglyph(rng, given);
    if (rng.chance(0.05)) family = family.replace("'", rng.pick(['’', 'ʼ', '`', '']));
    if (rng.chance(0.1)) {
      family = family.toUpperCase();
      given = given.toUpperCase();
      patronymic = patronymic.toUpperCase();
    }
    if (rng.chance(0.15)) patronymic = '';
  }
  if (rng.chance(0.12)) family = typo(rng, family);
  if (rng.chance(0.1)) given = typo(rng, given);
  if (patronymic && rng.chance(0.05)) patronymic = typo(rng, patronymic);
  let { y, m, d } = p;
  let birth = '';
  const r = rng.next();
  if (r < 0.05 && d <= 12 && d !== m) [m, d] = [d, m];
  else if (r < 0.09) {
    const k = rng.int(3);
    if (k === 0) {
      y += rng.chance(0.5) ? 1 : -1;
      d = Math.min(d, daysIn(y, m));
    } else if (k === 1) d = Math.min(daysIn(y, m), Math.max(1, d + (d % 10 === 9 ? -1 : 1)));
    else if (d >= 10 && d <= 28) d = Math.min(daysIn(y, m), ((d / 10) | 0) * 10 + ((d + 3) % 10));
  }
  if (!(r >= 0.09 && r < 0.12)) birth = formatDate(y, m, d);
  let phone = p.phone;
  const pr = rng.next();
  if (pr < 0.2) phone = newPhone(rng);
  else if (pr < 0.3) phone = '';
  else if (phone && pr < 0.4) phone = phone.slice(2); // without the leading 38
  const sex = rng.chance(0.05) ? '' : p.female ? 'F' : 'M';
  const tax = p.tax && rng.chance(0.5) ? p.tax : '';
  const oblast = rng.chance(0.75) ? p.oblast : rng.chance(0.5) ? rng.pick(OBLASTS) : '';
  return { family, given, patronymic, sex, birth, phone, tax, oblast, entity: p.entity };
}

export async function writeRows(rows: Row[], out: string): Promise<void> {
  const w = new CsvWriter(out);
  await w.row(PERSON_HEADER);
  let i = 0;
  for (const r of rows) {
    i++;
    await w.row([
      `P${String(i).padStart(8, '0')}`,
      r.family,
      r.given,
      r.patronymic,
      r.sex,
      r.birth,
      r.phone,
      r.tax,
      r.oblast,
      String(r.entity),
    ]);
  }
  await w.close();
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const records = Number(args.records ?? 100000);
  const seed = Number(args.seed ?? 1);
  const out = args.out ?? `bench/out/persons-${records}-s${seed}.csv`;
  const t0 = performance.now();
  const rows = generate({ records, seed });
  await writeRows(rows, out);
  console.log(`wrote ${rows.length} records to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
}
