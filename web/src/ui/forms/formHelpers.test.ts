import { describe, expect, it } from 'vitest';
import {
  acceptAttribute,
  addItem,
  fileKindOf,
  formatBytes,
  formLanguageFor,
  itemsOf,
  numberText,
  pickText,
  problemsByPath,
  problemsOfRefusal,
  questionAt,
  removeItem,
  setAnswer,
  setItemAnswer,
} from './formHelpers.ts';

describe('form renderer helpers', () => {
  it('shows a form in the language asked for only when the form offers it', () => {
    expect(formLanguageFor({ languages: ['uk', 'en'] }, 'en')).toBe('en');
    expect(formLanguageFor({ languages: ['uk'] }, 'en')).toBe('uk');
    expect(formLanguageFor({ languages: ['en'] }, 'uk')).toBe('en');
  });

  it('falls back to the other language for an empty text', () => {
    expect(pickText({ uk: 'Назва', en: 'Name' }, 'en')).toBe('Name');
    expect(pickText({ uk: 'Назва', en: ' ' }, 'en')).toBe('Назва');
    expect(pickText(undefined, 'uk')).toBe('');
  });

  it('groups problems by path', () => {
    const m = { uk: 'x', en: 'x' };
    const byPath = problemsByPath([
      { path: 'a', code: 'required', message: m },
      { path: 'r.0.b', code: 'min', message: m },
      { path: 'a', code: 'pattern', message: m },
    ]);
    expect(byPath.get('a')?.map((p) => p.code)).toEqual(['required', 'pattern']);
    expect(byPath.get('r.0.b')).toHaveLength(1);
    expect(problemsByPath(undefined).size).toBe(0);
  });

  it('sets and clears answers without touching the original', () => {
    const start = { a: 'x' };
    const next = setAnswer(start, 'b', 'y');
    expect(next).toEqual({ a: 'x', b: 'y' });
    expect(start).toEqual({ a: 'x' });
    expect(setAnswer(next, 'a', '')).toEqual({ b: 'y' });
    expect(setAnswer(next, 'b', [])).toEqual({ a: 'x' });
    expect(setAnswer(next, 'b', undefined)).toEqual({ a: 'x' });
    expect(setAnswer(next, 'n', 0)).toEqual({ a: 'x', b: 'y', n: 0 });
  });

  it('adds, edits and removes repeat items', () => {
    let answers = addItem({}, 'members');
    answers = addItem(answers, 'members');
    answers = setItemAnswer(answers, 'members', 1, 'name', 'Оля');
    expect(itemsOf(answers, 'members')).toEqual([{}, { name: 'Оля' }]);
    answers = removeItem(answers, 'members', 0);
    expect(answers).toEqual({ members: [{ name: 'Оля' }] });
    expect(removeItem(answers, 'members', 0)).toEqual({});
    expect(itemsOf({ members: 'nonsense' }, 'members')).toEqual([]);
  });

  it('describes files: accept attribute, kind by type or name, size', () => {
    expect(acceptAttribute(['pdf', 'png'])).toBe('.pdf,application/pdf,.png,image/png');
    expect(fileKindOf({ name: 'scan.JPG', type: '' })).toBe('jpeg');
    expect(fileKindOf({ name: 'noname', type: 'application/pdf' })).toBe('pdf');
    expect(fileKindOf({ name: 'table.xlsx', type: 'application/vnd.ms-excel' })).toBeNull();
    expect(formatBytes(820, 'en')).toBe('820 B');
    expect(formatBytes(5 * 1024 * 1024, 'en')).toBe('5 MB');
    expect(formatBytes(1536, 'uk')).toBe('1,5 КБ');
  });

  it('shows a number answer as typed until it is a number', () => {
    expect(numberText(12.5)).toBe('12.5');
    expect(numberText('12,')).toBe('12,');
    expect(numberText(undefined)).toBe('');
  });

  it('finds the question an answer path is about, inside repeat groups too', () => {
    const label = { uk: 'П', en: 'Q' };
    const definition = {
      languages: ['uk' as const],
      title: label,
      sections: [
        {
          id: 's',
          title: label,
          questions: [
            { name: 'a', type: 'text' as const, label },
            {
              name: 'r',
              type: 'repeat' as const,
              label,
              repeat: { questions: [{ name: 'b', type: 'text' as const, label: { uk: 'Б', en: 'B' } }] },
            },
          ],
        },
      ],
    };
    expect(questionAt(definition, 'a')?.name).toBe('a');
    expect(questionAt(definition, 'r.2.b')?.label.en).toBe('B');
    expect(questionAt(definition, 'r')?.type).toBe('repeat');
    expect(questionAt(definition, 'zzz')).toBeUndefined();
  });
});

describe('problemsOfRefusal', () => {
  it("keeps the form's own problems and turns answer field messages into problems at their question", () => {
    const own = {
      path: 'email',
      code: 'required',
      message: { uk: 'Потрібна відповідь', en: 'An answer is needed' },
    };
    expect(
      problemsOfRefusal({
        problems: [own, { path: 'x', code: 'not-a-code', message: {} }],
        fields: [
          { field: 'answers.birth_date', message: 'birth date is in the future' },
          { field: 'language', message: 'not about an answer' },
        ],
      }),
    ).toEqual([
      own,
      {
        path: 'birth_date',
        code: 'invalid_type',
        message: { uk: 'birth date is in the future', en: 'birth date is in the future' },
      },
    ]);
  });

  it('answers nothing for a refusal without details', () => {
    expect(problemsOfRefusal(undefined)).toEqual([]);
    expect(problemsOfRefusal('oops')).toEqual([]);
  });
});
