import {
  defaultFileSettings,
  type FormDefinition,
  type FormLanguage,
  type FormText,
  type Question,
} from '@oselia/contracts';
import { printCondition, printConstraint } from './expression.ts';
import { EN_COLUMN, type SheetRow, UK_COLUMN, type XlsForm } from './xlsform-sheets.ts';

const textColumns = (base: string, text: FormText | undefined, languages: readonly FormLanguage[]) => {
  const out: Record<string, string> = {};
  for (const lang of languages) out[`${base}::${lang === 'uk' ? UK_COLUMN : EN_COLUMN}`] = text?.[lang] ?? '';
  return out;
};

/**
 * A definition written as XLSForm sheets, for the types XLSForm has (text, long text, number, date,
 * choice, multi-choice, note, file, repeat). Money and place questions have no XLSForm type: they
 * are written as `text` with the type kept in `appearance` (`oselia-money`, `oselia-place`), which
 * KoboToolbox ignores and this converter does not read back.
 */
export function definitionToXlsForm(definition: FormDefinition): XlsForm {
  const langs = definition.languages;
  const survey: SheetRow[] = [];
  const choices: SheetRow[] = [];
  const push = (cells: Record<string, string>) => survey.push({ row: survey.length + 2, cells });
  const writeQuestions = (questions: readonly Question[]) => {
    for (const q of questions) {
      const common = {
        name: q.name,
        ...textColumns('label', q.label, langs),
        ...(q.hint ? textColumns('hint', q.hint, langs) : {}),
        ...(q.required ? { required: 'yes' } : {}),
        ...(q.showIf ? { relevant: printCondition(q.showIf) } : {}),
      };
      const { integer: _integer, message, ...bounds } = q.validation ?? {};
      const constraint = printConstraint(q.type === 'multi_choice' ? undefined : bounds);
      const checks = {
        ...(constraint ? { constraint } : {}),
        ...(constraint && message ? textColumns('constraint_message', message, langs) : {}),
      };
      switch (q.type) {
        case 'repeat': {
          const count: Record<string, string> =
            q.repeat?.minItems !== undefined && q.repeat.minItems === q.repeat.maxItems
              ? { repeat_count: String(q.repeat.minItems) }
              : {};
          push({ type: 'begin_repeat', ...common, ...count });
          writeQuestions(q.repeat?.questions ?? []);
          push({ type: 'end_repeat', name: q.name });
          break;
        }
        case 'choice':
        case 'multi_choice':
          push({
            type: `${q.type === 'choice' ? 'select_one' : 'select_multiple'} ${q.name}`,
            ...common,
            ...checks,
          });
          for (const c of q.choices ?? []) {
            choices.push({
              row: choices.length + 2,
              cells: { list_name: q.name, name: c.value, ...textColumns('label', c.label, langs) },
            });
          }
          break;
        case 'number':
          push({ type: q.validation?.integer ? 'integer' : 'decimal', ...common, ...checks });
          break;
        case 'long_text':
          push({ type: 'text', appearance: 'multiline', ...common, ...checks });
          break;
        case 'file': {
          const settings = q.file ?? defaultFileSettings;
          const image = settings.accept.length === 2 && !settings.accept.includes('pdf');
          const params = [
            settings.maxFiles !== defaultFileSettings.maxFiles ? `max-files=${settings.maxFiles}` : '',
            settings.maxBytes !== defaultFileSettings.maxBytes ? `max-size=${settings.maxBytes}` : '',
          ]
            .filter(Boolean)
            .join(' ');
          push({
            type: image ? 'image' : 'file',
            ...common,
            ...(image
              ? {}
              : { 'body::accept': settings.accept.map((k) => `.${k === 'jpeg' ? 'jpg' : k}`).join(',') }),
            ...(params ? { parameters: params } : {}),
          });
          break;
        }
        case 'money':
        case 'place':
          push({ type: 'text', appearance: `oselia-${q.type}`, ...common });
          break;
        default:
          push({ type: q.type, ...common, ...checks });
      }
    }
  };
  for (const section of definition.sections) {
    push({
      type: 'begin_group',
      name: section.id,
      ...textColumns('label', section.title, langs),
      ...(section.showIf ? { relevant: printCondition(section.showIf) } : {}),
    });
    writeQuestions(section.questions);
    push({ type: 'end_group', name: section.id });
  }
  return {
    survey,
    choices,
    settings: [{ row: 2, cells: { ...textColumns('form_title', definition.title, langs) } }],
  };
}
