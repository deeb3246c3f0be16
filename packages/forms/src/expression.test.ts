// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions name questions as ${name}
import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  parseConstraint,
  parseRelevant,
  printCondition,
  printConstraint,
} from './expression.ts';

describe('parseRelevant', () => {
  it('translates comparisons, selected(), and, or, not and parentheses', () => {
    expect(parseRelevant("${sector} = 'other'")).toEqual({ question: 'sector', op: 'eq', value: 'other' });
    expect(parseRelevant('${staff} >= 5')).toEqual({ question: 'staff', op: 'gte', value: 5 });
    expect(parseRelevant('3 < ${staff}')).toEqual({ question: 'staff', op: 'gt', value: 3 });
    expect(parseRelevant("${a} != ''")).toEqual({ question: 'a', op: 'answered' });
    expect(parseRelevant('${a} = ""')).toEqual({ question: 'a', op: 'not_answered' });
    expect(parseRelevant("selected(${p}, 'equipment')")).toEqual({
      question: 'p',
      op: 'includes',
      value: 'equipment',
    });
    expect(parseRelevant("${a} = 'x' and (${b} > 1 or not(${c} = 'y')) and ${d} <= 2.5")).toEqual({
      all: [
        { question: 'a', op: 'eq', value: 'x' },
        { any: [{ question: 'b', op: 'gt', value: 1 }, { not: { question: 'c', op: 'eq', value: 'y' } }] },
        { question: 'd', op: 'lte', value: 2.5 },
      ],
    });
  });

  it('maps XLSForm names to question names', () => {
    expect(parseRelevant("${Has-Team} = 'yes'", (n) => n.toLowerCase().replace('-', '_'))).toEqual({
      question: 'has_team',
      op: 'eq',
      value: 'yes',
    });
  });

  it('refuses what it does not understand', () => {
    for (const text of [
      'count-selected(${p}) > 1',
      '${a} + 1 > 2',
      '${a} = ${b}',
      "${a} = 'x' and",
      "${a} = 'x",
      "${a} = 'x')",
      'today() > ${d}',
      "${a} = 'x' xor ${b} = 'y'",
    ]) {
      expect(() => parseRelevant(text), text).toThrow(ExpressionError);
    }
  });

  it('prints what it parses', () => {
    for (const text of [
      "${a} = 'x'",
      '${n} > 3',
      "selected(${p}, 'equipment')",
      "${a} != ''",
      "${a} = 'x' and (${b} > 1 or not(${c} = 'y'))",
    ]) {
      expect(printCondition(parseRelevant(text))).toBe(text);
    }
    expect(printCondition({ question: 'c', op: 'in', value: ['a', 'b'] })).toBe("(${c} = 'a' or ${c} = 'b')");
  });
});

describe('parseConstraint', () => {
  it('translates bounds, lengths, regex and date bounds', () => {
    expect(parseConstraint('. >= 1 and . <= 50')).toEqual({ min: 1, max: 50 });
    expect(parseConstraint('string-length(.) <= 200')).toEqual({ maxLength: 200 });
    expect(parseConstraint("regex(., '^[0-9]{8}$') and string-length(.) >= 8")).toEqual({
      pattern: '^[0-9]{8}$',
      minLength: 8,
    });
    expect(parseConstraint(". >= date('2022-02-24')")).toEqual({ minDate: '2022-02-24' });
  });

  it('refuses other constraints', () => {
    for (const text of [
      '. > 1',
      '. >= ${other}',
      '. >= 1 or . <= 0',
      'string-length(.) <= 2.5',
      '. != 3',
      '.',
    ]) {
      expect(() => parseConstraint(text), text).toThrow(ExpressionError);
    }
  });

  it('prints what it parses', () => {
    const v = { min: 1, max: 50, minLength: 2, maxLength: 9, pattern: '^x$', minDate: '2020-01-01' };
    expect(parseConstraint(printConstraint(v))).toEqual(v);
    expect(printConstraint(undefined)).toBe('');
  });
});
