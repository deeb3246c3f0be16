import { Alert, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import type { AttendanceSheet } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { Refusal, useText } from './TrainingBits.tsx';
import { sheetQuery, trainingsApi, trainingsKeys } from './trainingsApi.ts';

/** One session's list: tap each name (big targets), save once; saving again changes nothing. */
function Sheet({ eventId, sheet }: { eventId: string; sheet: AttendanceSheet }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [present, setPresent] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(sheet.entries.map((e) => [e.applicationId, e.present ?? false])),
  );
  const save = useMutation({
    mutationFn: () =>
      trainingsApi.recordAttendance(
        eventId,
        sheet.session.id,
        sheet.entries.map((e) => ({
          applicationId: e.applicationId,
          present: present[e.applicationId] ?? false,
        })),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(trainingsKeys.sheet(eventId, sheet.session.id), saved);
      void queryClient.invalidateQueries({ queryKey: trainingsKeys.of(eventId, 'participants') });
    },
  });
  const count = Object.values(present).filter(Boolean).length;
  if (sheet.entries.length === 0) return <Text>{t('trainings.attendance.noParticipants')}</Text>;
  return (
    <Stack gap="sm" maw={640}>
      <Group justify="space-between" wrap="wrap">
        <Text role="status" aria-live="polite" fw={600}>
          {t('trainings.attendance.count', { present: count, total: sheet.entries.length })}
        </Text>
        <Group gap="xs">
          <Button
            variant="light"
            onClick={() => setPresent(Object.fromEntries(sheet.entries.map((e) => [e.applicationId, true])))}
          >
            {t('trainings.attendance.allPresent')}
          </Button>
          <Button variant="subtle" onClick={() => setPresent({})}>
            {t('trainings.attendance.clear')}
          </Button>
        </Group>
      </Group>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {sheet.entries.map((e) => {
          const name = [e.familyName, e.givenName, e.patronymic].filter(Boolean).join(' ');
          return (
            <Paper component="li" withBorder key={e.applicationId} p={0}>
              <Checkbox
                size="lg"
                p="md"
                label={name}
                checked={present[e.applicationId] ?? false}
                onChange={(ev) => {
                  const checked = ev.currentTarget.checked;
                  setPresent((p) => ({ ...p, [e.applicationId]: checked }));
                }}
                styles={{ body: { alignItems: 'center' }, labelWrapper: { flex: 1 } }}
              />
            </Paper>
          );
        })}
      </Stack>
      {save.isError && <Refusal error={save.error} />}
      {save.isSuccess && (
        <Alert color="#1b6e31" variant="outline" role="status">
          {t('trainings.attendance.saved', { present: count })}
        </Alert>
      )}
      <Group>
        <Button size="lg" onClick={() => save.mutate()} loading={save.isPending}>
          {t('trainings.attendance.save')}
        </Button>
        {sheet.recordedAt && (
          <Text size="sm" c="dimmed">
            {t('trainings.attendance.lastSaved', { time: format.dateTime(sheet.recordedAt) })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}

export function AttendancePage() {
  const { t } = useTranslation();
  const text = useText();
  const format = usePeopleFormat();
  const { id = '', sessionId = '' } = useParams();
  const sheet = useQuery(sheetQuery(id, sessionId));
  if (sheet.isError) return <ApiErrorAlert error={sheet.error} />;
  if (sheet.isPending) return <Loading />;
  const s = sheet.data;
  const title = t('trainings.attendance.title', {
    n: s.session.seq,
    total: s.sessionCount,
    date: format.date(s.session.date),
  });
  return (
    <Stack gap="md">
      <Breadcrumbs
        label={t('trainings.breadcrumbs')}
        items={[
          { label: t('trainings.title'), to: '/trainings' },
          { label: text(s.event.title), to: `/trainings/${id}?tab=attendance` },
          { label: title },
        ]}
      />
      <PageTitle>{title}</PageTitle>
      <Sheet key={s.session.id} eventId={id} sheet={s} />
    </Stack>
  );
}
