import {
  type Condition,
  type FormDefinition,
  type FormProblem,
  type FormText,
  formDefinitionSchema,
  type Question,
} from '@oselia/contracts';
import { comparisonsOf } from './condition.ts';
import { definitionMessages as m } from './messages.ts';
import { compilePattern } from './validate.ts';

const valueOps = new Set(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'includes']);
const orderOps = new Set(['gt', 'gte', 'lt', 'lte']);
const orderable = new Set(['number', 'money', 'date']);
const choiceTypes = new Set(['choice', 'multi_choice']);

interface Known {
  question: Question;
  /** The repeat group the question lives in (its name), or null at the top level. */
  repeat: string | null;
}

class Checker {
  readonly problems: FormProblem[] = [];
  /** Every question of the form, wherever it is. */
  readonly all = new Map<string, Known>();

  constructor(private readonly definition: FormDefinition) {}

  add(path: string, code: FormProblem['code'], message: FormText): void {
    this.problems.push({ path, code, message });
  }

  text(path: string, text: FormText | undefined, required: boolean): void {
    for (const lang of this.definition.languages) {
      const value = text?.[lang] ?? '';
      if (required && value.trim() === '') this.add(path, 'missing_translation', m.missingTranslation(lang));
    }
  }

  /** References must name a question already seen in this scope (earlier, and not inside another repeat). */
  condition(path: string, condition: Condition | undefined, inScope: Set<string>, self: string | null): void {
    for (const c of comparisonsOf(condition)) {
      const known = this.all.get(c.question);
      if (c.question === self) {
        this.add(path, 'self_reference', m.selfReference(c.question));
        continue;
      }
      if (!known) {
        this.add(path, 'unknown_question', m.unknownQuestion(c.question));
        continue;
      }
      if (!inScope.has(c.question)) {
        if (known.repeat !== null && this.seenOutside.has(c.question)) {
          this.add(path, 'unknown_question', m.outOfScope(c.question));
        } else {
          this.add(path, 'forward_reference', m.forwardReference(c.question));
        }
        continue;
      }
      const q = known.question;
      if (valueOps.has(c.op) && c.value === undefined) {
        this.add(path, 'missing_value', m.missingValue(c.op));
        continue;
      }
      if (c.op === 'in' && !Array.isArray(c.value)) {
        this.add(path, 'missing_value', m.missingValue(c.op));
        continue;
      }
      const structural = q.type === 'note' || q.type === 'file' || q.type === 'repeat';
      if (
        (structural && c.op !== 'answered' && c.op !== 'not_answered') ||
        (orderOps.has(c.op) && !orderable.has(q.type)) ||
        (c.op === 'includes' && q.type !== 'multi_choice' && q.type !== 'choice')
      ) {
        this.add(path, 'not_comparable', m.notComparable(c.question, c.op));
        continue;
      }
      if (choiceTypes.has(q.type) && c.value !== undefined) {
        const values = Array.isArray(c.value) ? c.value : [c.value];
        for (const v of values) {
          if (!q.choices?.some((choice) => choice.value === String(v))) {
            this.add(path, 'unknown_choice', m.unknownChoice(c.question, String(v)));
          }
        }
      }
    }
  }

  /** Names seen so far anywhere (to tell "inside another repeat" from "later in the form"). */
  readonly seenOutside = new Set<string>();

  collect(questions: readonly Question[], repeat: string | null): void {
    for (const q of questions) {
      if (!this.all.has(q.name)) this.all.set(q.name, { question: q, repeat });
      if (q.repeat) this.collect(q.repeat.questions, q.name);
    }
  }

  questions(questions: readonly Question[], path: string, inScope: Set<string>, names: Set<string>): void {
    questions.forEach((q, j) => {
      const at = `${path}.${j}`;
      if (names.has(q.name)) this.add(`${at}.name`, 'duplicate_name', m.duplicateName(q.name));
      names.add(q.name);
      this.text(`${at}.label`, q.label, true);
      this.condition(`${at}.showIf`, q.showIf, inScope, q.name);
      this.question(q, at);
      if (q.type === 'repeat' && q.repeat) {
        const inner = new Set(inScope);
        this.questions(q.repeat.questions, `${at}.repeat.questions`, inner, names);
        for (const name of inner) if (!inScope.has(name)) this.seenOutside.add(name);
      }
      inScope.add(q.name);
      this.seenOutside.add(q.name);
    });
  }

  question(q: Question, at: string): void {
    if (choiceTypes.has(q.type)) {
      if (!q.choices?.length) this.add(`${at}.choices`, 'missing_choices', m.missingChoices(q.name));
      const values = new Set<string>();
      q.choices?.forEach((choice, k) => {
        if (values.has(choice.value)) {
          this.add(`${at}.choices.${k}`, 'duplicate_choice', m.duplicateChoice(choice.value));
        }
        values.add(choice.value);
        this.text(`${at}.choices.${k}.label`, choice.label, true);
      });
    }
    if (q.type === 'repeat' && !q.repeat?.questions.length) {
      this.add(`${at}.repeat`, 'missing_repeat', m.missingRepeat(q.name));
    }
    const v = q.validation;
    if (
      (v?.min !== undefined && v.max !== undefined && v.min > v.max) ||
      (v?.minLength !== undefined && v.maxLength !== undefined && v.minLength > v.maxLength) ||
      (v?.minDate !== undefined && v.maxDate !== undefined && v.minDate > v.maxDate) ||
      (q.repeat?.minItems !== undefined &&
        q.repeat.maxItems !== undefined &&
        q.repeat.minItems > q.repeat.maxItems)
    ) {
      this.add(`${at}.validation`, 'invalid_range', m.invalidRange());
    }
    if (v?.pattern !== undefined && compilePattern(v.pattern) === null) {
      this.add(`${at}.validation.pattern`, 'invalid_pattern', m.invalidPattern());
    }
  }

  run(): FormProblem[] {
    const d = this.definition;
    if (new Set(d.languages).size !== d.languages.length) {
      this.add('languages', 'invalid_definition', m.invalidDefinition('languages repeat'));
    }
    this.text('title', d.title, true);
    for (const section of d.sections) this.collect(section.questions, null);
    const inScope = new Set<string>();
    const names = new Set<string>();
    const sectionIds = new Set<string>();
    d.sections.forEach((section, i) => {
      const at = `sections.${i}`;
      if (sectionIds.has(section.id))
        this.add(`${at}.id`, 'duplicate_section', m.duplicateSection(section.id));
      sectionIds.add(section.id);
      this.condition(`${at}.showIf`, section.showIf, inScope, null);
      this.questions(section.questions, `${at}.questions`, inScope, names);
    });
    return this.problems;
  }
}

/**
 * Problems of a definition that its schema cannot see: names used twice, conditions that refer to
 * unknown, later or out-of-scope questions (so conditions can never form a cycle), comparisons that
 * make no sense for the question's type or name options it does not have, choice questions without
 * options, texts missing in a language the form offers, impossible ranges, patterns that do not
 * compile. Input that does not even fit the schema yields `invalid_definition` problems.
 */
export function checkDefinition(definition: FormDefinition): FormProblem[] {
  const parsed = formDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    return parsed.error.issues.slice(0, 50).map((issue) => ({
      path: issue.path.join('.'),
      code: 'invalid_definition' as const,
      message: m.invalidDefinition(issue.message),
    }));
  }
  return new Checker(parsed.data).run();
}
