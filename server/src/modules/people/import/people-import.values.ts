import { type relationship as relationshipEnum, vulnerability as vulnerabilityEnum } from '@oselia/contracts';
import { memoiseByText } from '@oselia/matching';
import type { z } from 'zod';

/**
 * How the values people type in spreadsheets become the registration form's values: coded
 * answers looked up by a plain spelling, dates in the forms people write them.
 */

const plainForm = (v: string) =>
  v
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[\s\-–]+/g, '_');

// Coded answers (sex, group, the six WG-SS questions, relationship, consent) take a handful of
// values in a whole file: each is normalised once, not once per row.
export const plain = memoiseByText(plainForm, 10_000);

function table<T extends string>(entries: Record<T, string[]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [value, spellings] of Object.entries(entries) as [T, string[]][]) {
    m.set(plain(value), value);
    for (const s of spellings) m.set(plain(s), value);
  }
  return m;
}

export const SEX = table<'F' | 'M' | 'other' | 'unknown'>({
  F: ['f', 'female', 'woman', 'ж', 'жін', 'жінка', 'жіноча', 'жіноча стать'],
  M: ['m', 'male', 'man', 'ч', 'чол', 'чоловік', 'чоловіча', 'чоловіча стать'],
  other: ['інша', 'інше'],
  unknown: ['невідомо', 'не вказано', 'prefer_not_to_say', 'не хоче відповідати'],
});

export const POPULATION_GROUP = table<'idp' | 'returnee' | 'host_community' | 'refugee_migrant'>({
  idp: ['впо', 'внутрішньо переміщена особа', 'переміщена особа', 'internally displaced'],
  returnee: ['returnees', 'повернувся', 'повернулася', 'повернення', 'особа що повернулася'],
  host_community: ['host', 'local', 'місцева громада', 'приймаюча громада', 'місцевий', 'місцева'],
  refugee_migrant: ['refugee', 'migrant', 'біженець', 'біженка', 'мігрант', 'мігрантка'],
});

export const WG = table<'no_difficulty' | 'some_difficulty' | 'a_lot_of_difficulty' | 'cannot_do'>({
  no_difficulty: ['1', 'no', 'none', 'ні', 'немає труднощів', 'без труднощів', 'ні, немає труднощів'],
  some_difficulty: ['2', 'some', 'деякі труднощі', 'так, деякі труднощі', 'є деякі труднощі'],
  a_lot_of_difficulty: [
    '3',
    'a lot',
    'a_lot',
    'lot_of_difficulty',
    'багато труднощів',
    'так, багато труднощів',
  ],
  cannot_do: [
    '4',
    'cannot do at all',
    'cannot_do_at_all',
    'cannot',
    'не може',
    'зовсім не може',
    'не можу зовсім',
  ],
});
/** Answers that mean the question was not answered. */
export const WG_BLANK = new Set(
  ['refused', 'dont_know', 'do_not_know', 'не знаю', 'відмова', 'відмовився', 'n/a', 'na', '-'].map(plain),
);

export const RELATIONSHIP = table<z.infer<typeof relationshipEnum>>({
  head: [
    'head of household',
    'hoh',
    'голова',
    'голова домогосподарства',
    'голова родини',
    'self',
    'сам',
    'сама',
  ],
  spouse: ['wife', 'husband', 'partner', 'дружина', 'чоловік', 'партнер', 'партнерка', 'подружжя'],
  child: ['son', 'daughter', 'син', 'дочка', 'донька', 'дитина'],
  parent: ['mother', 'father', 'мати', 'мама', 'батько', 'тато'],
  sibling: ['brother', 'sister', 'брат', 'сестра'],
  grandchild: ['grandson', 'granddaughter', 'онук', 'онука'],
  grandparent: ['grandmother', 'grandfather', 'бабуся', 'баба', 'дідусь', 'дід'],
  other_relative: ['relative', 'other relative', 'інший родич', 'родич', 'родичка'],
  non_relative: ['not related', 'non relative', 'не родич', 'не родичка', 'інша особа'],
});

export const VULNERABILITY = table<z.infer<typeof vulnerabilityEnum>>(
  Object.fromEntries(vulnerabilityEnum.options.map((v) => [v, []])) as unknown as Record<
    z.infer<typeof vulnerabilityEnum>,
    string[]
  >,
);

export const YES = new Set(
  ['yes', 'y', 'true', '1', 'так', 'т', '+', 'given', 'надано', 'згоден', 'згодна'].map(plain),
);
export const NO = new Set(
  ['no', 'n', 'false', '0', 'ні', 'н', '-', 'refused', 'не надано', 'відмова'].map(plain),
);

export const PRECISION = table<'day' | 'month' | 'year' | 'estimated'>({
  day: ['день', 'точна'],
  month: ['місяць'],
  year: ['рік'],
  estimated: ['estimate', 'приблизно', 'приблизна', 'оцінка'],
});

const pad = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number) {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Dates as people write them: 2024-03-01, 01.03.2024, 01/03/2024 (day first, as in Ukraine),
 * a Kobo timestamp, or only 03.2024 or 2024 (then the precision says so).
 */
export function parseDate(
  value: string,
): { date: string; precision: 'day' | 'month' | 'year' } | { error: string } {
  const v = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+\-Z]*)?$/.exec(v);
  const dotted = iso ? null : /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(v);
  const monthOnly = iso || dotted ? null : /^(\d{1,2})[./](\d{4})$/.exec(v);
  let y: number;
  let mo: number;
  let d: number;
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dotted) [d, mo, y] = [Number(dotted[1]), Number(dotted[2]), Number(dotted[3])];
  else if (monthOnly) {
    const month = Number(monthOnly[1]);
    if (month < 1 || month > 12) return { error: `not a month: ${v}` };
    return { date: `${monthOnly[2]}-${pad(month)}-01`, precision: 'month' };
  } else if (/^\d{4}$/.test(v)) return { date: `${v}-01-01`, precision: 'year' };
  else return { error: 'not a date (write 2024-03-01 or 01.03.2024)' };
  if (!validDay(y, mo, d)) return { error: `no such day: ${v}` };
  return { date: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day' };
}
