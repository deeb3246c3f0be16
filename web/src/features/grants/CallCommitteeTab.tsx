import { Anchor, Button, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { GrantCall } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { today } from './dates.ts';
import { RefusalAlert, ToneBadge } from './GrantsBits.tsx';
import { grantsApi, grantsKeys, sessionsQuery } from './grantsApi.ts';

export const linesOf = (text: string) =>
  text
    .split(/\n|,/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Committee sessions of a call, and a new one. */
export function CallCommitteeTab({ call }: { call: GrantCall }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sessions = useQuery(sessionsQuery(call.id));
  const [heldOn, setHeldOn] = useState(today);
  const [attendees, setAttendees] = useState('');
  const [minutes, setMinutes] = useState('');
  const create = useMutation({
    mutationFn: () => grantsApi.createSession(call.id, { heldOn, minutes, attendees: linesOf(attendees) }),
    onSuccess: (session) => {
      void queryClient.invalidateQueries({ queryKey: grantsKeys.sessions(call.id) });
      void navigate(`/grants/committee/${session.id}`);
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Stack gap="md">
      {sessions.isPending ? (
        <Loading />
      ) : sessions.isError ? (
        <ApiErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.items.length === 0 ? (
        <Text>{t('grants.committee.none')}</Text>
      ) : (
        <TableScroll label={t('grants.committee.caption')}>
          <Table striped captionSide="top">
            <Table.Caption>{t('grants.committee.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('grants.committee.heldOn')}</Table.Th>
                <Table.Th scope="col">{t('grants.committee.status')}</Table.Th>
                <Table.Th scope="col">{t('grants.committee.attendees')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/grants/committee/${s.id}`}>
                      {t('grants.committee.sessionOf', { date: format.date(s.heldOn) })}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <ToneBadge tone={s.status === 'open' ? 'blue' : 'gray'}>
                      {t(`grants.committee.sessionStatus.${s.status}`)}
                    </ToneBadge>
                  </Table.Td>
                  <Table.Td>{s.attendees.join(', ') || t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      <Paper withBorder p="md" component="section" aria-labelledby="new-session-heading">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <Title order={2} size="h4" id="new-session-heading">
              {t('grants.committee.newHeading')}
            </Title>
            <TextInput
              label={t('grants.committee.heldOn')}
              type="date"
              required
              value={heldOn}
              onChange={(e) => setHeldOn(e.currentTarget.value)}
            />
            <Textarea
              label={t('grants.committee.attendees')}
              description={t('grants.committee.attendeesHint')}
              autosize
              minRows={2}
              value={attendees}
              onChange={(e) => setAttendees(e.currentTarget.value)}
            />
            <Textarea
              label={t('grants.committee.minutes')}
              autosize
              minRows={3}
              value={minutes}
              onChange={(e) => setMinutes(e.currentTarget.value)}
            />
            <div>
              <Button type="submit" loading={create.isPending}>
                {t('grants.committee.create')}
              </Button>
            </div>
            {create.isError && <RefusalAlert error={create.error} />}
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
