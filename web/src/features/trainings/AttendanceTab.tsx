import { Button, SimpleGrid, Stack, Text } from '@mantine/core';
import type { TrainingEvent } from '@oselia/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { useHours } from './TrainingBits.tsx';

/** The sessions of a training, one big button each: open its list to mark who came. */
export function AttendanceTab({ event }: { event: TrainingEvent }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const hours = useHours();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Stack gap="sm">
      <Text maw={760}>
        {t('trainings.attendance.intro', { percent: event.completion.minAttendancePercent })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {event.sessions.map((s) => (
          <Button
            key={s.id}
            component={Link}
            to={`/trainings/${event.id}/sessions/${s.id}`}
            size="lg"
            variant={s.date <= today ? 'light' : 'default'}
            styles={{ inner: { justifyContent: 'flex-start' } }}
          >
            {t('trainings.attendance.sessionButton', {
              n: s.seq,
              date: format.date(s.date),
              hours: hours(s.minutes),
            })}
          </Button>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
