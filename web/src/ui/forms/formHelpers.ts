import type {
  Answers,
  AnswerValue,
  FileKind,
  FormDefinition,
  FormLanguage,
  FormProblem,
  FormText,
  Question,
} from '@oselia/contracts';
import { formProblemSchema } from '@oselia/contracts';

/** Pure helpers of the form renderer (kept apart so they can be tested without a browser). */

/** The language a form is shown in: the one asked for if the form offers it, else its first. */
export function formLanguageFor(definition: Pick<FormDefinition, 'languages'>, wanted: string): FormLanguage {
  const offered = definition.languages;
  return offered.includes(wanted as FormLanguage) ? (wanted as FormLanguage) : (offered[0] ?? 'uk');
}

/** A text in a language, falling back to the other language when it is empty there. */
export function pickText(text: FormText | undefined, language: FormLanguage): string {
  if (!text) return '';
  const other: FormLanguage = language === 'uk' ? 'en' : 'uk';
  return text[language].trim() !== '' ? text[language] : text[other];
}

/** Problems by the path they are about (`name`, or `repeat.0.name` inside a repeat group). */
export function problemsByPath(problems: readonly FormProblem[] | undefined): Map<string, FormProblem[]> {
  const byPath = new Map<string, FormProblem[]>();
  for (const p of problems ?? []) {
    const list = byPath.get(p.path) ?? [];
    list.push(p);
    byPath.set(p.path, list);
  }
  return byPath;
}

const isEmpty = (value: AnswerValue | undefined) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value === '') ||
  (Array.isArray(value) && value.length === 0);

/** The answers with one answer set, or removed when it is empty (a new object: answers stay immutable). */
export function setAnswer(answers: Answers, name: string, value: AnswerValue | undefined): Answers {
  const next: Answers = { ...answers };
  if (isEmpty(value)) delete next[name];
  else next[name] = value as AnswerValue;
  return next;
}

/** The items of a repeat group's answer (an empty list when there is none or it is not a list). */
export function itemsOf(answers: Answers, name: string): Answers[] {
  const value = answers[name];
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is Answers => typeof v === 'object' && v !== null && !Array.isArray(v));
}

export function setItemAnswer(
  answers: Answers,
  repeat: string,
  index: number,
  name: string,
  value: AnswerValue | undefined,
): Answers {
  const items = itemsOf(answers, repeat).map((item, i) =>
    i === index ? setAnswer(item, name, value) : item,
  );
  return { ...answers, [repeat]: items };
}

export function addItem(answers: Answers, repeat: string): Answers {
  return { ...answers, [repeat]: [...itemsOf(answers, repeat), {}] };
}

export function removeItem(answers: Answers, repeat: string, index: number): Answers {
  return setAnswer(
    answers,
    repeat,
    itemsOf(answers, repeat).filter((_, i) => i !== index),
  );
}

const MIME: Record<FileKind, string[]> = {
  pdf: ['.pdf', 'application/pdf'],
  jpeg: ['.jpg', '.jpeg', 'image/jpeg'],
  png: ['.png', 'image/png'],
};

/** The `accept` attribute of a file input for the kinds a question takes. */
export function acceptAttribute(kinds: readonly FileKind[]): string {
  return kinds.flatMap((k) => MIME[k]).join(',');
}

/** The kind of a chosen file by its type or name (the server checks the content again). */
export function fileKindOf(file: { name: string; type: string }): FileKind | null {
  const type = file.type.toLowerCase();
  const name = file.name.toLowerCase();
  for (const [kind, marks] of Object.entries(MIME) as [FileKind, string[]][]) {
    if (marks.some((m) => (m.startsWith('.') ? name.endsWith(m) : type === m))) return kind;
  }
  return null;
}

/** A size for people: "820 B", "1.5 MB" / "1,5 МБ". */
export function formatBytes(bytes: number, language: FormLanguage): string {
  const units = language === 'uk' ? ['Б', 'КБ', 'МБ', 'ГБ'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const number = new Intl.NumberFormat(language === 'uk' ? 'uk-UA' : 'en-GB', {
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
  return `${number} ${units[unit]}`;
}

/** The text a number answer shows: the number, or what was typed when it is not a number yet. */
export function numberText(value: AnswerValue | undefined): string {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : '';
}

/** The question an answer path is about (`name`, or `repeat.<i>.name`), if the form has it. */
export function questionAt(definition: FormDefinition, path: string): Question | undefined {
  const parts = path.split('.').filter((part) => !/^\d+$/.test(part));
  let questions: readonly Question[] = definition.sections.flatMap((s) => s.questions);
  let found: Question | undefined;
  for (const name of parts) {
    found = questions.find((q) => q.name === name);
    if (!found) return undefined;
    questions = found.repeat?.questions ?? [];
  }
  return found;
}

/** The entries of a list that are form problems (a server's `details.problems`); others dropped. */
export function parseFormProblems(list: readonly unknown[]): FormProblem[] {
  return list.flatMap((p) => {
    const parsed = formProblemSchema.safeParse(p);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The problems of a refused submission that belong to the form's questions: the form's own
 * (`details.problems`, in both languages) and those the server's edge or registry rules found in an
 * answer (`details.fields` with `answers.<question>`, one message shown in either language).
 */
export function problemsOfRefusal(details: unknown): FormProblem[] {
  const d = (details ?? {}) as { problems?: unknown; fields?: unknown };
  const own = parseFormProblems(Array.isArray(d.problems) ? d.problems : []);
  const fromFields = (Array.isArray(d.fields) ? d.fields : []).flatMap(
    (f: { field?: unknown; message?: unknown }) =>
      typeof f.field === 'string' && f.field.startsWith('answers.') && typeof f.message === 'string'
        ? [
            {
              path: f.field.slice('answers.'.length),
              code: 'invalid_type' as const,
              message: { uk: f.message, en: f.message },
            },
          ]
        : [],
  );
  return [...own, ...fromFields];
}
