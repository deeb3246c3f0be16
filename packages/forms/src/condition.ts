import type { Answers, AnswerValue, ComparisonCondition, Condition, ConditionValue } from '@oselia/contracts';

/** Whether an answer counts as given: not missing, not an empty string, not an empty list. */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

const numericText = /^-?\d+(\.\d+)?$/;

/** The scalar a comparison looks at: money compares by its amount in minor units. */
function scalarOf(value: unknown): string | number | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const amount = (value as { amountMinor?: unknown }).amountMinor;
    if (typeof amount === 'number') return amount;
  }
  return undefined;
}

/** Equality across the forms an answer takes: 5 equals '5', texts compare exactly. */
function same(answer: string | number, value: unknown): boolean {
  if (typeof value === 'number') {
    return typeof answer === 'number'
      ? answer === value
      : numericText.test(answer) && Number(answer) === value;
  }
  if (typeof value === 'string') {
    return typeof answer === 'string'
      ? answer === value
      : numericText.test(value) && Number(value) === answer;
  }
  return false;
}

/** -1, 0 or 1; undefined when the two cannot be ordered (a text against a number, say). */
function order(answer: string | number, value: unknown): number | undefined {
  let a: number | string = answer;
  let b: number | string;
  if (typeof value === 'number') b = value;
  else if (typeof value === 'string') b = value;
  else return undefined;
  if (typeof a !== typeof b) {
    if (typeof a === 'string' && numericText.test(a)) a = Number(a);
    else if (typeof b === 'string' && numericText.test(b)) b = Number(b);
    else return undefined;
  }
  if (typeof a === 'number' && (typeof b !== 'number' || Number.isNaN(a) || Number.isNaN(b)))
    return undefined;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compare(c: ComparisonCondition, answers: Answers): boolean {
  const raw: AnswerValue | undefined = Object.hasOwn(answers, c.question) ? answers[c.question] : undefined;
  const answered = isAnswered(raw);
  switch (c.op) {
    case 'answered':
      return answered;
    case 'not_answered':
      return !answered;
    case 'neq':
      return !compare({ ...c, op: 'eq' }, answers);
    default:
      break;
  }
  if (!answered) return false;
  const value: ConditionValue | undefined = c.value;
  if (Array.isArray(raw)) {
    const items = raw.filter((x): x is string => typeof x === 'string');
    if (c.op === 'includes') return items.some((x) => same(x, value));
    if (c.op === 'in') return Array.isArray(value) && items.some((x) => value.some((v) => same(x, v)));
    if (c.op === 'eq') return items.length === 1 && same(items[0]!, value);
    return false;
  }
  const a = scalarOf(raw);
  if (a === undefined) return false;
  switch (c.op) {
    case 'eq':
    case 'includes':
      return same(a, value);
    case 'in':
      return Array.isArray(value) && value.some((v) => same(a, v));
    default: {
      const o = order(a, value);
      if (o === undefined) return false;
      if (c.op === 'gt') return o > 0;
      if (c.op === 'gte') return o >= 0;
      if (c.op === 'lt') return o < 0;
      return o <= 0;
    }
  }
}

/**
 * Whether a condition holds for the answers given (no condition: always). Answers of hidden
 * questions must already be left out (see `validateAnswers`), so a question hidden by its own
 * condition never shows another one.
 */
export function isVisible(condition: Condition | undefined, answers: Answers): boolean {
  if (condition === undefined) return true;
  if ('all' in condition) return condition.all.every((c) => isVisible(c, answers));
  if ('any' in condition) return condition.any.some((c) => isVisible(c, answers));
  if ('not' in condition) return !isVisible(condition.not, answers);
  return compare(condition, answers);
}

/** Every comparison of a condition, depth first. */
export function comparisonsOf(condition: Condition | undefined): ComparisonCondition[] {
  if (condition === undefined) return [];
  if ('all' in condition) return condition.all.flatMap(comparisonsOf);
  if ('any' in condition) return condition.any.flatMap(comparisonsOf);
  if ('not' in condition) return comparisonsOf(condition.not);
  return [condition];
}
