/**
 * Realistic synthetic people in households, as a KoboToolbox-style CSV export, for the import and
 * search benchmarks. Deterministic by seed.
 *
 *   node --import tsx bench/people/generate.ts --rows 100000 --out bench/out/people-100k.csv [--seed 7]
 *
 * Households of 1–6 share a surname (in its feminine or masculine form), a household key, a place
 * and often a phone; children carry their father's patronymic. Names follow a long-tailed
 * frequency (a few very common, many rare, surnames built from roots and endings); tax numbers
 * (РНОКПП) encode the birth date and have a valid check digit; places are real P-codes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CsvWriter, formatDate, parseArgs, Rng, ZipfSampler } from '../dedup/common.ts';

const split = (s: string) => s.split(/\s+/).filter(Boolean);

// Common surnames in their masculine (dictionary) form, most frequent first.
const COMMON_SURNAMES = split(`
Мельник Шевченко Коваленко Бондаренко Бойко Ткаченко Кравченко Ковальчук Коваль Олійник Шевчук Поліщук
Лисенко Бондар Марченко Руденко Ткачук Мороз Савченко Петренко Кравчук Клименко Павленко Кузьменко
Пономаренко Левченко Харченко Карпенко Гончаренко Романенко Мазур Литвиненко Сидоренко Юрченко Гаврилюк
Мартинюк Кушнір Костенко Приходько Остапенко Гриценко Панченко Ярошенко Швець Кириленко Демченко Яковенко
Антоненко Зінченко Гордієнко Пилипенко Степаненко Прокопенко Козак Тарасенко Данилюк Волошин Кучер
Ігнатенко Федоренко Гнатюк Климчук Дяченко Сорока Вовк Онищенко Ковтун Жук Семенюк Гайдай Нестеренко
Костюк Назаренко Власенко Максименко Денисенко Бойчук Кравець Довгань Шульга Бабенко Кулик Дорошенко
Ткач Паламарчук Рибак Галушко Шаповал Дзюба Науменко Тищенко Білоус Ярош Мовчан Литвин Бурлака Щербак
Хоменко Гладкий Лозовий Соловйов Білий Чорний Ковальський Левицький Вишневський Кондратенко`);
const ROOTS = split(`Гнат Дорош Остап Тимош Федор Харит Явор Жовт Зелен Калин Лозин Мирон Оліфер Пархом
Рябоконь Сагайда Тарас Устим Хмар Цибул Черед Шаблі Щерб Юхим Ясин Бережн Вербн Гречан Дубин Журавл
Ковил Ліщин Малин Новосад Озерн Перепел Ромашк Сокир Тополь Чумак Шелест Якименк Гарбуз Горобц Дідух
Коломийц Кулиш Мамай Нечипор Павлик Радч Свирид Тимк Филип Хвост Цюп Шкурат Андрух Бабич Вакар`);
const ENDINGS = split('енко ук чук юк ишин ський ецький ак ик ієнко ець ан ун ко ич ій');

const MALE = split(`Олександр Андрій Сергій Володимир Дмитро Максим Іван Михайло Юрій Олег Віктор Микола
Василь Богдан Роман Петро Тарас Ігор Артем Денис Євген Павло Назар Вадим Анатолій Степан Григорій Олексій
Костянтин Валентин Федір Ярослав Остап Захар Матвій Данило Тимофій Кирило Марко Орест Всеволод Святослав`);
const FEMALE = split(`Олена Наталія Тетяна Ірина Оксана Світлана Юлія Марія Анна Ольга Людмила Галина
Вікторія Катерина Алла Ніна Лариса Валентина Надія Любов Софія Дарина Анастасія Христина Яна Зоряна
Мирослава Леся Уляна Ганна Віра Лідія Богдана Соломія Злата Василина Єва Мілана Аліна Вероніка Поліна`);

/** Feminine form of a masculine surname: -ський → -ська, -ий → -а, -ій → -я; -енко, -ук and the like stay. */
function feminine(s: string): string {
  if (/(ськ|цьк|зьк)ий$/.test(s)) return s.replace(/ий$/, 'а');
  if (/ий$/.test(s)) return s.replace(/ий$/, 'а');
  if (/ій$/.test(s)) return s.replace(/ій$/, 'я');
  return s;
}

function patronymic(father: string, female: boolean): string {
  const special: Record<string, [string, string]> = {
    Ігор: ['Ігорович', 'Ігорівна'],
    Григорій: ['Григорович', 'Григорівна'],
    Микола: ['Миколайович', 'Миколаївна'],
    Петро: ['Петрович', 'Петрівна'],
    Павло: ['Павлович', 'Павлівна'],
    Федір: ['Федорович', 'Федорівна'],
    Захар: ['Захарович', 'Захарівна'],
  };
  const hit = special[father];
  if (hit) return female ? hit[1] : hit[0];
  if (/ій$/.test(father)) {
    const stem = father.slice(0, -2);
    return female ? `${stem}іївна` : `${stem}ійович`;
  }
  if (/о$/.test(father)) return `${father.slice(0, -1)}${female ? 'івна' : 'ович'}`;
  return `${father}${female ? 'івна' : 'ович'}`;
}

const RNOKPP_WEIGHTS = [-1, 5, 7, 9, 4, 6, 10, 5, 7];

/** РНОКПП: days since 1899-12-31, a serial whose last digit is odd for men and even for women, a check digit. */
function taxNumber(rng: Rng, birth: Date, female: boolean): string {
  const days = Math.floor((birth.getTime() - Date.UTC(1899, 11, 31)) / 86_400_000);
  const sexDigit = 2 * rng.int(5) + (female ? 0 : 1);
  const nine = `${String(days).padStart(5, '0')}${String(rng.int(1000)).padStart(3, '0')}${sexDigit}`;
  const sum = RNOKPP_WEIGHTS.reduce((acc, w, i) => acc + w * Number(nine[i]), 0);
  return `${nine}${(((sum % 11) + 11) % 11) % 10}`;
}

const OPERATORS = split('50 66 95 99 67 68 96 97 98 63 73 93');
function phone(rng: Rng): string {
  const n = `${rng.pick(OPERATORS)}${String(rng.int(10_000_000)).padStart(7, '0')}`;
  // As enumerators type them.
  switch (rng.int(4)) {
    case 0:
      return `+380${n}`;
    case 1:
      return `0${n.slice(0, 2)} ${n.slice(2, 5)} ${n.slice(5, 7)} ${n.slice(7)}`;
    case 2:
      return `380${n}`;
    default:
      return `0${n}`;
  }
}

const WG_ANSWERS = ['no_difficulty', 'some_difficulty', 'a_lot_of_difficulty', 'cannot_do'];
const VULNERABILITIES = split(
  'chronic_illness pregnant_or_breastfeeding single_headed_household older_person_alone large_family veteran_or_family lost_livelihood',
);
/** Oblasts most people fled from: Donetsk, Luhansk, Kharkiv, Kherson, Zaporizhzhia, Mykolaiv, Sumy. */
const ORIGIN_OBLASTS = ['UA14', 'UA44', 'UA63', 'UA65', 'UA23', 'UA48', 'UA59'];

export const HEADER = [
  '_uuid',
  'person/family_name',
  'person/given_name',
  'person/patronymic',
  'person/birth_date',
  'person/sex',
  'contact/phone',
  'docs/tax_number',
  'displacement/population_group',
  'displacement/origin_pcode',
  'displacement/current_pcode',
  'displacement/displacement_date',
  'household_id',
  'relationship',
  'wg/wg_seeing',
  'wg/wg_hearing',
  'wg/wg_walking',
  'wg/wg_cognition',
  'wg/wg_self_care',
  'wg/wg_communication',
  'vulnerabilities',
  'consent',
];

function loadPlaces() {
  const file = path.join(import.meta.dirname, '../../server/assets/ukraine-admin-units.csv');
  const lines = readFileSync(file, 'utf8').split('\n').slice(1);
  const settlements: string[] = [];
  const hromadas: string[] = [];
  for (const l of lines) {
    const [pcode, level] = l.split(',');
    if (level === '4') settlements.push(pcode!);
    else if (level === '3') hromadas.push(pcode!);
  }
  return { settlements, hromadas };
}

export async function generatePeople(opts: { rows: number; seed: number; out: string }) {
  const rng = new Rng(opts.seed);
  const { settlements, hromadas } = loadPlaces();
  // Displaced people gather in a few hundred towns; the rest spread thin.
  const hostOblasts = split(
    'UA46 UA80 UA32 UA05 UA12 UA26 UA61 UA07 UA73 UA21 UA68 UA18 UA53 UA71 UA56 UA51',
  );
  const hostTowns = settlements.filter((s) => hostOblasts.some((o) => s.startsWith(o)));
  for (let i = hostTowns.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [hostTowns[i], hostTowns[j]] = [hostTowns[j]!, hostTowns[i]!];
  }
  const hosts = new ZipfSampler(hostTowns, 1.1, 3);
  const origins = hromadas.filter((h) => ORIGIN_OBLASTS.some((o) => h.startsWith(o)));
  const surnames = new ZipfSampler(COMMON_SURNAMES, 0.9, 2);
  const male = new ZipfSampler(MALE, 1.0, 2);
  const female = new ZipfSampler(FEMALE, 1.0, 2);
  const surname = () => (rng.chance(0.7) ? surnames.sample(rng) : `${rng.pick(ROOTS)}${rng.pick(ENDINGS)}`);
  const out = new CsvWriter(opts.out);
  await out.row(HEADER);
  const today = Date.UTC(2026, 10, 1);
  const yearMs = 365.25 * 86_400_000;
  const birthOf = (age: number) => new Date(today - (age + rng.next()) * yearMs);
  const wg = (age: number): string[] => {
    if (age < 5 || rng.chance(0.35)) return ['', '', '', '', '', ''];
    const risk = age > 65 ? 0.25 : 0.06;
    return Array.from({ length: 6 }, () => (rng.chance(risk) ? WG_ANSWERS[1 + rng.int(3)]! : WG_ANSWERS[0]!));
  };
  let written = 0;
  let hh = 0;
  while (written < opts.rows) {
    hh++;
    const size = Math.min(opts.rows - written, [1, 2, 2, 3, 3, 3, 4, 4, 5, 6][rng.int(10)]!);
    const family = surname();
    const place = hosts.sample(rng);
    const group = rng.chance(0.8) ? 'idp' : rng.pick(['returnee', 'host_community']);
    const origin = group === 'host_community' ? '' : rng.pick(origins);
    const displaced = group === 'host_community' ? '' : formatDate(2022, 2 + rng.int(10), 1 + rng.int(28));
    const householdPhone = phone(rng);
    const headFemale = size === 1 ? rng.chance(0.6) : rng.chance(0.45);
    const headAge = 22 + rng.int(60);
    const fatherName = male.sample(rng);
    const members: { role: string; female: boolean; age: number; given: string; father: string }[] = [];
    members.push({
      role: 'head',
      female: headFemale,
      age: headAge,
      given: headFemale ? female.sample(rng) : fatherName,
      father: male.sample(rng),
    });
    if (size >= 2 && rng.chance(0.75)) {
      members.push({
        role: 'spouse',
        female: !headFemale,
        age: Math.max(18, headAge + rng.range(-6, 6)),
        given: headFemale ? fatherName : female.sample(rng),
        father: male.sample(rng),
      });
    }
    const childFather = headFemale ? (members[1]?.given ?? male.sample(rng)) : fatherName;
    while (members.length < size) {
      if (headAge > 55 && rng.chance(0.3)) {
        const f = rng.chance(0.5);
        members.push({
          role: 'grandchild',
          female: f,
          age: rng.int(16),
          given: f ? female.sample(rng) : male.sample(rng),
          father: male.sample(rng),
        });
      } else if (headAge < 45 && rng.chance(0.12)) {
        const f = rng.chance(0.6);
        members.push({
          role: 'parent',
          female: f,
          age: headAge + 22 + rng.int(10),
          given: f ? female.sample(rng) : male.sample(rng),
          father: male.sample(rng),
        });
      } else {
        const f = rng.chance(0.5);
        members.push({
          role: 'child',
          female: f,
          age: Math.max(0, Math.min(headAge - 18, rng.int(25))),
          given: f ? female.sample(rng) : male.sample(rng),
          father: childFather,
        });
      }
    }
    for (const [i, m] of members.entries()) {
      const birth = birthOf(m.age);
      const adult = m.age >= 14;
      const answers = wg(m.age);
      const vulns: string[] = [];
      if (m.age >= 60 && size === 1) vulns.push('older_person_alone');
      if (size >= 5 && i === 0) vulns.push('large_family');
      if (rng.chance(0.08)) vulns.push(rng.pick(VULNERABILITIES));
      await out.row([
        `${opts.seed}-${hh}-${i + 1}`,
        m.female ? feminine(family) : family,
        m.given,
        rng.chance(0.93) ? patronymic(m.father, m.female) : '',
        rng.chance(0.3)
          ? `${String(birth.getUTCDate()).padStart(2, '0')}.${String(birth.getUTCMonth() + 1).padStart(2, '0')}.${birth.getUTCFullYear()}`
          : birth.toISOString().slice(0, 10),
        m.female ? 'female' : 'male',
        i === 0 ? householdPhone : adult && rng.chance(0.5) ? phone(rng) : '',
        adult && rng.chance(0.8) ? taxNumber(rng, birth, m.female) : '',
        group,
        origin,
        place,
        // Born after the family left: not displaced from anywhere.
        displaced !== '' && birth.toISOString().slice(0, 10) < displaced ? displaced : '',
        `HH-${opts.seed}-${hh}`,
        m.role,
        ...answers,
        [...new Set(vulns)].join(' '),
        rng.chance(0.97) ? 'yes' : 'no',
      ]);
      written++;
    }
  }
  await out.close();
  return { rows: written, households: hh };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = parseArgs(process.argv.slice(2));
  const rows = Number(args.rows ?? 100_000);
  const out = args.out ?? `bench/out/people-${rows}.csv`;
  const t0 = performance.now();
  const r = await generatePeople({ rows, seed: Number(args.seed ?? 7), out });
  console.log(
    `${r.rows} people in ${r.households} households → ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
}
