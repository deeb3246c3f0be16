import { Alert, Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { TrainingEvent } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import { TableScroll } from '../people/TableScroll.tsx';
import { Refusal, ToneBadge, useHours } from './TrainingBits.tsx';
import { certificatePdfUrl, participantsQuery, trainingsApi, trainingsKeys } from './trainingsApi.ts';

/** Participants with their attendance and completion; certificates for those who completed. */
export function ParticipantsTab({ event }: { event: TrainingEvent }) {
  const { t } = useTranslation();
  const hours = useHours();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const participants = useQuery(participantsQuery(event.id));
  const issue = useMutation({
    mutationFn: () => trainingsApi.issueCertificates(event.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trainingsKeys.event(event.id) }),
  });
  if (participants.isError) return <ApiErrorAlert error={participants.error} />;
  if (participants.isPending) return <Loading />;
  const items = participants.data.items;
  const completed = items.filter((p) => p.completed).length;
  return (
    <Stack gap="md">
      <Text>
        {t('trainings.participants.summary', {
          n: items.length,
          completed,
          percent: event.completion.minAttendancePercent,
        })}
      </Text>
      {mayOpen('trainings.manage', session) && (
        <Group>
          <Button onClick={() => issue.mutate()} loading={issue.isPending} disabled={completed === 0}>
            {t('trainings.participants.issue')}
          </Button>
        </Group>
      )}
      {issue.isError && <Refusal error={issue.error} />}
      {issue.isSuccess && (
        <Alert color="#1b6e31" variant="outline" role="status">
          {t('trainings.participants.issued', {
            issued: issue.data.issued.length,
            already: issue.data.alreadyIssued,
            notCompleted: issue.data.notCompleted,
          })}
        </Alert>
      )}
      <TableScroll label={t('trainings.participants.caption')}>
        <Table striped captionSide="top" verticalSpacing="xs">
          <Table.Caption ta="start" fw={600}>
            {t('trainings.participants.caption')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainings.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('trainings.participants.attended')}</Table.Th>
              <Table.Th scope="col">{t('trainings.participants.hours')}</Table.Th>
              <Table.Th scope="col">{t('trainings.participants.completion')}</Table.Th>
              <Table.Th scope="col">{t('trainings.participants.certificate')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => {
              const name = [p.familyName, p.givenName].join(' ');
              return (
                <Table.Tr key={p.applicationId}>
                  <Table.Th scope="row" fw={400}>
                    {name}
                  </Table.Th>
                  <Table.Td>{`${p.attended} / ${p.sessions}`}</Table.Td>
                  <Table.Td>{hours(p.minutesAttended)}</Table.Td>
                  <Table.Td>
                    <ToneBadge tone={p.completed ? 'green' : 'grey'}>
                      {p.completed
                        ? t('trainings.participants.completed')
                        : t('trainings.participants.notCompleted')}
                    </ToneBadge>
                  </Table.Td>
                  <Table.Td>
                    {p.certificate ? (
                      <Group gap="xs" wrap="nowrap">
                        <Text
                          size="sm"
                          ff="monospace"
                          td={p.certificate.revoked ? 'line-through' : undefined}
                        >
                          {p.certificate.code}
                        </Text>
                        <Anchor
                          href={certificatePdfUrl(p.certificate.id)}
                          size="sm"
                          aria-label={t('trainings.participants.downloadFor', { name })}
                        >
                          {t('trainings.participants.download')}
                        </Anchor>
                      </Group>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}
