import { Button, Group, MultiSelect, Stack, Table, Text, Title } from '@mantine/core';
import type { GrantApplication } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { RefusalAlert, ToneBadge } from './GrantsBits.tsx';
import { grantsApi, grantsKeys, reviewersQuery, reviewsQuery } from './grantsApi.ts';

const ASSIGNMENT_COLOURS = {
  assigned: 'blue',
  recused: 'orange',
  submitted: 'green',
  withdrawn: 'gray',
} as const;

/** Who reviews an application: their conflict declarations, their scores once submitted, and how far they agree. */
export function ReviewersSection({
  application,
  canAssign,
}: {
  application: GrantApplication;
  canAssign: boolean;
}) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const queryClient = useQueryClient();
  const reviews = useQuery(reviewsQuery(application.id));
  const reviewers = useQuery({ ...reviewersQuery(), enabled: canAssign });
  const [chosen, setChosen] = useState<string[]>([]);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: grantsKeys.reviews(application.id) });
    void queryClient.invalidateQueries({ queryKey: ['grants', 'call', application.callId] });
  };
  const assign = useMutation({
    mutationFn: () => grantsApi.assignReviewers(application.id, chosen),
    onSuccess: (data) => {
      setChosen([]);
      queryClient.setQueryData(grantsKeys.reviews(application.id), data);
      refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: (assignmentId: string) => grantsApi.withdrawAssignment(assignmentId),
    onSuccess: (data) => {
      queryClient.setQueryData(grantsKeys.reviews(application.id), data);
      refresh();
    },
  });
  const score = (n: number | null) =>
    n === null
      ? t('common.none')
      : new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 }).format(n);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length > 0) assign.mutate();
  };

  return (
    <section aria-labelledby="reviewers-heading">
      <Title order={2} size="h3" id="reviewers-heading" mb="xs">
        {t('grants.reviewers.heading')}
      </Title>
      {reviews.isPending ? (
        <Loading />
      ) : reviews.isError ? (
        <ApiErrorAlert error={reviews.error} onRetry={() => void reviews.refetch()} />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {t('grants.reviewers.required', { n: reviews.data.required })}{' '}
            {reviews.data.agreement.count > 0 &&
              t('grants.reviewers.agreement', {
                mean: score(reviews.data.agreement.mean),
                spread: score(reviews.data.agreement.spread),
              })}
          </Text>
          {reviews.data.agreement.strongDisagreement && (
            <ToneBadge tone="red" w="fit-content">
              {t('grants.ranking.disagreement', { spread: score(reviews.data.agreement.spread) })}
            </ToneBadge>
          )}
          {reviews.data.assignments.length === 0 ? (
            <Text size="sm">{t('grants.reviewers.none')}</Text>
          ) : (
            <TableScroll label={t('grants.reviewers.caption')}>
              <Table striped captionSide="top">
                <Table.Caption>{t('grants.reviewers.caption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('grants.reviewers.reviewer')}</Table.Th>
                    <Table.Th scope="col">{t('grants.reviewers.status')}</Table.Th>
                    <Table.Th scope="col">{t('grants.reviewers.conflict')}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'end' }}>
                      {t('grants.reviewers.total')}
                    </Table.Th>
                    <Table.Th scope="col">{t('grants.reviewers.submittedAt')}</Table.Th>
                    {canAssign && <Table.Th scope="col">{t('grants.reviewers.actions')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {reviews.data.assignments.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{a.reviewer.name}</Table.Td>
                      <Table.Td>
                        <ToneBadge tone={ASSIGNMENT_COLOURS[a.status]}>
                          {t(`grants.reviewers.statuses.${a.status}`)}
                        </ToneBadge>
                      </Table.Td>
                      <Table.Td>
                        {t(`grants.reviewers.conflicts.${a.conflict}`)}
                        {a.conflictNote ? ` — ${a.conflictNote}` : ''}
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'end' }}>{score(a.weightedTotal)}</Table.Td>
                      <Table.Td>{format.dateTime(a.submittedAt) ?? t('common.none')}</Table.Td>
                      {canAssign && (
                        <Table.Td>
                          {a.status === 'assigned' && (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              color="red"
                              onClick={() => withdraw.mutate(a.id)}
                              loading={withdraw.isPending && withdraw.variables === a.id}
                            >
                              {t('grants.reviewers.withdraw', { name: a.reviewer.name })}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
          {withdraw.isError && <RefusalAlert error={withdraw.error} />}
        </Stack>
      )}
      {canAssign && (
        <form onSubmit={onSubmit} noValidate aria-labelledby="assign-heading">
          <Stack gap="xs" mt="sm">
            <Title order={3} size="h5" id="assign-heading">
              {t('grants.reviewers.assignHeading')}
            </Title>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <MultiSelect
                label={t('grants.reviewers.choose')}
                description={t('grants.reviewers.chooseHint')}
                data={(reviewers.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
                value={chosen}
                onChange={setChosen}
                searchable
                hidePickedOptions
                style={{ flex: '1 1 20rem' }}
                nothingFoundMessage={t('grants.reviewers.noReviewers')}
              />
              <Button type="submit" disabled={chosen.length === 0} loading={assign.isPending}>
                {t('grants.reviewers.assign')}
              </Button>
            </Group>
            {reviewers.isError && <RefusalAlert error={reviewers.error} />}
            {assign.isError && <RefusalAlert error={assign.error} />}
          </Stack>
        </form>
      )}
    </section>
  );
}
