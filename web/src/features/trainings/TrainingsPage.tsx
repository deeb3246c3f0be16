import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import { TableScroll } from '../people/TableScroll.tsx';
import { StatusBadge, useDateRange, useText } from './TrainingBits.tsx';
import { eventsQuery } from './trainingsApi.ts';

/** Trainings, latest first, with how many applied and were selected. */
export function TrainingsPage() {
  const { t } = useTranslation();
  const text = useText();
  const range = useDateRange();
  const { data: session } = useSession();
  const events = useQuery(eventsQuery());

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('trainings.title')}</PageTitle>
        <Text maw={760}>{t('trainings.intro')}</Text>
      </div>
      <Group>
        {mayOpen('trainings.manage', session) && (
          <Button component={Link} to="/trainings/new">
            {t('trainings.create')}
          </Button>
        )}
        {mayOpen('trainings.reach.read', session) && (
          <Anchor component={Link} to="/trainings/reach">
            {t('trainings.reach.projectLink')}
          </Anchor>
        )}
      </Group>
      {events.isError ? (
        <ApiErrorAlert error={events.error} onRetry={() => void events.refetch()} />
      ) : events.isPending ? (
        <Loading />
      ) : events.data.items.length === 0 ? (
        <Text>{t('trainings.empty')}</Text>
      ) : (
        <TableScroll label={t('trainings.tableCaption')}>
          <Table striped highlightOnHover captionSide="top" verticalSpacing="sm">
            <Table.Caption ta="start" fw={600}>
              {t('trainings.tableCaption')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('trainings.fields.title')}</Table.Th>
                <Table.Th scope="col">{t('trainings.fields.dates')}</Table.Th>
                <Table.Th scope="col">{t('trainings.fields.status')}</Table.Th>
                <Table.Th scope="col">{t('trainings.fields.projectCode')}</Table.Th>
                <Table.Th scope="col">{t('trainings.applicantsCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {events.data.items.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Th scope="row" fw={400}>
                    <Anchor component={Link} to={`/trainings/${e.id}`}>
                      {text(e.title)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{range(e.startsOn, e.endsOn)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={e.status} />
                  </Table.Td>
                  <Table.Td>{e.projectCode}</Table.Td>
                  <Table.Td>
                    {t('trainings.selectedOf', {
                      selected: e.counts.selected,
                      applied: e.counts.applied,
                      capacity: e.capacity,
                    })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
