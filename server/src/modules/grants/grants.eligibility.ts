import {
  type BilingualText,
  type EligibilityRule,
  grantAssistanceTypes,
  type RuleOutcome,
  type RuleResult,
  type ScreeningResult,
} from '@oselia/contracts';

/**
 * Eligibility rules as data, evaluated without I/O: the service gathers the facts (answers, the
 * application's own fields, what the assistance ledger says about the matched person), this
 * module says pass, fail or unknown for each rule, with a reason in Ukrainian and English.
 */

export interface LedgerFacts {
  /** Whether the registry could be asked: false when the applicant matches nobody with certainty. */
  checked: boolean;
  /** Assistance the matched person(s) received (any type; the rule filters by its types and window). */
  received: { date: string; type: string }[];
  /** Why it could not be checked, when it could not. */
  why?: BilingualText;
}

export interface EligibilityFacts {
  answers: Record<string, unknown>;
  oblastPcode: string | null;
  requestedMinor: number | null;
  currency: string;
  maxPerGrantMinor: number;
  /** The day of screening, YYYY-MM-DD. */
  today: string;
  ledger: LedgerFacts;
}

const t = (uk: string, en: string): BilingualText => ({ uk, en });

/** Integer minor units as text, without ever going through a floating-point number. */
export function formatMoney(minor: number, currency: string, lang: 'uk' | 'en'): string {
  const whole = Math.trunc(minor / 100);
  const cents = String(Math.abs(minor % 100)).padStart(2, '0');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'uk' ? '\u00a0' : ',');
  return lang === 'uk' ? `${grouped},${cents} ${currency}` : `${grouped}.${cents} ${currency}`;
}

const money = (minor: number, currency: string) =>
  t(formatMoney(minor, currency, 'uk'), formatMoney(minor, currency, 'en'));

/** YYYY-MM-DD plus whole calendar months (the 31st of a shorter month becomes its last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const isIsoDate = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));

const isMoney = (v: unknown): v is { amountMinor: number } =>
  typeof v === 'object' && v !== null && typeof (v as { amountMinor?: unknown }).amountMinor === 'number';

const isAnswered = (v: unknown) =>
  v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** A comparable scalar out of an answer: numbers, money (its minor units), strings (dates sort as text). */
function scalar(v: unknown): string | number | boolean | null {
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (isMoney(v)) return v.amountMinor;
  return null;
}

/** The plain values inside an answer, as text: any other shape (an object) says nothing here. */
const textsOf = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.flatMap(textsOf)
    : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
      ? [String(v)]
      : [];

const show = (v: unknown) => (isMoney(v) ? String(v.amountMinor) : textsOf(v).join(', '));

function compare(op: 'gt' | 'gte' | 'lt' | 'lte', a: string | number | boolean, b: unknown): boolean | null {
  if (typeof a === 'number' && typeof b === 'number') {
    return op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    return op === 'gt' ? a > b : op === 'gte' ? a >= b : op === 'lt' ? a < b : a <= b;
  }
  return null;
}

type AnswerRule = Extract<EligibilityRule, { type: 'answer' }>;

/** pass/fail for an `answer` rule, or null when the answer cannot tell (missing or of another kind). */
function answerHolds(rule: AnswerRule, answer: unknown): boolean | null {
  if (rule.op === 'answered') return isAnswered(answer);
  if (!isAnswered(answer)) return null;
  const value = rule.value;
  switch (rule.op) {
    case 'includes':
      return Array.isArray(answer) ? answer.includes(value as never) : null;
    case 'in':
    case 'not_in': {
      if (!Array.isArray(value)) return null;
      const a = scalar(answer);
      if (a === null) return null;
      const found = (value as (string | number)[]).includes(a as never);
      return rule.op === 'in' ? found : !found;
    }
    case 'eq':
    case 'neq': {
      const a = scalar(answer);
      if (a === null) return null;
      return rule.op === 'eq' ? a === value : a !== value;
    }
    default: {
      const a = scalar(answer);
      return a === null ? null : compare(rule.op, a, value);
    }
  }
}

type Verdict = { outcome: RuleOutcome; reason: BilingualText };
const pass = (reason: BilingualText): Verdict => ({ outcome: 'pass', reason });
const fail = (reason: BilingualText): Verdict => ({ outcome: 'fail', reason });
const unknown = (reason: BilingualText): Verdict => ({ outcome: 'unknown', reason });

function evaluateRule(rule: EligibilityRule, f: EligibilityFacts): Verdict {
  switch (rule.type) {
    case 'registered_at_least_months': {
      const date = f.answers[rule.question];
      if (!isIsoDate(date)) {
        return unknown(t('Дату реєстрації не вказано', 'The registration date is not given'));
      }
      const n = rule.months;
      return addMonths(date, n) <= f.today
        ? pass(
            t(
              `Зареєстровано ${date}: щонайменше ${n} міс. тому`,
              `Registered on ${date}: at least ${n} months ago`,
            ),
          )
        : fail(
            t(
              `Зареєстровано ${date}: менше ніж ${n} міс. тому`,
              `Registered on ${date}: less than ${n} months ago`,
            ),
          );
    }
    case 'staff_at_most': {
      const staff = scalar(f.answers[rule.question]);
      if (typeof staff !== 'number') {
        return unknown(t('Кількість працівників не вказано', 'The number of staff is not given'));
      }
      return staff <= rule.max
        ? pass(t(`${staff} працівн.: не більше ${rule.max}`, `${staff} staff: at most ${rule.max}`))
        : fail(t(`${staff} працівн.: більше ніж ${rule.max}`, `${staff} staff: more than ${rule.max}`));
    }
    case 'sector_not_in': {
      const sector = f.answers[rule.question];
      const chosen = textsOf(sector).filter((s) => s !== '');
      if (chosen.length === 0) return unknown(t('Сферу діяльності не вказано', 'The sector is not given'));
      const excluded = chosen.filter((s) => rule.sectors.includes(s));
      return excluded.length === 0
        ? pass(
            t(
              `Сфера «${chosen.join(', ')}» не виключена`,
              `The sector “${chosen.join(', ')}” is not excluded`,
            ),
          )
        : fail(
            t(
              `Сфера «${excluded.join(', ')}» не підтримується цим конкурсом`,
              `The sector “${excluded.join(', ')}” is excluded from this call`,
            ),
          );
    }
    case 'oblast_in': {
      const p = f.oblastPcode;
      if (!p) return unknown(t('Область не вказано', 'The oblast is not given'));
      return rule.oblasts.some((o) => p.startsWith(o))
        ? pass(
            t(
              `Область ${p.slice(0, 4)} входить до конкурсу`,
              `Oblast ${p.slice(0, 4)} is covered by the call`,
            ),
          )
        : fail(
            t(
              `Область ${p.slice(0, 4)} не входить до областей конкурсу (${rule.oblasts.join(', ')})`,
              `Oblast ${p.slice(0, 4)} is not among the call's oblasts (${rule.oblasts.join(', ')})`,
            ),
          );
    }
    case 'no_grant_within_months': {
      const n = rule.months;
      if (!f.ledger.checked) {
        return unknown(
          f.ledger.why ??
            t('Попередню допомогу не вдалося перевірити', 'Prior assistance could not be checked'),
        );
      }
      const types: readonly string[] = rule.assistanceTypes ?? grantAssistanceTypes;
      const since = addMonths(f.today, -n);
      const hits = f.ledger.received
        .filter((r) => (types.includes('*') || types.includes(r.type)) && r.date >= since)
        .sort((a, b) => (a.date < b.date ? 1 : -1));
      const latest = hits[0];
      return latest
        ? fail(
            t(
              `Отримано допомогу «${latest.type}» ${latest.date}: менше ніж ${n} міс. тому`,
              `Received “${latest.type}” on ${latest.date}: less than ${n} months ago`,
            ),
          )
        : pass(t(`Гранту за останні ${n} міс. не знайдено`, `No grant in the last ${n} months`));
    }
    case 'amount_at_most': {
      const max = rule.maxMinor ?? f.maxPerGrantMinor;
      const asked = f.requestedMinor;
      if (asked === null) return unknown(t('Запитану суму не вказано', 'The requested amount is not given'));
      const [a, m] = [money(asked, f.currency), money(max, f.currency)];
      return asked <= max
        ? pass(t(`Запитано ${a.uk}: не більше ${m.uk}`, `Requested ${a.en}: at most ${m.en}`))
        : fail(
            t(
              `Запитано ${a.uk}: більше за максимум ${m.uk}`,
              `Requested ${a.en}: more than the maximum ${m.en}`,
            ),
          );
    }
    case 'answer': {
      const holds = answerHolds(rule, f.answers[rule.question]);
      if (holds === null) {
        const given = f.answers[rule.question];
        return isAnswered(given)
          ? unknown(
              t(
                `Відповідь «${show(given)}» не можна перевірити: ${rule.label.uk}`,
                `Answer “${show(given)}” cannot be checked: ${rule.label.en}`,
              ),
            )
          : unknown(t(`Немає відповіді: ${rule.label.uk}`, `Not answered: ${rule.label.en}`));
      }
      return holds
        ? pass(t(`Виконано: ${rule.label.uk}`, `Met: ${rule.label.en}`))
        : fail(t(`Не виконано: ${rule.label.uk}`, `Not met: ${rule.label.en}`));
    }
  }
}

/** Every rule's verdict, in the call's order. A rule never throws, whatever the answers hold. */
export function evaluateEligibility(
  rules: readonly EligibilityRule[],
  facts: EligibilityFacts,
): RuleResult[] {
  return rules.map((rule, index) => ({ index, type: rule.type, ...evaluateRule(rule, facts) }));
}

/** Any failed rule makes an application ineligible; otherwise any unknown needs a person to look. */
export function summariseEligibility(results: readonly Pick<RuleResult, 'outcome'>[]): ScreeningResult {
  if (results.some((r) => r.outcome === 'fail')) return 'ineligible';
  if (results.some((r) => r.outcome === 'unknown')) return 'needs_review';
  return 'eligible';
}

/** The months the ledger must look back over to answer every `no_grant_within_months` rule (0 = none). */
export function ledgerWindowMonths(rules: readonly EligibilityRule[]): number {
  return Math.max(0, ...rules.map((r) => (r.type === 'no_grant_within_months' ? r.months : 0)));
}

/** One line per rule for the public call page: what an application must meet. */
export function describeRule(
  rule: EligibilityRule,
  call: { maxPerGrantMinor: number; currency: string },
  /** Oblast names by P-code (applicants know names, not codes); a code without one stays a code. */
  oblastNames: ReadonlyMap<string, BilingualText> = new Map(),
): BilingualText {
  if (rule.label) return rule.label;
  switch (rule.type) {
    case 'registered_at_least_months':
      return t(
        `Зареєстровано щонайменше ${rule.months} міс. тому`,
        `Registered at least ${rule.months} months ago`,
      );
    case 'staff_at_most':
      return t(`Не більше ${rule.max} працівників`, `At most ${rule.max} staff`);
    case 'sector_not_in':
      return t(
        `Не підтримуються сфери: ${rule.sectors.join(', ')}`,
        `Excluded sectors: ${rule.sectors.join(', ')}`,
      );
    case 'oblast_in': {
      const names = (lang: 'uk' | 'en') =>
        rule.oblasts.map((p) => oblastNames.get(p)?.[lang] ?? p).join(', ');
      return t(`Лише області: ${names('uk')}`, `Only these oblasts: ${names('en')}`);
    }
    case 'no_grant_within_months':
      return t(
        `Без гранту від нас за останні ${rule.months} міс.`,
        `No grant from us in the last ${rule.months} months`,
      );
    case 'amount_at_most': {
      const m = money(rule.maxMinor ?? call.maxPerGrantMinor, call.currency);
      return t(`Сума гранту не більше ${m.uk}`, `A grant of at most ${m.en}`);
    }
    case 'answer':
      return rule.label;
  }
}
