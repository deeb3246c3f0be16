import { Stack, Text, Title } from '@mantine/core';
import type { FormDefinition, Question } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { useBilingual } from './GrantsBits.tsx';
import { formQuery } from './grantsApi.ts';

type Format = ReturnType<typeof usePeopleFormat>;

/** One answer as text: money formatted, choices by their labels, lists joined, files counted. */
export function answerText(
  value: unknown,
  question: Question | undefined,
  format: Format,
  label: (t: { uk: string; en: string }) => string,
  filesText: (n: number) => string,
): string {
  if (value === null || value === undefined || value === '') return '';
  const choice = (v: unknown) => {
    const c = question?.choices?.find((x) => x.value === v);
    return c ? label(c.label) : String(v);
  };
  if (question?.type === 'file' && Array.isArray(value)) return filesText(value.length);
  if (typeof value === 'object' && !Array.isArray(value)) {
    const m = value as { amountMinor?: unknown; currency?: unknown };
    if (typeof m.amountMinor === 'number' && typeof m.currency === 'string')
      return format.money(m.amountMinor, m.currency);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'object' && v !== null)) return JSON.stringify(value);
    return value.map(choice).join(', ');
  }
  if (question?.type === 'date' && typeof value === 'string') return format.date(value);
  if (question?.type === 'choice') return choice(value);
  return String(value);
}

function allQuestions(definition: FormDefinition | undefined): Question[] {
  return (definition?.sections ?? []).flatMap((s) => s.questions);
}

/** The answers to a call's own form, labelled by the pinned form where the reader may see it. */
export function AnswersList({
  answers,
  formRef,
  definition: given,
}: {
  answers: Record<string, unknown>;
  formRef?: { id: string; version: number } | null;
  definition?: FormDefinition | null;
}) {
  const { t } = useTranslation();
  const text = useBilingual();
  const format = usePeopleFormat();
  const form = useQuery({
    ...formQuery(formRef?.id ?? null, formRef?.version),
    enabled: !given && !!formRef,
  });
  const definition = given ?? form.data?.definition;
  const questions = allQuestions(definition ?? undefined);
  const names = Object.keys(answers);
  if (names.length === 0) return null;
  const ordered = [
    ...questions.filter((q) => names.includes(q.name)),
    ...names.filter((n) => !questions.some((q) => q.name === n)).map((n) => ({ name: n }) as Question),
  ];
  return (
    <section aria-labelledby="answers-heading">
      <Title order={2} size="h3" id="answers-heading" mb="xs">
        {t('grants.applicationPage.answers')}
      </Title>
      <Stack gap="xs">
        <DefinitionList
          items={ordered.map((q) => ({
            term: q.label ? text(q.label) : q.name,
            description:
              answerText(answers[q.name], q.type ? q : undefined, format, text, (n) =>
                t('grants.applicationPage.files', { n }),
              ) || t('common.none'),
          }))}
        />
        {!definition && formRef && (
          <Text size="xs" c="dimmed">
            {t('grants.applicationPage.answersByName')}
          </Text>
        )}
      </Stack>
    </section>
  );
}
