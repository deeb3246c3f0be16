import type { ComparisonCondition, Condition, ConditionOp, QuestionValidation } from '@oselia/contracts';

/**
 * The common subset of XLSForm (XPath) expressions, both ways: `relevant` ↔ {@link Condition},
 * `constraint` ↔ {@link QuestionValidation}. Anything else is refused with a reason, never guessed.
 */

type Token =
  | { kind: 'ref'; name: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'op'; value: '=' | '!=' | '>' | '>=' | '<' | '<=' }
  | { kind: 'word'; value: string }
  | { kind: 'dot' }
  | { kind: '(' }
  | { kind: ')' }
  | { kind: ',' };

export class ExpressionError extends Error {}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const ref = /^\$\{([^}\s]+)\}/.exec(rest);
    if (ref) {
      tokens.push({ kind: 'ref', name: ref[1]! });
      i += ref[0].length;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      if (end < 0) throw new ExpressionError('a quote is not closed');
      tokens.push({ kind: 'string', value: text.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(rest);
    if (num) {
      tokens.push({ kind: 'number', value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const op = /^(!=|>=|<=|=|>|<)/.exec(rest);
    if (op) {
      tokens.push({ kind: 'op', value: op[1] as '=' });
      i += op[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', value: word[0] });
      i += word[0].length;
      continue;
    }
    if (ch === '.' || ch === '(' || ch === ')' || ch === ',') {
      tokens.push(ch === '.' ? { kind: 'dot' } : { kind: ch });
      i++;
      continue;
    }
    throw new ExpressionError(`"${ch}" is not understood`);
  }
  return tokens;
}

const opOf: Record<string, ConditionOp> = {
  '=': 'eq',
  '!=': 'neq',
  '>': 'gt',
  '>=': 'gte',
  '<': 'lt',
  '<=': 'lte',
};
const flipped: Record<string, ConditionOp> = {
  eq: 'eq',
  neq: 'neq',
  gt: 'lt',
  gte: 'lte',
  lt: 'gt',
  lte: 'gte',
};

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly resolve: (name: string) => string,
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.i];
  }
  next(): Token {
    const token = this.tokens[this.i++];
    if (!token) throw new ExpressionError('the expression ends too early');
    return token;
  }
  expect(kind: Token['kind']): Token {
    const token = this.next();
    if (token.kind !== kind) throw new ExpressionError(`expected "${kind}"`);
    return token;
  }
  isWord(value: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.value === value;
  }
  done(): void {
    if (this.i < this.tokens.length) throw new ExpressionError('unexpected text after the expression');
  }

  or(): Condition {
    const parts = [this.and()];
    while (this.isWord('or')) {
      this.i++;
      parts.push(this.and());
    }
    return parts.length === 1 ? parts[0]! : { any: parts };
  }

  and(): Condition {
    const parts = [this.unary()];
    while (this.isWord('and')) {
      this.i++;
      parts.push(this.unary());
    }
    return parts.length === 1 ? parts[0]! : { all: parts };
  }

  unary(): Condition {
    const token = this.peek();
    if (token?.kind === 'word' && token.value === 'not') {
      this.i++;
      this.expect('(');
      const inner = this.or();
      this.expect(')');
      return { not: inner };
    }
    if (token?.kind === '(') {
      this.i++;
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (token?.kind === 'word' && token.value === 'selected') {
      this.i++;
      this.expect('(');
      const ref = this.expect('ref') as { name: string };
      this.expect(',');
      const value = this.literal();
      this.expect(')');
      return { question: this.resolve(ref.name), op: 'includes', value: String(value) };
    }
    return this.comparison();
  }

  literal(): string | number {
    const token = this.next();
    if (token.kind === 'string' || token.kind === 'number') return token.value;
    throw new ExpressionError('expected a value in quotes or a number');
  }

  comparison(): Condition {
    const left = this.next();
    const op = this.next();
    if (op.kind !== 'op') throw new ExpressionError('expected a comparison (=, !=, >, >=, <, <=)');
    const right = this.next();
    let ref: string;
    let value: string | number;
    let cop = opOf[op.value]!;
    if (left.kind === 'ref' && (right.kind === 'string' || right.kind === 'number')) {
      ref = left.name;
      value = right.value;
    } else if (right.kind === 'ref' && (left.kind === 'string' || left.kind === 'number')) {
      ref = right.name;
      value = left.value;
      cop = flipped[cop]!;
    } else {
      throw new ExpressionError('a comparison needs one question reference and one value');
    }
    const question = this.resolve(ref);
    if (value === '' && (cop === 'eq' || cop === 'neq')) {
      return { question, op: cop === 'eq' ? 'not_answered' : 'answered' };
    }
    return { question, op: cop, value };
  }
}

/** A `relevant` expression as a condition; names go through `resolve` (XLSForm name → question name). */
export function parseRelevant(text: string, resolve: (name: string) => string = (n) => n): Condition {
  const parser = new Parser(tokenize(text), resolve);
  const condition = parser.or();
  parser.done();
  return condition;
}

function quote(value: string | number): string {
  if (typeof value === 'number') return String(value);
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new ExpressionError('a value holds both kinds of quote');
}

function printComparison(c: ComparisonCondition): string {
  const ref = `\${${c.question}}`;
  switch (c.op) {
    case 'answered':
      return `${ref} != ''`;
    case 'not_answered':
      return `${ref} = ''`;
    case 'includes':
      return `selected(${ref}, ${quote(String(c.value))})`;
    case 'in': {
      const values = Array.isArray(c.value) ? c.value : [];
      return `(${values.map((v) => `${ref} = ${quote(v)}`).join(' or ')})`;
    }
    default: {
      const symbol = Object.entries(opOf).find(([, op]) => op === c.op)![0];
      if (c.value === undefined || Array.isArray(c.value))
        throw new ExpressionError(`"${c.op}" needs one value`);
      return `${ref} ${symbol} ${quote(c.value)}`;
    }
  }
}

/** A condition written as an XLSForm `relevant` expression (`in` becomes a chain of `or`). */
export function printCondition(condition: Condition): string {
  const part = (c: Condition) => ('all' in c || 'any' in c ? `(${printCondition(c)})` : printCondition(c));
  if ('all' in condition) return condition.all.map(part).join(' and ');
  if ('any' in condition) return condition.any.map(part).join(' or ');
  if ('not' in condition) return `not(${printCondition(condition.not)})`;
  return printComparison(condition);
}

/**
 * A `constraint` as validation: `. >= n`, `. <= n` (numbers, or `date('YYYY-MM-DD')` for dates),
 * `string-length(.) >= n`, `string-length(.) <= n`, `regex(., 'pattern')`, joined by `and`.
 */
export function parseConstraint(text: string): QuestionValidation {
  const tokens = tokenize(text);
  const validation: QuestionValidation = {};
  let i = 0;
  const next = () => {
    const token = tokens[i++];
    if (!token) throw new ExpressionError('the constraint ends too early');
    return token;
  };
  const expectKind = (kind: Token['kind']) => {
    const token = next();
    if (token.kind !== kind) throw new ExpressionError(`expected "${kind}"`);
    return token;
  };
  const bound = (op: Token, value: Token, lengthOf: boolean) => {
    if (op.kind !== 'op' || (op.value !== '>=' && op.value !== '<=')) {
      throw new ExpressionError('only >= and <= bounds are understood');
    }
    const isMin = op.value === '>=';
    if (value.kind === 'number') {
      if (lengthOf) {
        if (!Number.isInteger(value.value) || value.value < 0)
          throw new ExpressionError('a length is a whole number');
        validation[isMin ? 'minLength' : 'maxLength'] = value.value;
      } else validation[isMin ? 'min' : 'max'] = value.value;
      return;
    }
    if (!lengthOf && value.kind === 'word' && value.value === 'date') {
      expectKind('(');
      const date = expectKind('string') as { value: string };
      expectKind(')');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date.value)) throw new ExpressionError('a date is written YYYY-MM-DD');
      validation[isMin ? 'minDate' : 'maxDate'] = date.value;
      return;
    }
    throw new ExpressionError('a bound must be a number');
  };
  for (;;) {
    const token = next();
    if (token.kind === 'dot') bound(next(), next(), false);
    else if (token.kind === 'word' && token.value === 'string-length') {
      expectKind('(');
      expectKind('dot');
      expectKind(')');
      bound(next(), next(), true);
    } else if (token.kind === 'word' && token.value === 'regex') {
      expectKind('(');
      expectKind('dot');
      expectKind(',');
      validation.pattern = (expectKind('string') as { value: string }).value;
      expectKind(')');
    } else throw new ExpressionError('only bounds on ".", string-length(.) and regex(.) are understood');
    if (i === tokens.length) return validation;
    const joint = next();
    if (joint.kind !== 'word' || joint.value !== 'and')
      throw new ExpressionError('parts are joined with "and" only');
  }
}

/** Validation written as an XLSForm `constraint` (the inverse of {@link parseConstraint}); '' when none. */
export function printConstraint(v: QuestionValidation | undefined): string {
  if (!v) return '';
  const parts: string[] = [];
  if (v.min !== undefined) parts.push(`. >= ${v.min}`);
  if (v.max !== undefined) parts.push(`. <= ${v.max}`);
  if (v.minDate !== undefined) parts.push(`. >= date('${v.minDate}')`);
  if (v.maxDate !== undefined) parts.push(`. <= date('${v.maxDate}')`);
  if (v.minLength !== undefined) parts.push(`string-length(.) >= ${v.minLength}`);
  if (v.maxLength !== undefined) parts.push(`string-length(.) <= ${v.maxLength}`);
  if (v.pattern !== undefined) parts.push(`regex(., ${quote(v.pattern)})`);
  return parts.join(' and ');
}
