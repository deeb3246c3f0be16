import {
  type ImportField,
  type ImportMapping,
  importField,
  relationship as relationshipEnum,
  vulnerability as vulnerabilityEnum,
  type wgDomains,
} from '@oselia/contracts';
import type { z } from 'zod';

/**
 * From a file's columns to a person as the registration form would send it: which column feeds
 * which field (guessed from header names in Ukrainian or English, Kobo `group/field` names
 * included), and how the values people type in spreadsheets become the form's values.
 */

/** Header spellings per field, compared after `normaliseHeader`. */
const SYNONYMS: Record<ImportField, string[]> = {
  sourceId: ['_uuid', 'uuid', '_id', 'id', 'record_id', 'source_id', 'instanceid', 'meta_instanceid'],
  familyName: ['family_name', 'familyname', 'surname', 'last_name', 'lastname', 'прізвище'],
  givenName: ['given_name', 'givenname', 'first_name', 'firstname', 'name', 'імя', 'ім_я'],
  patronymic: ['patronymic', 'middle_name', 'middlename', 'father_name', 'по_батькові', 'побатькові'],
  birthDate: ['birth_date', 'birthdate', 'date_of_birth', 'dob', 'дата_народження', 'народження'],
  birthDatePrecision: ['birth_date_precision', 'dob_precision', 'точність_дати_народження'],
  sex: ['sex', 'gender', 'стать'],
  phone: ['phone', 'phone_number', 'phone1', 'telephone', 'tel', 'mobile', 'телефон', 'номер_телефону'],
  phone2: ['phone2', 'phone_2', 'second_phone', 'other_phone', 'телефон2', 'телефон_2', 'додатковий_телефон'],
  populationGroup: ['population_group', 'populationgroup', 'pop_group', 'status', 'категорія', 'статус'],
  originPcode: ['origin_pcode', 'origin', 'pcode_origin', 'from_pcode', 'звідки', 'місце_походження'],
  currentPcode: [
    'current_pcode',
    'pcode',
    'location_pcode',
    'current_location',
    'де_проживає',
    'місце_проживання',
  ],
  displacementDate: ['displacement_date', 'date_of_displacement', 'дата_переміщення', 'дата_виїзду'],
  taxNumber: [
    'tax_number',
    'tax_id',
    'taxid',
    'rnokpp',
    'ipn',
    'inn',
    'рнокпп',
    'іпн',
    'інн',
    'ідентифікаційний_код',
  ],
  passport: ['passport', 'passport_number', 'паспорт', 'номер_паспорта'],
  idpCertificate: ['idp_certificate', 'idp_cert', 'довідка_впо', 'довідка'],
  householdKey: [
    'household_key',
    'household_id',
    'household',
    'hh_id',
    'hhid',
    'hh',
    'домогосподарство',
    'родина',
  ],
  relationship: [
    'relationship',
    'relation',
    'relationship_to_head',
    'rel_to_head',
    'відношення_до_голови',
    'стосунок',
    'родинний_звязок',
  ],
  wgSeeing: ['wg_seeing', 'seeing', 'difficulty_seeing', 'зір'],
  wgHearing: ['wg_hearing', 'hearing', 'difficulty_hearing', 'слух'],
  wgWalking: ['wg_walking', 'walking', 'difficulty_walking', 'ходьба', 'мобільність'],
  wgCognition: [
    'wg_cognition',
    'cognition',
    'remembering',
    'difficulty_remembering',
    'памʼять',
    'пам_ять',
    'память',
  ],
  wgSelfCare: [
    'wg_self_care',
    'wg_selfcare',
    'self_care',
    'selfcare',
    'difficulty_selfcare',
    'самообслуговування',
  ],
  wgCommunication: [
    'wg_communication',
    'communication',
    'communicating',
    'difficulty_communicating',
    'спілкування',
  ],
  vulnerabilities: ['vulnerabilities', 'vulnerability', 'вразливості', 'вразливість'],
  consentAssistance: [
    'consent',
    'consent_assistance',
    'consent_for_assistance',
    'згода',
    'згода_на_допомогу',
  ],
};

/** Lower case, the last part of a Kobo group path, apostrophes dropped, separators as `_`. */
export function normaliseHeader(header: string): string {
  const last = header.split('/').pop() ?? header;
  const s = last
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}_]+/gu, '_')
    .replace(/_+/g, '_');
  // Kobo's own columns (_uuid, _id) keep their leading underscore.
  return (s.startsWith('_') ? '_' : '') + s.replace(/^_+|_+$/g, '');
}

const lookup = new Map<string, ImportField>();
for (const field of importField.options) {
  for (const s of SYNONYMS[field]) {
    const key = normaliseHeader(s);
    if (!lookup.has(key)) lookup.set(key, field);
    const squeezed = key.replace(/_/g, '');
    if (!lookup.has(squeezed)) lookup.set(squeezed, field);
  }
}

/** A first guess from the header names; each field takes the first column that fits it. */
export function suggestMapping(columns: string[]): ImportMapping {
  const out: ImportMapping = {};
  for (const column of columns) {
    const key = normaliseHeader(column);
    const field = lookup.get(key) ?? lookup.get(key.replace(/_/g, '')) ?? lookup.get(key.replace(/^_/, ''));
    if (field && out[field] === undefined) out[field] = column;
  }
  return out;
}

/** Mapping problems that make every row fail: name them once, before reading rows. */
export function checkMapping(mapping: ImportMapping, columns: string[]): string[] {
  const problems: string[] = [];
  for (const [field, column] of Object.entries(mapping)) {
    if (column !== undefined && !columns.includes(column))
      problems.push(`${field}: the file has no column "${column}"`);
  }
  if (!mapping.familyName) problems.push('familyName: map the column with the family name');
  if (!mapping.givenName) problems.push('givenName: map the column with the given name');
  if (mapping.householdKey && !mapping.relationship)
    problems.push('relationship: a household key needs the column that says who is the head');
  return problems;
}

// ------------------------------------------------------------------------------------- values

const plainForm = (v: string) =>
  v
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[\s\-–]+/g, '_');

// Coded answers (sex, group, the six WG-SS questions, relationship, consent) take a handful of
// values in a whole file: each is normalised once, not once per row.
const plainMemo = new Map<string, string>();
function plain(v: string): string {
  let p = plainMemo.get(v);
  if (p === undefined) {
    if (plainMemo.size >= 10_000) plainMemo.clear();
    p = plainForm(v);
    plainMemo.set(v, p);
  }
  return p;
}

function table<T extends string>(entries: Record<T, string[]>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [value, spellings] of Object.entries(entries) as [T, string[]][]) {
    m.set(plain(value), value);
    for (const s of spellings) m.set(plain(s), value);
  }
  return m;
}

const SEX = table<'F' | 'M' | 'other' | 'unknown'>({
  F: ['f', 'female', 'woman', 'ж', 'жін', 'жінка', 'жіноча', 'жіноча стать'],
  M: ['m', 'male', 'man', 'ч', 'чол', 'чоловік', 'чоловіча', 'чоловіча стать'],
  other: ['інша', 'інше'],
  unknown: ['невідомо', 'не вказано', 'prefer_not_to_say', 'не хоче відповідати'],
});

const POPULATION_GROUP = table<'idp' | 'returnee' | 'host_community' | 'refugee_migrant'>({
  idp: ['впо', 'внутрішньо переміщена особа', 'переміщена особа', 'internally displaced'],
  returnee: ['returnees', 'повернувся', 'повернулася', 'повернення', 'особа що повернулася'],
  host_community: ['host', 'local', 'місцева громада', 'приймаюча громада', 'місцевий', 'місцева'],
  refugee_migrant: ['refugee', 'migrant', 'біженець', 'біженка', 'мігрант', 'мігрантка'],
});

const WG = table<'no_difficulty' | 'some_difficulty' | 'a_lot_of_difficulty' | 'cannot_do'>({
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
const WG_BLANK = new Set(
  ['refused', 'dont_know', 'do_not_know', 'не знаю', 'відмова', 'відмовився', 'n/a', 'na', '-'].map(plain),
);

const RELATIONSHIP = table<z.infer<typeof relationshipEnum>>({
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

const VULNERABILITY = table<z.infer<typeof vulnerabilityEnum>>(
  Object.fromEntries(vulnerabilityEnum.options.map((v) => [v, []])) as unknown as Record<
    z.infer<typeof vulnerabilityEnum>,
    string[]
  >,
);

const YES = new Set(
  ['yes', 'y', 'true', '1', 'так', 'т', '+', 'given', 'надано', 'згоден', 'згодна'].map(plain),
);
const NO = new Set(['no', 'n', 'false', '0', 'ні', 'н', '-', 'refused', 'не надано', 'відмова'].map(plain));

const PRECISION = table<'day' | 'month' | 'year' | 'estimated'>({
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

// ---------------------------------------------------------------------------------- row → input

export interface CompiledMapping {
  mapping: ImportMapping;
  /** Column index per mapped field. */
  index: Partial<Record<ImportField, number>>;
  /** Fields in a fixed order, for the content identity of a row. */
  identityFields: ImportField[];
}

export function compileMapping(mapping: ImportMapping, columns: string[]): CompiledMapping {
  const index: Partial<Record<ImportField, number>> = {};
  for (const field of importField.options) {
    const column = mapping[field];
    if (column !== undefined) {
      const i = columns.indexOf(column);
      if (i >= 0) index[field] = i;
    }
  }
  const identityFields = importField.options.filter((f) => index[f] !== undefined && f !== 'sourceId');
  return { mapping, index, identityFields };
}

export interface CellProblem {
  column: string | null;
  message: string;
}

const WG_FIELDS: [ImportField, (typeof wgDomains)[number]][] = [
  ['wgSeeing', 'seeing'],
  ['wgHearing', 'hearing'],
  ['wgWalking', 'walking'],
  ['wgCognition', 'cognition'],
  ['wgSelfCare', 'selfCare'],
  ['wgCommunication', 'communication'],
];

export interface MappedRow {
  /** The person as the registration form would send it (before its schema runs). */
  input: Record<string, unknown>;
  problems: CellProblem[];
  /** Which column each array entry came from, to name the column of a later problem. */
  phoneColumns: string[];
  identifierColumns: string[];
  householdKey: string | null;
  relationship: z.infer<typeof relationshipEnum> | null;
  /** What identifies the record within its source: the source id, else its mapped content. */
  identity: string;
}

/** One file row → the registration form's input, plus the problems found on the way. */
/** A mapped field's cell, trimmed; '' when the field has no column. (Helpers live out here, not as
 * closures in mapRow: they would be made again for every row.) */
function cellOf(cells: string[], index: CompiledMapping['index'], f: ImportField): string {
  const i = index[f];
  return i === undefined ? '' : (cells[i] ?? '').trim();
}
const columnOf = (mapping: ImportMapping, f: ImportField) => mapping[f] ?? null;
const orNull = (v: string) => (v === '' ? null : v);

export function mapRow(cells: string[], plan: CompiledMapping): MappedRow {
  const { index, mapping } = plan;
  const problems: CellProblem[] = [];

  const input: Record<string, unknown> = {
    familyName: cellOf(cells, index, 'familyName'),
    givenName: cellOf(cells, index, 'givenName'),
    patronymic: orNull(cellOf(cells, index, 'patronymic')),
  };

  const birth = cellOf(cells, index, 'birthDate');
  if (birth !== '') {
    const r = parseDate(birth);
    if ('error' in r) problems.push({ column: columnOf(mapping, 'birthDate'), message: r.error });
    else {
      input.birthDate = r.date;
      input.birthDatePrecision = r.precision;
    }
  }
  const precision = cellOf(cells, index, 'birthDatePrecision');
  if (precision !== '') {
    const p = PRECISION.get(plain(precision));
    if (p) input.birthDatePrecision = p;
    else
      problems.push({
        column: columnOf(mapping, 'birthDatePrecision'),
        message: `unknown precision "${precision}"`,
      });
  }

  const sex = cellOf(cells, index, 'sex');
  if (sex !== '') {
    const s = SEX.get(plain(sex));
    if (s) input.sex = s;
    else
      problems.push({
        column: columnOf(mapping, 'sex'),
        message: `unknown sex "${sex}" (F, M, other, unknown)`,
      });
  }

  const phones: string[] = [];
  const phoneColumns: string[] = [];
  for (const f of ['phone', 'phone2'] as const) {
    for (const p of cellOf(cells, index, f).split(/[,;/]|\s{2,}/)) {
      if (p.trim() === '') continue;
      phones.push(p.trim());
      phoneColumns.push(columnOf(mapping, f)!);
    }
  }
  if (phones.length > 0) input.phones = phones;

  const group = cellOf(cells, index, 'populationGroup');
  if (group !== '') {
    const g = POPULATION_GROUP.get(plain(group));
    if (g) input.populationGroup = g;
    else
      problems.push({
        column: columnOf(mapping, 'populationGroup'),
        message: `unknown population group "${group}" (idp, returnee, host_community, refugee_migrant)`,
      });
  }

  for (const f of ['originPcode', 'currentPcode'] as const) {
    const v = cellOf(cells, index, f);
    if (v !== '') input[f] = v.toUpperCase();
  }

  const displaced = cellOf(cells, index, 'displacementDate');
  if (displaced !== '') {
    const r = parseDate(displaced);
    if ('error' in r) problems.push({ column: columnOf(mapping, 'displacementDate'), message: r.error });
    else input.displacementDate = r.date;
  }

  const identifiers: { type: string; value: string }[] = [];
  const identifierColumns: string[] = [];
  for (const [f, type] of [
    ['taxNumber', 'tax_number'],
    ['passport', 'passport'],
    ['idpCertificate', 'idp_certificate'],
  ] as const) {
    const v = cellOf(cells, index, f);
    if (v !== '') {
      identifiers.push({ type, value: v });
      identifierColumns.push(columnOf(mapping, f)!);
    }
  }
  if (identifiers.length > 0) input.identifiers = identifiers;

  let wg: Record<string, string | null> | null = null;
  for (const [f, domain] of WG_FIELDS) {
    const v = cellOf(cells, index, f);
    if (v === '' || WG_BLANK.has(plain(v))) continue;
    const a = WG.get(plain(v));
    if (!a) {
      problems.push({
        column: columnOf(mapping, f),
        message: `unknown answer "${v}" (no_difficulty, some_difficulty, a_lot_of_difficulty, cannot_do)`,
      });
      continue;
    }
    wg ??= {};
    wg[domain] = a;
  }
  if (wg) input.washingtonGroup = wg;

  const vulns = cellOf(cells, index, 'vulnerabilities');
  if (vulns !== '') {
    const list: string[] = [];
    for (const token of vulns.split(/[\s,;]+/)) {
      if (token === '') continue;
      const v = VULNERABILITY.get(plain(token));
      if (v) list.push(v);
      else
        problems.push({
          column: columnOf(mapping, 'vulnerabilities'),
          message: `unknown vulnerability "${token}"`,
        });
    }
    input.vulnerabilities = list;
  }

  const consent = cellOf(cells, index, 'consentAssistance');
  if (consent !== '') {
    const c = plain(consent);
    if (YES.has(c)) input.consents = [{ purpose: 'assistance', status: 'given', method: 'verbal' }];
    else if (!NO.has(c))
      problems.push({
        column: columnOf(mapping, 'consentAssistance'),
        message: `not a yes or no answer: "${consent}"`,
      });
  }

  const householdKey = orNull(cellOf(cells, index, 'householdKey'));
  let relationship: MappedRow['relationship'] = null;
  if (householdKey !== null) {
    const r = cellOf(cells, index, 'relationship');
    relationship = r === '' ? null : (RELATIONSHIP.get(plain(r)) ?? null);
    if (r === '')
      problems.push({
        column: columnOf(mapping, 'relationship'),
        message: 'say how this person relates to the head',
      });
    else if (!relationship)
      problems.push({
        column: columnOf(mapping, 'relationship'),
        message: `unknown relationship "${r}" (${relationshipEnum.options.join(', ')})`,
      });
  }

  return {
    input,
    problems,
    phoneColumns,
    identifierColumns,
    householdKey,
    relationship,
    identity: rowIdentity(cells, plan),
  };
}

/** What identifies a row within its source: the source's own id, else the mapped cells. */
export function rowIdentity(cells: string[], plan: CompiledMapping): string {
  const sourceId = cellOf(cells, plan.index, 'sourceId');
  if (sourceId !== '') return `id:${sourceId}`;
  return `row:${plan.identityFields.map((f) => cellOf(cells, plan.index, f)).join('\u001f')}`;
}

/**
 * The column behind a field path of the registration rules (`phones.1`, `identifiers.0.value`,
 * `washingtonGroup.seeing`), so a problem names the cell the user must fix.
 */
export function columnOfField(path: string, row: MappedRow, mapping: ImportMapping): string | null {
  const [head, second] = path.split('.');
  switch (head) {
    case 'phones':
      return row.phoneColumns[Number(second)] ?? mapping.phone ?? null;
    case 'identifiers':
      return row.identifierColumns[Number(second)] ?? null;
    case 'washingtonGroup': {
      const f = WG_FIELDS.find(([, d]) => d === second)?.[0];
      return f ? (mapping[f] ?? null) : null;
    }
    case 'consents':
      return mapping.consentAssistance ?? null;
    case 'birthDatePrecision':
      return mapping.birthDatePrecision ?? mapping.birthDate ?? null;
    default:
      return (mapping as Record<string, string | undefined>)[head ?? ''] ?? null;
  }
}
