import {
  type Answers,
  type AnswerValue,
  defaultFileSettings,
  type FormDefinition,
  type FormPlaceLevel,
  type FormProblem,
  type FormProblemCode,
  type FormSection,
  type FormText,
  type Question,
  type ValidationStage,
} from '@oselia/contracts';
import { isAnswered, isVisible } from './condition.ts';
import { formatMinor, answerMessages as m } from './messages.ts';

/** Longest text kept when a question sets no `maxLength`. */
export const DEFAULT_MAX_LENGTH = { text: 1000, long_text: 10_000 } as const;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pcodeText = /^UA\d{2}(\d{2}(\d{3}(\d{3})?)?)?$/;
const numberText = /^-?\d+([.,]\d+)?$/;
const pcodeLength: Record<FormPlaceLevel, number> = { oblast: 4, raion: 6, hromada: 9, settlement: 12 };

const patternCache = new Map<string, RegExp | null>();
/** A question's pattern compiled once; null when it does not compile (checkDefinition reports it). */
export function compilePattern(pattern: string): RegExp | null {
  let re = patternCache.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      try {
        re = new RegExp(pattern);
      } catch {
        re = null;
      }
    }
    if (patternCache.size > 1000) patternCache.clear();
    patternCache.set(pattern, re);
  }
  return re;
}

export function isValidIsoDate(text: string): boolean {
  const match = isoDate.exec(text);
  if (!match) return false;
  const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface Walk {
  stage: ValidationStage;
  problems: FormProblem[];
  visibleSections: FormSection[];
  visibleQuestions: Question[];
}

type Checked = { value?: AnswerValue | undefined; problems: { code: FormProblemCode; message: FormText }[] };

function problem(code: FormProblemCode, message: FormText, custom?: FormText): Checked['problems'][number] {
  return { code, message: custom ?? message };
}

function checkText(q: Question, raw: unknown): Checked {
  const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
  if (typeof text !== 'string') return { problems: [problem('invalid_type', m.invalidType())] };
  const value = text.trim();
  const v = q.validation;
  const custom = v?.message;
  const maxLength =
    v?.maxLength ?? (q.type === 'long_text' ? DEFAULT_MAX_LENGTH.long_text : DEFAULT_MAX_LENGTH.text);
  const problems: Checked['problems'] = [];
  const length = [...value].length;
  if (length > maxLength) problems.push(problem('max_length', m.maxLength(maxLength), custom));
  else if (v?.minLength !== undefined && length < v.minLength) {
    problems.push(problem('min_length', m.minLength(v.minLength), custom));
  } else if (v?.pattern !== undefined) {
    const re = compilePattern(v.pattern);
    if (re && !re.test(value)) problems.push(problem('pattern', m.pattern(), custom));
  }
  return problems.length ? { problems } : { value, problems };
}

function checkNumber(q: Question, raw: unknown): Checked {
  let value: number | undefined;
  if (typeof raw === 'number' && Number.isFinite(raw)) value = raw;
  else if (typeof raw === 'string' && numberText.test(raw.trim()))
    value = Number(raw.trim().replace(',', '.'));
  if (value === undefined) return { problems: [problem('invalid_type', m.notNumber())] };
  const v = q.validation;
  if (v?.integer && !Number.isInteger(value))
    return { problems: [problem('integer', m.integer(), v.message)] };
  if (v?.min !== undefined && value < v.min)
    return { problems: [problem('min', m.min(String(v.min)), v.message)] };
  if (v?.max !== undefined && value > v.max)
    return { problems: [problem('max', m.max(String(v.max)), v.message)] };
  return { value, problems: [] };
}

function checkMoney(q: Question, raw: unknown): Checked {
  if (!isPlainObject(raw)) return { problems: [problem('invalid_type', m.invalidType())] };
  const { amountMinor, currency } = raw;
  if (typeof amountMinor !== 'number' || !Number.isSafeInteger(amountMinor)) {
    return { problems: [problem('invalid_type', m.notNumber())] };
  }
  if (
    typeof currency !== 'string' ||
    !/^[A-Z]{3}$/.test(currency) ||
    (q.currency && currency !== q.currency)
  ) {
    return { problems: [problem('invalid_currency', m.invalidCurrency(q.currency ?? 'UAH'))] };
  }
  const v = q.validation;
  const min = v?.min ?? 0;
  if (amountMinor < min) return { problems: [problem('min', m.min(formatMinor(min, currency)), v?.message)] };
  if (v?.max !== undefined && amountMinor > v.max) {
    return { problems: [problem('max', m.max(formatMinor(v.max, currency)), v.message)] };
  }
  return { value: { amountMinor, currency }, problems: [] };
}

function checkDate(q: Question, raw: unknown): Checked {
  if (typeof raw !== 'string' || !isValidIsoDate(raw.trim())) {
    return { problems: [problem('invalid_date', m.invalidDate())] };
  }
  const value = raw.trim();
  const v = q.validation;
  if (v?.minDate && value < v.minDate)
    return { problems: [problem('min_date', m.minDate(v.minDate), v.message)] };
  if (v?.maxDate && value > v.maxDate)
    return { problems: [problem('max_date', m.maxDate(v.maxDate), v.message)] };
  return { value, problems: [] };
}

function choiceValue(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return undefined;
}

function checkChoice(q: Question, raw: unknown): Checked {
  const value = choiceValue(raw);
  if (value === undefined || !q.choices?.some((c) => c.value === value)) {
    return { problems: [problem('invalid_choice', m.invalidChoice())] };
  }
  return { value, problems: [] };
}

function checkMultiChoice(q: Question, raw: unknown): Checked {
  const list = Array.isArray(raw) ? raw : [raw];
  const values: string[] = [];
  for (const item of list) {
    const value = choiceValue(item);
    if (value === undefined || !q.choices?.some((c) => c.value === value)) {
      return { problems: [problem('invalid_choice', m.invalidChoice())] };
    }
    if (!values.includes(value)) values.push(value);
  }
  const v = q.validation;
  if (v?.max !== undefined && values.length > v.max) {
    return { problems: [problem('max', m.max(String(v.max)), v.message)] };
  }
  return { value: values, problems: [] };
}

function checkPlace(q: Question, raw: unknown): Checked {
  const value = typeof raw === 'string' ? raw.trim().toUpperCase() : undefined;
  if (
    value === undefined ||
    !pcodeText.test(value) ||
    (q.placeLevel !== undefined && value.length !== pcodeLength[q.placeLevel])
  ) {
    return { problems: [problem('invalid_place', m.invalidPlace(q.placeLevel))] };
  }
  return { value, problems: [] };
}

function checkFile(q: Question, raw: unknown): Checked {
  const list = Array.isArray(raw) ? raw : [raw];
  const ids: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string' || !uuidText.test(item)) {
      return { problems: [problem('invalid_file', m.invalidFile())] };
    }
    const id = item.toLowerCase();
    if (!ids.includes(id)) ids.push(id);
  }
  const maxFiles = (q.file ?? defaultFileSettings).maxFiles;
  if (ids.length > maxFiles) return { problems: [problem('too_many_files', m.tooManyFiles(maxFiles))] };
  return { value: ids, problems: [] };
}

function checkScalar(q: Question, raw: unknown): Checked {
  switch (q.type) {
    case 'text':
    case 'long_text':
      return checkText(q, raw);
    case 'number':
      return checkNumber(q, raw);
    case 'money':
      return checkMoney(q, raw);
    case 'date':
      return checkDate(q, raw);
    case 'choice':
      return checkChoice(q, raw);
    case 'multi_choice':
      return checkMultiChoice(q, raw);
    case 'place':
      return checkPlace(q, raw);
    case 'file':
      return checkFile(q, raw);
    default:
      return { problems: [] };
  }
}

/**
 * Checks the questions of one scope (a section, or one item of a repeat group) in order. `scope`
 * holds the cleaned answers visible so far (outer ones included); `into` receives this scope's.
 */
function walkQuestions(
  questions: readonly Question[],
  input: Record<string, unknown>,
  scope: Answers,
  into: Answers,
  path: string,
  walk: Walk,
  topLevel: boolean,
): void {
  for (const q of questions) {
    if (!isVisible(q.showIf, scope)) continue;
    if (topLevel) walk.visibleQuestions.push(q);
    if (q.type === 'note') continue;
    const at = `${path}${q.name}`;
    const raw = Object.hasOwn(input, q.name) ? input[q.name] : undefined;
    let value: AnswerValue | undefined;
    let failed = false;
    if (q.type === 'repeat') {
      const result = walkRepeat(q, raw, scope, at, walk);
      value = result.value;
      failed = result.failed;
    } else if (isAnswered(raw)) {
      const checked = checkScalar(q, raw);
      for (const p of checked.problems) walk.problems.push({ path: at, ...p });
      value = checked.value;
      failed = checked.problems.length > 0;
    }
    if (isAnswered(value)) {
      into[q.name] = value!;
      scope[q.name] = value!;
      if (q.type === 'multi_choice' && walk.stage === 'submit') {
        const min = q.validation?.min;
        const count = (value as string[]).length;
        if (min !== undefined && count < min) {
          walk.problems.push({ path: at, code: 'min', message: q.validation?.message ?? m.min(String(min)) });
        }
      }
    } else if (q.required && !failed && walk.stage === 'submit') {
      walk.problems.push({ path: at, code: 'required', message: m.required() });
    }
  }
}

function walkRepeat(
  q: Question,
  raw: unknown,
  scope: Answers,
  at: string,
  walk: Walk,
): { value?: Answers[]; failed: boolean } {
  if (!isAnswered(raw)) {
    const minItems = q.repeat?.minItems ?? 0;
    if (walk.stage === 'submit' && !q.required && minItems > 0) {
      walk.problems.push({ path: at, code: 'min_items', message: m.minItems(minItems) });
      return { failed: true };
    }
    return { failed: false };
  }
  if (!Array.isArray(raw)) {
    walk.problems.push({ path: at, code: 'invalid_type', message: m.invalidType() });
    return { failed: true };
  }
  const maxItems = q.repeat?.maxItems;
  if (maxItems !== undefined && raw.length > maxItems) {
    walk.problems.push({ path: at, code: 'max_items', message: m.maxItems(maxItems) });
    return { failed: true };
  }
  const items: Answers[] = [];
  let failed = false;
  raw.forEach((item, i) => {
    if (!isPlainObject(item)) {
      walk.problems.push({ path: `${at}.${i}`, code: 'invalid_type', message: m.invalidType() });
      failed = true;
      return;
    }
    const cleaned: Answers = {};
    walkQuestions(q.repeat?.questions ?? [], item, { ...scope }, cleaned, `${at}.${i}.`, walk, false);
    items.push(cleaned);
  });
  const minItems = q.repeat?.minItems;
  if (walk.stage === 'submit' && minItems !== undefined && items.length < minItems && !failed) {
    walk.problems.push({ path: at, code: 'min_items', message: m.minItems(minItems) });
    failed = true;
  }
  return { value: items, failed };
}

function walkDefinition(definition: FormDefinition, answers: unknown, stage: ValidationStage) {
  const walk: Walk = { stage, problems: [], visibleSections: [], visibleQuestions: [] };
  const cleaned: Answers = {};
  const scope: Answers = {};
  const input = isPlainObject(answers) ? answers : {};
  if (!isPlainObject(answers) && answers !== undefined && answers !== null) {
    walk.problems.push({ path: '', code: 'invalid_type', message: m.invalidType() });
  }
  for (const section of definition.sections) {
    if (!isVisible(section.showIf, scope)) continue;
    walk.visibleSections.push(section);
    walkQuestions(section.questions, input, scope, cleaned, '', walk, true);
  }
  return { walk, cleaned };
}

export interface ValidationResult {
  ok: boolean;
  /** The answers kept: hidden and unknown questions dropped, invalid answers dropped, values normalised. */
  answers: Answers;
  problems: FormProblem[];
}

/**
 * Checks answers against a definition. `draft`: only the form of the answers given (a draft may be
 * incomplete); `submit`: also required answers and minimum counts. Never throws, whatever the input.
 */
export function validateAnswers(
  definition: FormDefinition,
  answers: unknown,
  options: { stage: ValidationStage } = { stage: 'submit' },
): ValidationResult {
  const { walk, cleaned } = walkDefinition(definition, answers, options.stage);
  return { ok: walk.problems.length === 0, answers: cleaned, problems: walk.problems };
}

/** The sections shown for these answers, in order. */
export function visibleSections(definition: FormDefinition, answers: unknown): FormSection[] {
  return walkDefinition(definition, answers, 'draft').walk.visibleSections;
}

/** The top-level questions shown for these answers (in visible sections), in order. */
export function visibleQuestions(definition: FormDefinition, answers: unknown): Question[] {
  return walkDefinition(definition, answers, 'draft').walk.visibleQuestions;
}
