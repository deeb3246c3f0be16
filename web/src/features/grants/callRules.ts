/** Eligibility rules in the call editor: as typed, and as the data the server evaluates. */
import type { EligibilityRule } from '@oselia/contracts';

/** Rule types the server evaluates, in the order the editor offers them. */
export const RULE_TYPES = [
  'registered_at_least_months',
  'staff_at_most',
  'sector_not_in',
  'oblast_in',
  'no_grant_within_months',
  'amount_at_most',
  'answer',
] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export const ANSWER_OPS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'not_in',
  'includes',
  'answered',
] as const;
export type AnswerOp = (typeof ANSWER_OPS)[number];

/** One rule as the editor holds it: numbers and lists as typed. */
export interface RuleDraft {
  type: RuleType;
  /** Months (registered / no grant within), or the staff maximum. */
  number: string;
  /** The form question the rule reads (empty: the rule's default question). */
  question: string;
  /** Excluded sectors or ledger types, one per line or comma-separated. */
  list: string;
  oblasts: string[];
  maxMinor: number | null;
  op: AnswerOp;
  value: string;
  labelUk: string;
  labelEn: string;
}

export const newRule = (type: RuleType): RuleDraft => ({
  type,
  number: '',
  question: '',
  list: '',
  oblasts: [],
  maxMinor: null,
  op: 'eq',
  value: '',
  labelUk: '',
  labelEn: '',
});

/** What the editors found wrong, by field (`titleUk`, `rules.2.number`, …), as message keys. */
export type DraftProblems = Record<string, string>;

/** A form question's or a list item's code: a lower-case letter, then letters, digits or _. */
export const SLUG = /^[a-z][a-z0-9_]*$/;

/** Entries of a list typed one per line or separated by commas. */
export const listOf = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** A whole number typed within bounds, or null. */
export function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

/** A label in both languages; one given stands for both, none gives undefined. */
export function label(d: { labelUk: string; labelEn: string }) {
  const uk = d.labelUk.trim();
  const en = d.labelEn.trim();
  return uk === '' && en === '' ? undefined : { uk: uk || en, en: en || uk };
}

/** "12" → 12, "true" → true, "a, b" → ["a", "b"] for list operators; text otherwise. */
export function ruleValue(
  op: AnswerOp,
  text: string,
): string | number | boolean | (string | number)[] | undefined {
  const one = (s: string) => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);
  if (op === 'answered') return undefined;
  if (op === 'in' || op === 'not_in') return listOf(text).map(one);
  const trimmed = text.trim();
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true';
  return one(trimmed);
}

/** A stored rule as the editor shows it. */
export function ruleToDraft(rule: EligibilityRule): RuleDraft {
  const base = {
    ...newRule(rule.type),
    labelUk: rule.label?.uk ?? '',
    labelEn: rule.label?.en ?? '',
  };
  switch (rule.type) {
    case 'registered_at_least_months':
      return { ...base, number: String(rule.months), question: rule.question };
    case 'staff_at_most':
      return { ...base, number: String(rule.max), question: rule.question };
    case 'sector_not_in':
      return { ...base, list: rule.sectors.join('\n'), question: rule.question };
    case 'oblast_in':
      return { ...base, oblasts: [...rule.oblasts] };
    case 'no_grant_within_months':
      return { ...base, number: String(rule.months), list: (rule.assistanceTypes ?? []).join('\n') };
    case 'amount_at_most':
      return { ...base, maxMinor: rule.maxMinor ?? null };
    case 'answer':
      return {
        ...base,
        question: rule.question,
        op: rule.op,
        value: Array.isArray(rule.value)
          ? rule.value.join(', ')
          : rule.value === undefined
            ? ''
            : String(rule.value),
      };
  }
}

/** A rule as the server takes it, or null with its problems noted under `at`. */
export function ruleFromDraft(d: RuleDraft, at: string, problems: DraftProblems): EligibilityRule | null {
  const lbl = label(d);
  const withLabel = lbl ? { label: lbl } : {};
  const question = d.question.trim();
  if (question !== '' && !SLUG.test(question)) problems[`${at}.question`] = 'grants.editor.errors.slug';
  switch (d.type) {
    case 'registered_at_least_months':
    case 'no_grant_within_months': {
      const months = wholeNumber(d.number, 1, 600);
      if (months === null) {
        problems[`${at}.number`] = 'grants.editor.errors.months';
        return null;
      }
      if (d.type === 'registered_at_least_months')
        return { type: d.type, months, question: question || 'registration_date', ...withLabel };
      const types = listOf(d.list);
      return { type: d.type, months, ...(types.length > 0 ? { assistanceTypes: types } : {}), ...withLabel };
    }
    case 'staff_at_most': {
      const max = wholeNumber(d.number, 0, 1_000_000);
      if (max === null) {
        problems[`${at}.number`] = 'grants.editor.errors.wholeNumber';
        return null;
      }
      return { type: d.type, max, question: question || 'staff_count', ...withLabel };
    }
    case 'sector_not_in': {
      const sectors = listOf(d.list);
      if (sectors.length === 0) {
        problems[`${at}.list`] = 'grants.editor.errors.sectors';
        return null;
      }
      return { type: d.type, sectors, question: question || 'sector', ...withLabel };
    }
    case 'oblast_in':
      if (d.oblasts.length === 0) {
        problems[`${at}.oblasts`] = 'grants.editor.errors.oblasts';
        return null;
      }
      return { type: d.type, oblasts: d.oblasts, ...withLabel };
    case 'amount_at_most':
      return { type: d.type, ...(d.maxMinor !== null ? { maxMinor: d.maxMinor } : {}), ...withLabel };
    case 'answer': {
      if (question === '') problems[`${at}.question`] = 'grants.editor.errors.question';
      if (!lbl) problems[`${at}.labelUk`] = 'grants.editor.errors.answerLabel';
      const value = ruleValue(d.op, d.value);
      if (d.op !== 'answered' && (value === '' || (Array.isArray(value) && value.length === 0)))
        problems[`${at}.value`] = 'grants.editor.errors.value';
      if (!lbl || question === '' || !SLUG.test(question)) return null;
      return { type: 'answer', question, op: d.op, ...(value === undefined ? {} : { value }), label: lbl };
    }
  }
}
