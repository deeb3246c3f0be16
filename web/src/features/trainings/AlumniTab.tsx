import {
  Alert,
  Anchor,
  Button,
  CopyButton,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { TrainingEvent } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import { PlaceName } from '../people/PlacePicker.tsx';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { AwarenessSessionForm } from './AwarenessSessionForm.tsx';
import { Refusal } from './TrainingBits.tsx';
import { alumniQuery, awarenessQuery, trainingsApi, trainingsKeys } from './trainingsApi.ts';

/** The sessions this training's alumni ran: audiences as counts, facilitators by initials. */
function Sessions({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const sessions = useQuery(awarenessQuery(eventId));
  if (sessions.isError) return <ApiErrorAlert error={sessions.error} />;
  if (sessions.isPending) return <Loading />;
  if (sessions.data.items.length === 0) return <Text>{t('trainings.awareness.none')}</Text>;
  return (
    <TableScroll label={t('trainings.awareness.caption')}>
      <Table striped captionSide="top" verticalSpacing="xs">
        <Table.Caption ta="start" fw={600}>
          {t('trainings.awareness.caption')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('trainings.awareness.date')}</Table.Th>
            <Table.Th scope="col">{t('trainings.awareness.venue')}</Table.Th>
            <Table.Th scope="col">{t('trainings.awareness.topic')}</Table.Th>
            <Table.Th scope="col">{t('trainings.awareness.facilitator')}</Table.Th>
            <Table.Th scope="col">{t('trainings.awareness.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.data.items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{format.date(s.date)}</Table.Td>
              <Table.Th scope="row" fw={400}>
                {s.venue}
                <Text size="xs" c="dimmed">
                  <PlaceName pcode={s.placePcode} />
                </Text>
              </Table.Th>
              <Table.Td>{t(`trainings.topics.${s.topic}`)}</Table.Td>
              <Table.Td>
                {s.facilitator.kind === 'alumnus' ? s.facilitator.initials : s.facilitator.name}
              </Table.Td>
              <Table.Td>{s.total}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

/** Alumni: who completed, their own reporting link, and sessions staff record for them. */
export function AlumniTab({ event }: { event: TrainingEvent }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const alumni = useQuery(alumniQuery(event.id));
  const [alumnus, setAlumnus] = useState('');
  const record = useMutation({
    mutationFn: (body: Parameters<typeof trainingsApi.recordSession>[0]) => trainingsApi.recordSession(body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trainingsKeys.event(event.id) }),
  });
  if (alumni.isError) return <ApiErrorAlert error={alumni.error} />;
  if (alumni.isPending) return <Loading />;
  const items = alumni.data.items;
  const chosen = alumnus || items[0]?.applicationId || '';
  return (
    <Stack gap="md">
      <Text maw={760}>{t('trainings.alumni.intro')}</Text>
      {items.length === 0 ? (
        <Text>{t('trainings.alumni.none')}</Text>
      ) : (
        <TableScroll label={t('trainings.alumni.caption')}>
          <Table striped captionSide="top" verticalSpacing="xs">
            <Table.Caption ta="start" fw={600}>
              {t('trainings.alumni.caption')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainings.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('trainings.alumni.sessions')}</Table.Th>
                <Table.Th scope="col">{t('trainings.alumni.audience')}</Table.Th>
                <Table.Th scope="col">{t('trainings.alumni.grants')}</Table.Th>
                <Table.Th scope="col">{t('trainings.alumni.link')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => {
                const name = `${a.familyName} ${a.givenName}`;
                return (
                  <Table.Tr key={a.applicationId}>
                    <Table.Th scope="row" fw={400}>
                      {name}
                    </Table.Th>
                    <Table.Td>{a.awarenessSessions}</Table.Td>
                    <Table.Td>{a.audienceTotal}</Table.Td>
                    <Table.Td>{a.grantApplicationIds.length}</Table.Td>
                    <Table.Td>
                      {a.reportingLink ? (
                        <Group gap="xs" wrap="nowrap">
                          <Anchor
                            href={a.reportingLink}
                            size="sm"
                            aria-label={t('trainings.alumni.openLinkFor', { name })}
                          >
                            {t('trainings.alumni.openLink')}
                          </Anchor>
                          <CopyButton value={a.reportingLink}>
                            {({ copied, copy }) => (
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                onClick={copy}
                                aria-label={t('trainings.alumni.copyFor', { name })}
                              >
                                {copied ? t('trainings.alumni.copied') : t('trainings.alumni.copy')}
                              </Button>
                            )}
                          </CopyButton>
                        </Group>
                      ) : (
                        t('trainings.alumni.noLink')
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <Title order={2} size="h3">
        {t('trainings.awareness.heading')}
      </Title>
      <Sessions eventId={event.id} />
      {mayOpen('awareness.record', session) && items.length > 0 && (
        <>
          <Title order={3} size="h4">
            {t('trainings.awareness.recordForAlumnus')}
          </Title>
          <NativeSelect
            label={t('trainings.awareness.alumnus')}
            value={chosen}
            onChange={(e) => setAlumnus(e.currentTarget.value)}
            data={items.map((a) => ({ value: a.applicationId, label: `${a.familyName} ${a.givenName}` }))}
            maw={400}
          />
          <AwarenessSessionForm
            key={record.isSuccess ? record.data.id : 'new'}
            pending={record.isPending}
            submitLabel={t('trainings.awareness.save')}
            onSubmit={(body) => record.mutate({ ...body, alumnusApplicationId: chosen })}
          >
            {record.isError && <Refusal error={record.error} />}
            {record.isSuccess && (
              <Alert color="#1b6e31" variant="outline" role="status">
                {t('trainings.awareness.saved', { total: record.data.total })}
              </Alert>
            )}
          </AwarenessSessionForm>
        </>
      )}
    </Stack>
  );
}
