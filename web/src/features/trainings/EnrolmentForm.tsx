import {
  Checkbox,
  Fieldset,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { FormDefinition, FormProblem, Question } from '@oselia/contracts';
import { isVisible } from '@oselia/forms';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import { oblastListQuery } from '../people/peopleApi.ts';
import { usePlaceName } from '../places/usePlaceName.ts';
import { useText } from './TrainingBits.tsx';

export type Answers = Record<string, unknown>;

/**
 * Problems the server found with an application, keyed by question name: the form's own (in the
 * reader's language) and the registry's (`answers.<question>`, in English).
 */
export function problemsByQuestion(error: unknown, language: 'uk' | 'en') {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  const details = error.details as
    | { problems?: FormProblem[]; fields?: { field: string; message: string }[] }
    | undefined;
  for (const p of details?.problems ?? []) out[p.path.split('.')[0]!] ??= p.message[language] || p.message.en;
  for (const f of details?.fields ?? [])
    if (f.field.startsWith('answers.')) out[f.field.split('.')[1]!] ??= f.message;
  return out;
}

function Field({
  q,
  value,
  onChange,
  error,
}: {
  q: Question;
  value: unknown;
  onChange: (v: unknown) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  const text = useText();
  const placeName = usePlaceName();
  const oblasts = useQuery({ ...oblastListQuery(), enabled: q.type === 'place' });
  const common = {
    label: text(q.label),
    description: q.hint ? text(q.hint) : undefined,
    required: q.required ?? false,
    error,
  };
  const str = typeof value === 'string' ? value : '';
  switch (q.type) {
    case 'text':
      return (
        <TextInput
          {...common}
          value={str}
          onChange={(e) => onChange(e.currentTarget.value)}
          type={q.name === 'email' ? 'email' : q.name === 'phone' ? 'tel' : 'text'}
          autoComplete={
            (
              {
                family_name: 'family-name',
                given_name: 'given-name',
                email: 'email',
                phone: 'tel',
              } as Record<string, string>
            )[q.name] ?? 'off'
          }
        />
      );
    case 'long_text':
      return (
        <Textarea
          {...common}
          value={str}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={3}
        />
      );
    case 'date':
      return (
        <TextInput {...common} type="date" value={str} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(v === '' ? null : Number(v))}
        />
      );
    case 'choice':
      return (q.choices?.length ?? 0) <= 6 ? (
        <Radio.Group {...common} value={str} onChange={onChange}>
          <Stack gap={8} mt={6}>
            {(q.choices ?? []).map((c) => (
              <Radio key={c.value} value={c.value} label={text(c.label)} size="md" />
            ))}
          </Stack>
        </Radio.Group>
      ) : (
        <NativeSelect
          {...common}
          value={str}
          onChange={(e) => onChange(e.currentTarget.value)}
          data={[
            { value: '', label: '—' },
            ...(q.choices ?? []).map((c) => ({ value: c.value, label: text(c.label) })),
          ]}
        />
      );
    case 'multi_choice':
      return (
        <Checkbox.Group
          {...common}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={onChange}
        >
          <Stack gap={8} mt={6}>
            {(q.choices ?? []).map((c) => (
              <Checkbox key={c.value} value={c.value} label={text(c.label)} size="md" />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'place':
      return (
        <NativeSelect
          {...common}
          value={str}
          onChange={(e) => onChange(e.currentTarget.value)}
          data={[
            { value: '', label: '—' },
            ...(oblasts.data ?? [])
              .map((o) => ({ value: o.pcode, label: placeName(o) }))
              .sort((a, b) => a.label.localeCompare(b.label)),
          ]}
        />
      );
    case 'note':
      return <Text size="sm">{text(q.label)}</Text>;
    default:
      return (
        <Text size="sm" c="dimmed">
          {text(q.label)}: {t('trainings.enrol.unsupported')}
        </Text>
      );
  }
}

/** A form definition rendered field by field; questions and sections appear as their conditions hold. */
export function EnrolmentForm({
  definition,
  answers,
  onChange,
  problems,
}: {
  definition: FormDefinition;
  answers: Answers;
  onChange: (answers: Answers) => void;
  problems: Record<string, string>;
}) {
  const text = useText();
  const answersForConditions = answers as Parameters<typeof isVisible>[1];
  return (
    <Stack gap="md">
      {definition.sections
        .filter((s) => isVisible(s.showIf, answersForConditions))
        .map((s) => (
          <Fieldset key={s.id} legend={text(s.title)}>
            <Stack gap="sm">
              {s.description && <Text size="sm">{text(s.description)}</Text>}
              {s.questions
                .filter((q) => isVisible(q.showIf, answersForConditions))
                .map((q) => (
                  <Field
                    key={q.name}
                    q={q}
                    value={answers[q.name]}
                    onChange={(v) => onChange({ ...answers, [q.name]: v })}
                    error={problems[q.name]}
                  />
                ))}
            </Stack>
          </Fieldset>
        ))}
    </Stack>
  );
}
