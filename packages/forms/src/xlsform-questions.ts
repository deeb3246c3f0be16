import type { FormProblem, FormText, Question } from '@oselia/contracts';
import { ExpressionError, parseConstraint } from './expression.ts';
import { type Columns, fileSettings, parameters, problemAt, type SheetRow } from './xlsform-sheets.ts';

/** The questions of XLSForm survey rows by their type, and the choice lists they draw on. */

/** Choice lists of the choices sheet, by list name. */
export type ChoiceLists = Map<string, { value: string; label: FormText; row: number }[]>;

/** Reads the choices sheet; a row with a list name but no value (or the reverse) is a problem. */
export function choiceLists(
  rows: readonly SheetRow[],
  choiceColumns: Columns,
  problems: FormProblem[],
): ChoiceLists {
  const lists: ChoiceLists = new Map();
  for (const r of rows) {
    const list = choiceColumns.cell(r.cells, 'list_name') || choiceColumns.cell(r.cells, 'list name');
    const value = choiceColumns.cell(r.cells, 'name');
    if (!list && !value) continue;
    const label = choiceColumns.text(r.cells, 'label') ?? { uk: value, en: value };
    if (!list || !value) {
      problems.push(
        problemAt(
          'choices',
          r.row,
          '',
          'missing_column',
          'потрібні list_name і name',
          'list_name and name are needed',
        ),
      );
      continue;
    }
    const entries = lists.get(list) ?? [];
    entries.push({ value, label, row: r.row });
    lists.set(list, entries);
  }
  return lists;
}

/**
 * The question of a survey row that is neither a group nor a repeat, built on `base` (name, label,
 * hint, required, condition), with its constraint; null, with a problem, when the type is not
 * supported or its choice list is missing.
 */
export function rowQuestion(
  r: SheetRow,
  rawType: string,
  type: string,
  base: Question,
  surveyColumns: Columns,
  lists: ChoiceLists,
  problems: FormProblem[],
): Question | null {
  const [head, listName] = type.split(' ');
  let question: Question | null = null;
  const appearance = surveyColumns.cell(r.cells, 'appearance').toLowerCase();
  switch (head) {
    case 'text':
      question = { ...base, type: appearance.includes('multiline') ? 'long_text' : 'text' };
      break;
    case 'integer':
      question = { ...base, type: 'number', validation: { integer: true } };
      break;
    case 'decimal':
      question = { ...base, type: 'number' };
      break;
    case 'date':
      question = { ...base, type: 'date' };
      break;
    case 'note':
      question = { ...base, type: 'note' };
      delete question.required;
      break;
    case 'file':
    case 'image':
      question = {
        ...base,
        type: 'file',
        file: fileSettings(
          head,
          surveyColumns.cell(r.cells, 'body::accept'),
          parameters(surveyColumns.cell(r.cells, 'parameters')),
        ),
      };
      break;
    case 'select_one':
    case 'select_multiple': {
      const listKey = rawType.trim().split(/\s+/)[1];
      const list = listKey ? lists.get(listKey) : undefined;
      if (!listName || !list) {
        problems.push(
          problemAt(
            'survey',
            r.row,
            'type',
            'missing_choices',
            `немає списку варіантів «${listKey ?? ''}» на аркуші choices`,
            `there is no choice list "${listKey ?? ''}" on the choices sheet`,
          ),
        );
        return null;
      }
      question = {
        ...base,
        type: head === 'select_one' ? 'choice' : 'multi_choice',
        choices: list.map(({ value, label: l }) => ({ value, label: l })),
      };
      break;
    }
    default:
      problems.push(
        problemAt(
          'survey',
          r.row,
          'type',
          'unknown_type',
          `тип питання «${rawType}» не підтримується`,
          `the question type "${rawType}" is not supported`,
        ),
      );
      return null;
  }
  const constraint = surveyColumns.cell(r.cells, 'constraint');
  if (constraint) {
    try {
      const v = parseConstraint(constraint);
      const message = surveyColumns.text(r.cells, 'constraint_message');
      question.validation = { ...question.validation, ...v, ...(message ? { message } : {}) };
    } catch (e) {
      const reason = e instanceof ExpressionError ? e.message : 'not understood';
      problems.push(
        problemAt(
          'survey',
          r.row,
          'constraint',
          'unsupported_expression',
          `обмеження «${constraint}» не вдалося перекласти (${reason})`,
          `the constraint "${constraint}" cannot be translated (${reason})`,
        ),
      );
    }
  }
  return question;
}
