import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { ReviewSheet, RubricCriterion } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { RefusalAlert, useBilingual } from './GrantsBits.tsx';
import { type ScoreDraft, scoreInputs, scoreProblems, scoresFrom } from './reviewScores.ts';
import { reviewKeys, reviewsApi } from './reviewsApi.ts';

function ScaleInput({
  criterion,
  value,
  disabled,
  error,
  onChange,
}: {
  criterion: RubricCriterion;
  value: string;
  disabled: boolean;
  error: string | undefined;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  const { min, max } = criterion.scale;
  const label = t('grants.review.score', { min, max });
  if (max - min <= 10) {
    return (
      <NativeSelect
        label={label}
        required
        disabled={disabled}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        data={[
          { value: '', label: t('grants.review.chooseScore') },
          ...Array.from({ length: max - min + 1 }, (_, i) => String(min + i)),
        ]}
        error={error}
      />
    );
  }
  return (
    <TextInput
      label={label}
      required
      inputMode="numeric"
      disabled={disabled}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

/** Scores per criterion with a comment each, saved as a draft or submitted; the others' scores once submitted. */
export function Scoring({ sheet }: { sheet: ReviewSheet }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const format = usePeopleFormat();
  const queryClient = useQueryClient();
  const [scores, setScores] = useState<Record<string, ScoreDraft>>(() => scoresFrom(sheet));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const statusRef = useRef<HTMLDivElement>(null);
  const done = sheet.status === 'submitted';
  const criteria = sheet.rubric.criteria;
  const keep = (saved: ReviewSheet) =>
    queryClient.setQueryData(reviewKeys.sheet(sheet.application.id), saved);
  const save = useMutation({
    mutationFn: () => reviewsApi.save(sheet.application.id, scoreInputs(criteria, scores)),
    onSuccess: keep,
  });
  const submit = useMutation({
    mutationFn: async () => {
      await reviewsApi.save(sheet.application.id, scoreInputs(criteria, scores));
      return reviewsApi.submit(sheet.application.id);
    },
    onSuccess: (saved) => {
      keep(saved);
      void queryClient.invalidateQueries({ queryKey: ['grants', 'my-reviews'] });
      window.setTimeout(() => statusRef.current?.focus(), 0);
    },
  });
  const check = (final: boolean) => {
    const found = scoreProblems(criteria, scores, final);
    setProblems(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, t(v as 'forms.required')])));
    return Object.keys(found).length === 0;
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (check(true)) submit.mutate();
  };
  const set = (key: string, patch: Partial<ScoreDraft>) =>
    setScores((s) => ({ ...s, [key]: { ...(s[key] ?? { score: '', comment: '' }), ...patch } }));
  const total = (n: number | null) =>
    n === null
      ? t('common.none')
      : new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 }).format(n);

  return (
    <Stack gap="md">
      <div ref={statusRef} tabIndex={-1}>
        {done && (
          <Alert color="#1b6e31" variant="outline" role="status" title={t('grants.review.submittedTitle')}>
            {t('grants.review.submittedBody', {
              total: total(sheet.weightedTotal),
              time: format.dateTime(sheet.submittedAt),
            })}
          </Alert>
        )}
      </div>
      <form onSubmit={onSubmit} noValidate aria-labelledby="scores-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="scores-heading">
            {t('grants.review.scoresHeading')}
          </Title>
          {criteria.map((k) => (
            <Paper withBorder p="sm" component="fieldset" key={k.key}>
              <legend>
                <Text fw={600} component="span">
                  {t('grants.review.criterion', { label: text(k.label), weight: k.weight })}
                </Text>
              </legend>
              <Stack gap="xs">
                {k.description && <Text size="sm">{text(k.description)}</Text>}
                <ScaleInput
                  criterion={k}
                  value={scores[k.key]?.score ?? ''}
                  disabled={done}
                  error={problems[`${k.key}.score`]}
                  onChange={(v) => set(k.key, { score: v })}
                />
                <Textarea
                  label={t('grants.review.comment')}
                  description={t('grants.review.commentHint')}
                  required
                  autosize
                  minRows={2}
                  readOnly={done}
                  value={scores[k.key]?.comment ?? ''}
                  onChange={(e) => set(k.key, { comment: e.currentTarget.value })}
                  error={problems[`${k.key}.comment`]}
                />
              </Stack>
            </Paper>
          ))}
          {!done && (
            <Group gap="sm">
              <Button
                variant="default"
                loading={save.isPending}
                onClick={() => {
                  if (check(false)) save.mutate();
                }}
              >
                {t('grants.review.saveDraft')}
              </Button>
              <Button type="submit" loading={submit.isPending}>
                {t('grants.review.submit')}
              </Button>
            </Group>
          )}
          {!done && <Text size="sm">{t('grants.review.independent')}</Text>}
          <Text size="sm" role="status">
            {save.isSuccess && !done ? t('grants.review.saved') : ''}
          </Text>
          {(save.isError || submit.isError) && <RefusalAlert error={save.error ?? submit.error} />}
        </Stack>
      </form>
      {sheet.others !== null && (
        <section aria-labelledby="others-heading">
          <Title order={2} size="h3" id="others-heading" mb="xs">
            {t('grants.review.othersHeading')}
          </Title>
          {sheet.others.length === 0 ? (
            <Text>{t('grants.review.noOthers')}</Text>
          ) : (
            <TableScroll label={t('grants.review.othersCaption')}>
              <Table striped captionSide="top">
                <Table.Caption>{t('grants.review.othersCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('grants.reviewers.reviewer')}</Table.Th>
                    {criteria.map((k) => (
                      <Table.Th scope="col" key={k.key}>
                        {text(k.label)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col">{t('grants.reviewers.total')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sheet.others.map((o) => (
                    <Table.Tr key={o.reviewer}>
                      <Table.Th scope="row" fw={400}>
                        {t('grants.review.reviewerN', { n: o.reviewer })}
                      </Table.Th>
                      {criteria.map((k) => {
                        const s = o.scores.find((x) => x.criterion === k.key);
                        return (
                          <Table.Td key={k.key}>
                            {s ? s.score : t('common.none')}
                            {s?.comment ? <Text size="xs">{s.comment}</Text> : null}
                          </Table.Td>
                        );
                      })}
                      <Table.Td>{total(o.weightedTotal)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </section>
      )}
    </Stack>
  );
}
