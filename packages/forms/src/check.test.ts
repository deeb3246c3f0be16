import type { FormDefinition, Question } from '@oselia/contracts';
import { describe, expect, it } from 'vitest';
import { checkDefinition } from './check.ts';
import { exampleGrantForm } from './examples.ts';

const label = { uk: 'Питання', en: 'Question' };
const yesNo = [
  { value: 'yes', label: { uk: 'Так', en: 'Yes' } },
  { value: 'no', label: { uk: 'Ні', en: 'No' } },
];
function form(...questions: Question[]): FormDefinition {
  return {
    languages: ['uk', 'en'],
    title: { uk: 'Ф', en: 'F' },
    sections: [{ id: 's', title: label, questions }],
  };
}
const codes = (d: FormDefinition) => checkDefinition(d).map((p) => `${p.path}:${p.code}`);

describe('checkDefinition', () => {
  it('accepts the example form', () => {
    expect(checkDefinition(exampleGrantForm)).toEqual([]);
  });

  it('finds names and section ids used twice', () => {
    const d = form({ name: 'a', type: 'text', label }, { name: 'a', type: 'number', label });
    d.sections.push({ id: 's', title: label, questions: [] });
    expect(codes(d)).toEqual([
      'sections.0.questions.1.name:duplicate_name',
      'sections.1.id:duplicate_section',
    ]);
  });

  it('finds unknown, later, self and out-of-scope references', () => {
    const d = form(
      { name: 'a', type: 'text', label, showIf: { question: 'b', op: 'answered' } },
      { name: 'b', type: 'text', label, showIf: { question: 'b', op: 'answered' } },
      { name: 'c', type: 'text', label, showIf: { question: 'nobody', op: 'answered' } },
      {
        name: 'r',
        type: 'repeat',
        label,
        repeat: {
          questions: [{ name: 'inner', type: 'text', label, showIf: { question: 'a', op: 'answered' } }],
        },
      },
      { name: 'd', type: 'text', label, showIf: { question: 'inner', op: 'answered' } },
    );
    expect(codes(d)).toEqual([
      'sections.0.questions.0.showIf:forward_reference',
      'sections.0.questions.1.showIf:self_reference',
      'sections.0.questions.2.showIf:unknown_question',
      'sections.0.questions.4.showIf:unknown_question',
    ]);
    expect(checkDefinition(d)[3]?.message.en).toMatch(/inside a repeat group/);
  });

  it('checks that comparisons fit the question', () => {
    const d = form(
      { name: 'yn', type: 'choice', label, choices: yesNo },
      { name: 't', type: 'text', label },
      { name: 'f', type: 'file', label },
      { name: 'x1', type: 'text', label, showIf: { question: 'yn', op: 'eq', value: 'maybe' } },
      { name: 'x2', type: 'text', label, showIf: { question: 't', op: 'gt', value: 3 } },
      { name: 'x3', type: 'text', label, showIf: { question: 'f', op: 'eq', value: 'a' } },
      { name: 'x4', type: 'text', label, showIf: { question: 't', op: 'eq' } },
      { name: 'x5', type: 'text', label, showIf: { question: 'yn', op: 'in', value: 'yes' } },
      {
        name: 'x6',
        type: 'text',
        label,
        showIf: {
          all: [
            { question: 'f', op: 'answered' },
            { question: 'yn', op: 'in', value: ['yes', 'no'] },
          ],
        },
      },
    );
    expect(codes(d)).toEqual([
      'sections.0.questions.3.showIf:unknown_choice',
      'sections.0.questions.4.showIf:not_comparable',
      'sections.0.questions.5.showIf:not_comparable',
      'sections.0.questions.6.showIf:missing_value',
      'sections.0.questions.7.showIf:missing_value',
    ]);
  });

  it('checks section conditions against earlier sections', () => {
    const d = form({ name: 'a', type: 'text', label });
    d.sections.unshift({
      id: 'first',
      title: label,
      showIf: { question: 'a', op: 'answered' },
      questions: [],
    });
    expect(codes(d)).toEqual(['sections.0.showIf:forward_reference']);
  });

  it('needs choices, repeat questions, texts in every language, sane ranges and patterns', () => {
    const d = form(
      { name: 'c', type: 'choice', label },
      {
        name: 'm',
        type: 'multi_choice',
        label,
        choices: [...yesNo, { value: 'yes', label: { uk: 'Так', en: '' } }],
      },
      { name: 'n', type: 'number', label: { uk: 'Число', en: ' ' }, validation: { min: 5, max: 1 } },
      { name: 't', type: 'text', label, validation: { pattern: '([a-z' } },
      { name: 'r', type: 'repeat', label },
    );
    expect(codes(d)).toEqual([
      'sections.0.questions.0.choices:missing_choices',
      'sections.0.questions.1.choices.2:duplicate_choice',
      'sections.0.questions.1.choices.2.label:missing_translation',
      'sections.0.questions.2.label:missing_translation',
      'sections.0.questions.2.validation:invalid_range',
      'sections.0.questions.3.validation.pattern:invalid_pattern',
      'sections.0.questions.4.repeat:missing_repeat',
    ]);
  });

  it('asks only for the languages the form offers', () => {
    const d: FormDefinition = {
      languages: ['uk'],
      title: { uk: 'Форма', en: '' },
      sections: [
        {
          id: 's',
          title: { uk: '', en: '' },
          questions: [{ name: 'a', type: 'text', label: { uk: 'А', en: '' } }],
        },
      ],
    };
    expect(codes(d)).toEqual([]);
    expect(codes({ ...d, languages: ['uk', 'en'] })).toEqual([
      'title:missing_translation',
      'sections.0.questions.0.label:missing_translation',
    ]);
  });

  it('reports input that does not fit the schema instead of throwing', () => {
    const bad = { languages: ['uk'], title: { uk: 'x' }, sections: [] } as unknown as FormDefinition;
    const problems = checkDefinition(bad);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.code === 'invalid_definition')).toBe(true);
    expect(problems.map((p) => p.path)).toContain('title.en');
  });
});
