import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { SelectionBasis, SelectionResult, TrainingApplicant, TrainingEvent } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import { TableScroll } from '../people/TableScroll.tsx';
import { Refusal, type TONES, ToneBadge, useText } from './TrainingBits.tsx';
import { applicantsQuery, trainingsApi, trainingsKeys } from './trainingsApi.ts';

const STATUS_TONES: Record<TrainingApplicant['status'], keyof typeof TONES> = {
  applied: 'grey',
  selected: 'green',
  waitlisted: 'amber',
  not_selected: 'dark',
  declined: 'red',
  withdrawn: 'red',
};

/** Why an applicant is where they are, in words. */
export function useBasisText(event: TrainingEvent) {
  const { t } = useTranslation();
  const text = useText();
  const quota = (code: string) => {
    const q = event.quotas.find((x) => x.code === code);
    return q ? text(q.label) : code;
  };
  return (b: SelectionBasis | null) => {
    if (!b) return '';
    switch (b.kind) {
      case 'quota':
        return t('trainings.basis.quota', { quota: quota(b.quota) });
      case 'open':
        return t('trainings.basis.open');
      case 'unused_quota':
        return t('trainings.basis.unusedQuota', { quota: quota(b.quota) });
      case 'waitlist':
        return t('trainings.basis.waitlist', { n: b.position });
      case 'not_eligible':
        return t(`trainings.basis.${b.reason}`);
    }
  };
}

function Outcome({ event, result }: { event: TrainingEvent; result: SelectionResult }) {
  const { t } = useTranslation();
  const text = useText();
  return (
    <Alert color="#1b6e31" variant="outline" role="status" title={t('trainings.selection.doneTitle')}>
      <Text size="sm">
        {t('trainings.selection.done', {
          selected: result.selected,
          capacity: result.capacity,
          waitlisted: result.waitlisted,
          notEligible: result.notEligible,
        })}
      </Text>
      {result.quotas.map((q) => {
        const quota = event.quotas.find((x) => x.code === q.code);
        return (
          <Text size="sm" key={q.code}>
            {t('trainings.selection.quotaLine', {
              quota: quota ? text(quota.label) : q.code,
              filled: q.filled,
              seats: q.seats,
              candidates: q.candidates,
            })}
          </Text>
        );
      })}
      <Text size="sm">{t('trainings.selection.openSeats', { n: result.openSeats })}</Text>
    </Alert>
  );
}

/** Applicants in order of application; the selection and the waiting list, explained. */
export function ApplicantsTab({ event }: { event: TrainingEvent }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const manage = mayOpen('trainings.manage', session);
  const applicants = useQuery(applicantsQuery(event.id));
  const basis = useBasisText(event);
  const [result, setResult] = useState<SelectionResult | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trainingsKeys.event(event.id) });
  const select = useMutation({
    mutationFn: () => trainingsApi.select(event.id),
    onSuccess: (r) => {
      setResult(r);
      refresh();
    },
  });
  const decline = useMutation({
    mutationFn: (a: TrainingApplicant) => trainingsApi.decline(a.id, a.version, null),
    onSuccess: refresh,
  });

  if (applicants.isError) return <ApiErrorAlert error={applicants.error} />;
  if (applicants.isPending) return <Loading />;
  const items = applicants.data.items;
  const selected = items.filter((a) => a.status === 'selected').length;
  return (
    <Stack gap="md">
      <Text>
        {t('trainings.selection.summary', { applied: items.length, selected, capacity: event.capacity })}
      </Text>
      {manage && (
        <Group>
          <Button onClick={() => select.mutate()} loading={select.isPending} disabled={items.length === 0}>
            {t('trainings.selection.run')}
          </Button>
          <Text size="sm" c="dimmed" maw={560}>
            {t('trainings.selection.hint')}
          </Text>
        </Group>
      )}
      {select.isError && <Refusal error={select.error} />}
      {result && <Outcome event={event} result={result} />}
      {decline.isError && <Refusal error={decline.error} />}
      {items.length === 0 ? (
        <Text>{t('trainings.selection.none')}</Text>
      ) : (
        <TableScroll label={t('trainings.selection.caption')}>
          <Table striped captionSide="top" verticalSpacing="xs">
            <Table.Caption ta="start" fw={600}>
              {t('trainings.selection.caption')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">№</Table.Th>
                <Table.Th scope="col">{t('trainings.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('trainings.columns.group')}</Table.Th>
                <Table.Th scope="col">{t('trainings.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('trainings.columns.why')}</Table.Th>
                {manage && <Table.Th scope="col">{t('trainings.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => {
                const name = [a.familyName, a.givenName].join(' ');
                return (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.rank}</Table.Td>
                    <Table.Th scope="row" fw={400}>
                      {name}
                      <Text size="xs" c="dimmed">
                        {a.referenceCode}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      {a.populationGroup ? t(`trainings.groups.${a.populationGroup}`) : '—'}
                    </Table.Td>
                    <Table.Td>
                      <ToneBadge tone={STATUS_TONES[a.status]}>
                        {t(`trainings.applicationStatuses.${a.status}`)}
                      </ToneBadge>
                    </Table.Td>
                    <Table.Td>{basis(a.basis)}</Table.Td>
                    {manage && (
                      <Table.Td>
                        {(a.status === 'selected' || a.status === 'waitlisted') && (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            onClick={() => decline.mutate(a)}
                            loading={decline.isPending && decline.variables?.id === a.id}
                            aria-label={t('trainings.selection.declineFor', { name })}
                          >
                            {t('trainings.selection.decline')}
                          </Button>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
