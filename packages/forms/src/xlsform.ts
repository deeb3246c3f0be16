import type {
  Condition,
  FormDefinition,
  FormLanguage,
  FormProblem,
  FormSection,
  Question,
} from '@oselia/contracts';
import { checkDefinition } from './check.ts';
import { ExpressionError, parseRelevant } from './expression.ts';
import { choiceLists, rowQuestion } from './xlsform-questions.ts';
import {
  Columns,
  cyrillic,
  headersOf,
  metadataTypes,
  problemAt,
  questionNameOf,
  type SheetRow,
  truthy,
  type XlsForm,
} from './xlsform-sheets.ts';

export {
  columnLanguage,
  EN_COLUMN,
  questionNameOf,
  type SheetRow,
  sheetRows,
  UK_COLUMN,
  type XlsForm,
} from './xlsform-sheets.ts';

/**
 * XLSForm (the `survey`/`choices`/`settings` sheets of KoboToolbox and ODK) to a form definition,
 * for the common question types, and back. Problems name the sheet and the row. This file walks the
 * survey rows (sections, groups, repeats); xlsform-questions.ts reads choice lists and question types.
 */

interface Frame {
  kind: 'group' | 'repeat';
  row: number;
  /** Conditions of the groups opened inside the current section or repeat (they apply to each question). */
  conditions: Condition[];
  target: Question[];
}

function combine(conditions: (Condition | undefined)[]): Condition | undefined {
  const present = conditions.filter((c): c is Condition => c !== undefined);
  if (present.length === 0) return undefined;
  return present.length === 1 ? present[0]! : { all: present };
}

export interface XlsFormOptions {
  /** The title when the settings sheet has no `form_title`. */
  fallbackTitle?: string;
}

export type XlsFormResult =
  | { definition: FormDefinition; ignoredRows: { row: number; type: string }[]; problems?: undefined }
  | { problems: FormProblem[]; definition?: undefined; ignoredRows?: undefined };

/**
 * Converts an XLSForm. Supported: text (multiline → long text), integer, decimal, date,
 * select_one/select_multiple with a choices list, note, file, image, begin_group/end_group (a
 * top-level group is a section; nested groups pass their condition to their questions),
 * begin_repeat/end_repeat, labels and hints in Ukrainian and English (`label::Ukrainian (uk)`,
 * `label::English (en)`, or a plain `label`), `required`, `relevant` and simple `constraint`s with
 * `constraint_message`. Metadata rows (start, end, today, deviceid, …) are skipped. Everything else
 * is a problem naming its row.
 */
export function xlsFormToDefinition(form: XlsForm, options: XlsFormOptions = {}): XlsFormResult {
  const problems: FormProblem[] = [];
  const surveyColumns = new Columns(headersOf(form.survey));
  const choiceColumns = new Columns(headersOf(form.choices));
  const settingsColumns = new Columns(headersOf(form.settings ?? []));
  if (form.survey.length === 0) {
    return {
      problems: [
        {
          path: 'survey',
          code: 'missing_sheet',
          message: { uk: 'Аркуш survey порожній або відсутній', en: 'The survey sheet is empty or missing' },
          sheet: 'survey',
        },
      ],
    };
  }
  for (const column of ['type', 'name']) {
    if (!surveyColumns.hasPlain(column)) {
      problems.push({
        path: `survey.${column}`,
        code: 'missing_column',
        message: {
          uk: `На аркуші survey немає стовпця «${column}»`,
          en: `The survey sheet has no "${column}" column`,
        },
        sheet: 'survey',
        row: 1,
      });
    }
  }
  if (problems.length) return { problems };

  // Choice lists.
  const lists = choiceLists(form.choices, choiceColumns, problems);

  // Names first, so that conditions may refer to any question (order is checked afterwards).
  const names = new Map<string, string>();
  for (const r of form.survey) {
    const xlsName = surveyColumns.cell(r.cells, 'name');
    if (xlsName) names.set(xlsName, questionNameOf(xlsName));
  }
  const resolve = (xlsName: string) => names.get(xlsName) ?? questionNameOf(xlsName);

  const sections: FormSection[] = [];
  const rowOfPath = new Map<string, number>();
  const ignoredRows: { row: number; type: string }[] = [];
  const stack: Frame[] = [];
  let section: FormSection | null = null;
  let implicitCount = 0;
  let sawPlainCyrillic = false;
  let sawPlainLatin = false;

  const sectionPath = () => `sections.${sections.length - 1}`;
  const pathOf = (target: Question[]): string => {
    // The path of a question about to be appended to `target`.
    const walk = (questions: Question[], prefix: string): string | null => {
      if (questions === target) return `${prefix}.${questions.length}`;
      for (let j = 0; j < questions.length; j++) {
        const inner = questions[j]!.repeat?.questions;
        if (inner) {
          const found = walk(inner, `${prefix}.${j}.repeat.questions`);
          if (found) return found;
        }
      }
      return null;
    };
    return walk(section!.questions, `${sectionPath()}.questions`) ?? `${sectionPath()}.questions`;
  };

  const condition = (r: SheetRow, column: string): Condition | undefined => {
    const text = surveyColumns.cell(r.cells, column);
    if (!text) return undefined;
    try {
      return parseRelevant(text, resolve);
    } catch (e) {
      const reason = e instanceof ExpressionError ? e.message : 'not understood';
      problems.push(
        problemAt(
          'survey',
          r.row,
          column,
          'unsupported_expression',
          `умову «${text}» не вдалося перекласти (${reason})`,
          `the condition "${text}" cannot be translated (${reason})`,
        ),
      );
      return undefined;
    }
  };

  const currentTarget = (): Question[] => {
    const top = stack.at(-1);
    if (top) return top.target;
    if (!section) {
      implicitCount++;
      section = { id: `section_${implicitCount}`, title: { uk: '', en: '' }, questions: [] };
      sections.push(section);
    }
    return section.questions;
  };

  /** Conditions of the groups open since the innermost repeat (or the section). */
  const groupConditions = (): Condition[] => {
    const out: Condition[] = [];
    for (let k = stack.length - 1; k >= 0 && stack[k]!.kind === 'group'; k--)
      out.unshift(...stack[k]!.conditions);
    return out;
  };

  const label = (r: SheetRow) => surveyColumns.text(r.cells, 'label');

  for (const r of form.survey) {
    const rawType = surveyColumns.cell(r.cells, 'type').trim();
    const type = rawType.replace(/\s+/g, ' ').toLowerCase();
    const xlsName = surveyColumns.cell(r.cells, 'name');
    if (!type) continue;
    const plainLabel = surveyColumns.cell(r.cells, 'label');
    if (plainLabel) {
      if (cyrillic.test(plainLabel)) sawPlainCyrillic = true;
      else sawPlainLatin = true;
    }
    if (metadataTypes.has(type)) {
      ignoredRows.push({ row: r.row, type });
      continue;
    }
    if (type === 'begin_group' || type === 'begin group') {
      const relevant = condition(r, 'relevant');
      if (stack.length === 0) {
        section = {
          id: questionNameOf(xlsName || `section_${sections.length + 1}`),
          title: label(r) ?? { uk: '', en: '' },
          ...(relevant ? { showIf: relevant } : {}),
          questions: [],
        };
        sections.push(section);
        rowOfPath.set(sectionPath(), r.row);
        stack.push({ kind: 'group', row: r.row, conditions: [], target: section.questions });
      } else {
        stack.push({
          kind: 'group',
          row: r.row,
          conditions: relevant ? [relevant] : [],
          target: currentTarget(),
        });
      }
      continue;
    }
    if (type === 'end_group' || type === 'end group' || type === 'end_repeat' || type === 'end repeat') {
      const kind = type.startsWith('end_group') || type === 'end group' ? 'group' : 'repeat';
      const top = stack.pop();
      if (!top || top.kind !== kind) {
        problems.push(
          problemAt(
            'survey',
            r.row,
            'type',
            'unbalanced_group',
            `«${rawType}» не закриває відкриту групу`,
            `"${rawType}" does not close an open group`,
          ),
        );
        if (top) stack.push(top);
        continue;
      }
      if (stack.length === 0) section = null;
      continue;
    }
    if (!xlsName) {
      problems.push(
        problemAt('survey', r.row, 'name', 'missing_column', 'немає назви (name)', 'the name is missing'),
      );
      continue;
    }
    const name = resolve(xlsName);
    const own = condition(r, 'relevant');
    const target = currentTarget();
    const path = pathOf(target);
    const showIf = combine([...groupConditions(), own]);
    const base: Question = {
      name,
      type: 'text',
      label: label(r) ?? { uk: '', en: '' },
      ...(surveyColumns.text(r.cells, 'hint') ? { hint: surveyColumns.text(r.cells, 'hint') } : {}),
      ...(truthy.test(surveyColumns.cell(r.cells, 'required').trim()) ? { required: true } : {}),
      ...(showIf ? { showIf } : {}),
    };
    if (type === 'begin_repeat' || type === 'begin repeat') {
      const question: Question = { ...base, type: 'repeat', repeat: { questions: [] } };
      const count = Number(surveyColumns.cell(r.cells, 'repeat_count'));
      if (Number.isInteger(count) && count >= 1 && count <= 500) {
        question.repeat = { questions: [], minItems: count, maxItems: count };
      }
      delete question.required;
      target.push(question);
      rowOfPath.set(path, r.row);
      stack.push({ kind: 'repeat', row: r.row, conditions: [], target: question.repeat!.questions });
      continue;
    }
    const question = rowQuestion(r, rawType, type, base, surveyColumns, lists, problems);
    if (!question) continue;
    target.push(question);
    rowOfPath.set(path, r.row);
  }
  for (const open of stack) {
    problems.push(
      problemAt(
        'survey',
        open.row,
        'type',
        'unbalanced_group',
        'групу не закрито',
        'the group is never closed',
      ),
    );
  }

  const languages: FormLanguage[] = [
    ...new Set([...surveyColumns.languagesOf('label'), ...choiceColumns.languagesOf('label')]),
  ].sort((a, b) => (a === 'uk' ? -1 : b === 'uk' ? 1 : 0));
  if (surveyColumns.hasPlain('label')) {
    if (sawPlainCyrillic && !languages.includes('uk')) languages.unshift('uk');
    if (sawPlainLatin && !sawPlainCyrillic && !languages.includes('en')) languages.push('en');
  }
  if (languages.length === 0) languages.push('uk');

  const settingsRow = form.settings?.[0];
  const fallback = options.fallbackTitle ?? 'Form';
  const title = (settingsRow && settingsColumns.text(settingsRow.cells, 'form_title')) ?? {
    uk: fallback,
    en: fallback,
  };
  if (sections.length === 0) sections.push({ id: 'section_1', title: { uk: '', en: '' }, questions: [] });
  if (problems.length) return { problems: problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };

  const definition: FormDefinition = { languages, title, sections };
  const found = checkDefinition(definition);
  if (found.length) {
    return {
      problems: found.map((p) => {
        let path = p.path;
        while (path && !rowOfPath.has(path))
          path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
        const row = rowOfPath.get(path);
        if (row === undefined) return p;
        return {
          ...p,
          sheet: 'survey',
          row,
          message: {
            uk: `Аркуш survey, рядок ${row}: ${p.message.uk}`,
            en: `Sheet survey, row ${row}: ${p.message.en}`,
          },
        };
      }),
    };
  }
  return { definition, ignoredRows };
}
