// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions name questions as ${name}
import type { Condition, FileKind, FormDefinition, FormSection, Question } from '@oselia/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from './check.ts';
import { validateAnswers } from './validate.ts';
import { type SheetRow, sheetRows, xlsFormToDefinition } from './xlsform.ts';
import { definitionToXlsForm } from './xlsform-export.ts';

/** A sheet as a table, the way the XLSX reader gives it (header first). */
const table = (...rows: string[][]): SheetRow[] => sheetRows(rows);

const UK = 'label::Ukrainian (uk)';
const EN = 'label::English (en)';

const kobo = {
  survey: table(
    [
      'type',
      'name',
      UK,
      EN,
      'hint::Ukrainian (uk)',
      'hint::English (en)',
      'required',
      'relevant',
      'constraint',
      'constraint_message::English (en)',
      'appearance',
    ],
    ['start', 'start', '', '', '', '', '', '', '', '', ''],
    ['end', 'end', '', '', '', '', '', '', '', '', ''],
    ['begin_group', 'about', 'Про вас', 'About you', '', '', '', '', '', '', 'field-list'],
    [
      'text',
      'Full-Name',
      'Ім’я',
      'Name',
      'Як у паспорті',
      'As in the passport',
      'yes',
      '',
      'string-length(.) <= 80',
      'Too long',
      '',
    ],
    ['integer', 'age', 'Вік', 'Age', '', '', 'true', '', '. >= 14 and . <= 35', 'From 14 to 35', ''],
    [
      'select_one yn',
      'displaced',
      'Ви переміщена особа?',
      'Are you displaced?',
      '',
      '',
      'yes',
      '',
      '',
      '',
      '',
    ],
    ['date', 'moved_on', 'Коли переїхали', 'When you moved', '', '', '', "${displaced} = 'yes'", '', '', ''],
    ['end_group', '', '', '', '', '', '', '', '', '', ''],
    ['begin_group', 'team', 'Команда', 'Team', '', '', '', '${age} >= 18', '', '', ''],
    ['select_multiple skills', 'skills', 'Навички', 'Skills', '', '', '', '', '', '', ''],
    ['begin_group', 'inner', '', '', '', '', '', "selected(${skills}, 'print')", '', '', ''],
    ['text', 'printer', 'Який принтер', 'Which printer', '', '', 'yes', '', '', '', 'multiline'],
    ['end_group', '', '', '', '', '', '', '', '', '', ''],
    ['begin_repeat', 'members', 'Учасники', 'Members', '', '', '', '', '', '', ''],
    ['text', 'member_name', 'Ім’я', 'Name', '', '', 'yes', '', '', '', ''],
    ['decimal', 'hours', 'Годин на тиждень', 'Hours a week', '', '', '', "${member_name} != ''", '', '', ''],
    ['end_repeat', '', '', '', '', '', '', '', '', '', ''],
    ['end_group', '', '', '', '', '', '', '', '', '', ''],
    ['note', 'thanks', 'Дякуємо', 'Thank you', '', '', '', '', '', '', ''],
    ['image', 'photo', 'Фото', 'Photo', '', '', '', '', '', '', ''],
  ),
  choices: table(
    ['list_name', 'name', UK, EN],
    ['yn', 'yes', 'Так', 'Yes'],
    ['yn', 'no', 'Ні', 'No'],
    ['skills', 'print', '3D-друк', '3D printing'],
    ['skills', 'design', 'Дизайн', 'Design'],
  ),
  settings: table(['form_title', 'version'], ['Заявка команди', '2026-01']),
};

describe('xlsFormToDefinition', () => {
  it('converts a KoboToolbox form with groups, a nested group, a repeat and two languages', () => {
    const result = xlsFormToDefinition(kobo);
    expect(result.problems).toBeUndefined();
    const d = result.definition!;
    expect(checkDefinition(d)).toEqual([]);
    expect(d.languages).toEqual(['uk', 'en']);
    expect(d.title).toEqual({ uk: 'Заявка команди', en: 'Заявка команди' });
    expect(result.ignoredRows).toEqual([
      { row: 2, type: 'start' },
      { row: 3, type: 'end' },
    ]);
    expect(d.sections.map((s) => [s.id, s.title.en, s.showIf])).toEqual([
      ['about', 'About you', undefined],
      ['team', 'Team', { question: 'age', op: 'gte', value: 18 }],
      ['section_1', '', undefined],
    ]);
    const [about, team, rest] = d.sections as [FormSection, FormSection, FormSection];
    expect(about.questions[0]).toEqual({
      name: 'full_name',
      type: 'text',
      label: { uk: 'Ім’я', en: 'Name' },
      hint: { uk: 'Як у паспорті', en: 'As in the passport' },
      required: true,
      validation: { maxLength: 80, message: { uk: 'Too long', en: 'Too long' } },
    });
    expect(about.questions[1]).toMatchObject({
      type: 'number',
      validation: { integer: true, min: 14, max: 35 },
    });
    expect(about.questions[2]).toMatchObject({
      type: 'choice',
      choices: [{ value: 'yes' }, { value: 'no' }],
    });
    expect(about.questions[3]).toMatchObject({
      type: 'date',
      showIf: { question: 'displaced', op: 'eq', value: 'yes' },
    });
    expect(team.questions[1]).toMatchObject({
      name: 'printer',
      type: 'long_text',
      showIf: { question: 'skills', op: 'includes', value: 'print' },
    });
    expect(team.questions[2]).toMatchObject({ name: 'members', type: 'repeat' });
    expect(team.questions[2]!.repeat!.questions.map((q) => [q.name, q.type, q.showIf])).toEqual([
      ['member_name', 'text', undefined],
      ['hours', 'number', { question: 'member_name', op: 'answered' }],
    ]);
    expect(rest.questions.map((q) => [q.name, q.type, q.file?.accept])).toEqual([
      ['thanks', 'note', undefined],
      ['photo', 'file', ['jpeg', 'png']],
    ]);
  });

  it('gives a form that validates answers the way the XLSForm means', () => {
    const d = xlsFormToDefinition(kobo).definition!;
    const check = (answers: object) =>
      validateAnswers(d, answers, { stage: 'submit' }).problems.map((p) => `${p.path}:${p.code}`);
    expect(check({ full_name: 'Оля', age: 16, displaced: 'no', skills: ['print'] })).toEqual([]);
    expect(check({ full_name: 'Оля', age: 20, displaced: 'yes', skills: ['print'], members: [{}] })).toEqual([
      'printer:required',
      'members.0.member_name:required',
    ]);
    expect(check({ full_name: 'Оля', age: 40, displaced: 'no' })).toEqual(['age:max']);
  });

  it('reads a form with plain labels and guesses its language', () => {
    const survey = table(['type', 'name', 'label'], ['text', 'name', 'Ім’я'], ['integer', 'n', 'Скільки']);
    const result = xlsFormToDefinition({ survey, choices: [] }, { fallbackTitle: 'Анкета' });
    expect(result.definition?.languages).toEqual(['uk']);
    expect(result.definition?.title).toEqual({ uk: 'Анкета', en: 'Анкета' });
    expect(result.definition?.sections[0]?.questions[0]?.label).toEqual({ uk: 'Ім’я', en: 'Ім’я' });
    const english = xlsFormToDefinition({
      survey: table(['type', 'name', 'label'], ['text', 'name', 'Name']),
      choices: [],
    });
    expect(english.definition?.languages).toEqual(['en']);
  });

  it('names the row of every problem', () => {
    const survey = table(
      ['type', 'name', 'label', 'relevant', 'constraint'],
      ['text', 'a', 'A', '', ''],
      ['geopoint', 'where', 'Where', '', ''],
      ['text', 'b', 'B', 'count-selected(${a}) > 1', ''],
      ['select_one missing', 'c', 'C', '', ''],
      ['integer', 'd', 'D', '', '. > 3'],
      ['calculate', 'e', '', '', ''],
      ['end_group', '', '', '', ''],
      ['begin_repeat', 'r', 'R', '', ''],
    );
    const result = xlsFormToDefinition({ survey, choices: [] });
    expect(result.definition).toBeUndefined();
    expect(result.problems?.map((p) => [p.row, p.code])).toEqual([
      [3, 'unknown_type'],
      [4, 'unsupported_expression'],
      [5, 'missing_choices'],
      [6, 'unsupported_expression'],
      [7, 'unknown_type'],
      [8, 'unbalanced_group'],
      [9, 'unbalanced_group'],
    ]);
    expect(result.problems?.[0]?.message.en).toBe(
      'Sheet survey, row 3: the question type "geopoint" is not supported',
    );
    expect(result.problems?.[0]?.sheet).toBe('survey');
  });

  it('maps problems of the converted definition back to their rows', () => {
    const survey = table(
      ['type', 'name', 'label', 'relevant'],
      ['text', 'a', 'A', '${b} = 1'],
      ['text', 'b', 'B', ''],
      ['text', 'A', 'A again', ''],
    );
    const result = xlsFormToDefinition({ survey, choices: [] });
    expect(result.problems?.map((p) => [p.row, p.code])).toEqual([
      [2, 'forward_reference'],
      [4, 'duplicate_name'],
    ]);
  });

  it('says when the survey sheet or its columns are missing', () => {
    expect(xlsFormToDefinition({ survey: [], choices: [] }).problems?.[0]?.code).toBe('missing_sheet');
    expect(
      xlsFormToDefinition({ survey: table(['type', 'label'], ['text', 'A']), choices: [] }).problems?.[0]
        ?.code,
    ).toBe('missing_column');
  });
});

// ---- round trip of generated definitions ----

const textArb = fc.stringMatching(/^[A-Za-zА-ЯІЇЄа-яіїє][A-Za-zА-ЯІЇЄа-яіїє ,.?]{0,15}$/);
const valueArb = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/);
const minArb = fc.integer({ min: -100, max: 0 });
const maxArb = fc.integer({ min: 1, max: 100 });
const text = () => textArb;
const value = () => valueArb;
type G = fc.GeneratorValue;

function genCondition(g: G, candidates: Question[], depth = 0): Condition | undefined {
  if (candidates.length === 0) return undefined;
  const kind = depth < 2 ? g(fc.integer, { min: 0, max: 5 }) : 0;
  if (kind === 3 || kind === 4) {
    const parts = [genCondition(g, candidates, depth + 1)!, genCondition(g, candidates, depth + 1)!];
    return kind === 3 ? { all: parts } : { any: parts };
  }
  if (kind === 5) return { not: genCondition(g, candidates, depth + 1)! };
  const q = g(fc.constantFrom, ...candidates);
  switch (q.type) {
    case 'choice':
      return {
        question: q.name,
        op: g(fc.constantFrom, 'eq' as const, 'neq' as const, 'includes' as const),
        value: g(fc.constantFrom, ...q.choices!).value,
      };
    case 'multi_choice':
      return { question: q.name, op: 'includes', value: g(fc.constantFrom, ...q.choices!).value };
    case 'number':
      return {
        question: q.name,
        op: g(fc.constantFrom, 'eq' as const, 'gt' as const, 'gte' as const, 'lt' as const, 'lte' as const),
        value: g(fc.integer, { min: -50, max: 50 }),
      };
    case 'date':
      return { question: q.name, op: g(fc.constantFrom, 'gt' as const, 'lt' as const), value: '2022-02-24' };
    default:
      return g(fc.boolean)
        ? { question: q.name, op: g(fc.constantFrom, 'answered' as const, 'not_answered' as const) }
        : { question: q.name, op: g(fc.constantFrom, 'eq' as const, 'neq' as const), value: g(value) };
  }
}

function genQuestion(g: G, name: string, earlier: Question[], inRepeat: boolean): Question {
  const type = g(
    fc.constantFrom,
    'text',
    'long_text',
    'number',
    'date',
    'choice',
    'multi_choice',
    'note',
    'file',
    ...(inRepeat ? [] : ['repeat' as const]),
  ) as Question['type'];
  const q: Question = { name, type, label: { uk: g(text), en: g(text) } };
  if (g(fc.boolean)) q.hint = { uk: g(text), en: g(text) };
  if (type !== 'note' && type !== 'repeat' && g(fc.boolean)) q.required = true;
  const showIf = g(fc.boolean)
    ? genCondition(
        g,
        earlier.filter((e) => e.type !== 'note' && e.type !== 'file' && e.type !== 'repeat'),
      )
    : undefined;
  if (showIf) q.showIf = showIf;
  if (type === 'choice' || type === 'multi_choice') {
    q.choices = (g(fc.uniqueArray, valueArb, { minLength: 1, maxLength: 4 }) as string[]).map((v) => ({
      value: v,
      label: { uk: g(text), en: g(text) },
    }));
  }
  if (type === 'number') {
    const integer = g(fc.boolean);
    const min = g(fc.option, minArb, { nil: undefined });
    const max = g(fc.option, maxArb, { nil: undefined });
    const v = {
      ...(integer ? { integer: true } : {}),
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
    };
    if (Object.keys(v).length) q.validation = v;
  }
  if (type === 'text' && g(fc.boolean))
    q.validation = { maxLength: g(fc.integer, { min: 5, max: 500 }), pattern: '^[^0-9]*$' };
  if (type === 'date' && g(fc.boolean)) q.validation = { minDate: '2014-01-01' };
  if (type === 'file') {
    const accept = g(fc.subarray, ['pdf', 'jpeg', 'png'] as FileKind[], { minLength: 1 });
    q.file = {
      accept,
      maxFiles: g(fc.integer, { min: 1, max: 5 }),
      maxBytes: g(fc.constantFrom, 1_000_000, 10 * 1024 * 1024),
    };
  }
  if (type === 'repeat') {
    const inner: Question[] = [];
    const count = g(fc.integer, { min: 1, max: 3 });
    for (let k = 0; k < count; k++) inner.push(genQuestion(g, `${name}_${k}`, [...earlier, ...inner], true));
    q.repeat = { questions: inner };
  }
  return q;
}

function genDefinition(g: G): FormDefinition {
  const sections: FormSection[] = [];
  const earlier: Question[] = [];
  let n = 0;
  const sectionCount = g(fc.integer, { min: 1, max: 3 });
  for (let s = 0; s < sectionCount; s++) {
    const section: FormSection = { id: `s${s}`, title: { uk: g(text), en: g(text) }, questions: [] };
    const showIf = g(fc.boolean)
      ? genCondition(
          g,
          earlier.filter((e) => e.type !== 'note' && e.type !== 'file' && e.type !== 'repeat'),
        )
      : undefined;
    if (showIf) section.showIf = showIf;
    const count = g(fc.integer, { min: 0, max: 5 });
    for (let k = 0; k < count; k++) {
      const q = genQuestion(g, `q${n++}`, earlier, false);
      section.questions.push(q);
      earlier.push(q);
    }
    sections.push(section);
  }
  return { languages: ['uk', 'en'], title: { uk: g(text), en: g(text) }, sections };
}

describe('XLSForm round trip (property)', () => {
  it('a generated definition written as XLSForm reads back the same', () => {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const definition = genDefinition(g);
        expect(checkDefinition(definition)).toEqual([]);
        const back = xlsFormToDefinition(definitionToXlsForm(definition));
        expect(back.problems).toBeUndefined();
        expect(back.definition).toEqual(definition);
      }),
      { numRuns: 300 },
    );
  });
});
