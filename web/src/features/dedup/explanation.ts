/**
 * Pure helpers for showing why two records matched: the matching engine's field and level names
 * as message keys, evidence for and against, and weights and probabilities as people read them.
 */

/** The fields the engine compares, in its order. */
export const FIELD_KEYS = [
  'family_name',
  'given_name',
  'patronymic',
  'birth_date',
  'phone',
  'tax_id',
  'sex',
  'oblast',
] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export const isFieldKey = (field: string): field is FieldKey =>
  (FIELD_KEYS as readonly string[]).includes(field);

/** The engine's agreement levels (its own labels) as message keys. */
const LEVELS = {
  missing: 'missing',
  exact: 'exact',
  equal: 'equal',
  'one edit or jw≥0.92': 'close',
  'two edits or jw≥0.8': 'similar',
  'two edits or jw≥0.9': 'similar',
  different: 'different',
  'day/month swapped': 'swapped',
  'one digit off': 'oneDigit',
  'year ±1': 'yearOff',
  '12+ years apart': 'generation',
  // Not the engine's: an exact name match between different spellings (see markRespelled).
  'same name, other spelling': 'respelled',
} as const;
export type LevelKey = (typeof LEVELS)[keyof typeof LEVELS];
export const LEVEL_KEYS = [...new Set(Object.values(LEVELS))] as LevelKey[];

/** The message key of an agreement level, or null for a label this screen does not know yet. */
export function levelKey(label: string): LevelKey | null {
  return Object.hasOwn(LEVELS, label) ? LEVELS[label as keyof typeof LEVELS] : null;
}

const RESPELLED = 'same name, other spelling';
const NAME_FIELDS = { family_name: 'familyName', given_name: 'givenName', patronymic: 'patronymic' } as const;
type Names = { familyName: string; givenName: string; patronymic: string | null };

/**
 * The engine calls names "exact" when they are the same name, whatever the spelling (Олексій,
 * Алексей, Oleksii). Where the two records write it differently, say so, so that a reviewer
 * does not look for a typo in the two columns.
 */
export function markRespelled<F extends FieldEvidence>(fields: readonly F[], a: Names, b: Names): F[] {
  const written = (n: Names, key: keyof Names) => (n[key] ?? '').trim().toLocaleLowerCase();
  return fields.map((f) => {
    const key = NAME_FIELDS[f.field as keyof typeof NAME_FIELDS];
    return key && f.label === 'exact' && written(a, key) !== written(b, key) ? { ...f, label: RESPELLED } : f;
  });
}

/** Why the engine would not link a pair automatically, or why it was sent for review. */
const NOTES = {
  'given names differ': 'givenNamesDiffer',
  'surname and given name differ': 'namesDiffer',
  'born 12 or more years apart': 'generation',
  'between thresholds': 'betweenThresholds',
  vetoed: 'vetoed',
  'cluster guard': 'clusterGuard',
} as const;
export type NoteKey = (typeof NOTES)[keyof typeof NOTES];
export const NOTE_KEYS = Object.values(NOTES) as NoteKey[];

export function noteKey(text: string): NoteKey | null {
  return Object.hasOwn(NOTES, text) ? NOTES[text as keyof typeof NOTES] : null;
}

export interface FieldEvidence {
  field: string;
  label: string;
  weight: number;
}

/** Weights closer to zero than this neither help nor hurt (shown as neutral). */
export const NEUTRAL = 0.05;

/**
 * The fields that speak for the same person and those against, strongest first; the rest are
 * neutral (missing on one side, or no evidence either way).
 */
export function weighEvidence<F extends FieldEvidence>(fields: readonly F[]) {
  const strongest = (a: F, b: F) => Math.abs(b.weight) - Math.abs(a.weight);
  return {
    for: fields.filter((f) => f.weight >= NEUTRAL).sort(strongest),
    against: fields.filter((f) => f.weight <= -NEUTRAL).sort(strongest),
    neutral: fields.filter((f) => Math.abs(f.weight) < NEUTRAL),
  };
}

/** A weight with its sign, one decimal: "+8.1", "−3.2" (a real minus sign), "0". */
export function formatWeight(weight: number, locale: string): string {
  const rounded = Math.round(weight * 10) / 10;
  if (rounded === 0) return '0';
  const text = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    Math.abs(rounded),
  );
  return `${rounded > 0 ? '+' : '−'}${text}`;
}

/**
 * A probability as a percentage people can trust: never "100 %" or "0 %" for what is only very
 * likely or very unlikely, so 0.99999 reads "> 99.9 %".
 */
export function formatProbability(p: number, locale: string): string {
  const percent = (x: number) =>
    new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(x);
  if (p >= 0.9995) return `> ${percent(0.999)}`;
  if (p < 0.0005) return `< ${percent(0.001)}`;
  return percent(Math.round(p * 1000) / 1000);
}

/** The year of an ISO date, or null. */
export const birthYear = (isoDay: string | null | undefined) =>
  isoDay && /^\d{4}/.test(isoDay) ? isoDay.slice(0, 4) : null;

/** Whether a text is a real calendar day written yyyy-mm-dd (not 1981-02-30). */
export function isCalendarDay(text: string | null): text is string {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** What the registration form holds of one person, as far as the duplicate check needs it. */
export interface DraftForCheck {
  familyName: string;
  givenName: string;
  patronymic: string;
  birthDate: string | null;
  birthDatePrecision: string;
  sex: 'F' | 'M' | 'other' | 'unknown';
  phone: string;
  /** A tax number only once it is a whole, valid one. */
  taxNumber: string | null;
}

export interface DuplicateCheckRequest {
  familyName: string;
  givenName: string;
  patronymic: string | null;
  birthDate: string | null;
  sex: DraftForCheck['sex'];
  phones: string[];
  taxNumber: string | null;
  limit: number;
}

/**
 * The body of a duplicate check for a draft, or null while there is too little to check: a
 * surname of two letters or more and a given name. A birth date counts only when the day is
 * known (a year alone is stored as 1 July and would read as a different date); a phone only
 * once it has six digits.
 */
export function duplicateCheckRequest(d: DraftForCheck, limit = 5): DuplicateCheckRequest | null {
  const familyName = d.familyName.trim().slice(0, 100);
  const givenName = d.givenName.trim().slice(0, 100);
  if (familyName.length < 2 || givenName.length < 1) return null;
  const patronymic = d.patronymic.trim().slice(0, 100);
  const phone = d.phone.trim();
  const birthDate = d.birthDatePrecision === 'day' && isCalendarDay(d.birthDate) ? d.birthDate : null;
  return {
    familyName,
    givenName,
    patronymic: patronymic === '' ? null : patronymic,
    birthDate,
    sex: d.sex,
    phones: phone.replace(/\D/g, '').length >= 6 && phone.length <= 30 ? [phone] : [],
    taxNumber: d.taxNumber,
    limit,
  };
}

/**
 * Which record should survive a merge by default: the one registered first (it is the one
 * colleagues have been using), or on a tie the one with more identifiers.
 */
export function defaultSurvivor(
  a: { id: string; createdAt: string; identifiers: readonly unknown[] },
  b: { id: string; createdAt: string; identifiers: readonly unknown[] },
): string {
  const byTime = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  if (byTime !== 0) return byTime < 0 ? a.id : b.id;
  return b.identifiers.length > a.identifiers.length ? b.id : a.id;
}
