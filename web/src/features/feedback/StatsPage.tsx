import { Anchor, Box, Group, Stack, Table, Text } from '@mantine/core';
import type { FeedbackStats } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import { TableScroll } from '../people/TableScroll.tsx';
import { statsQuery } from './feedbackApi.ts';

/** Counts by topic, open and closed, and the median days to close: a table, and bars beside it. */
export function StatsPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const stats = useQuery(statsQuery());
  return (
    <Stack gap="lg">
      <div>
        {mayOpen('feedback.read', session) && (
          <Anchor component={Link} to="/feedback">
            {t('feedback.item.back')}
          </Anchor>
        )}
        <PageTitle>{t('feedback.stats.title')}</PageTitle>
        <Text maw={760}>{t('feedback.stats.intro')}</Text>
      </div>
      {mayOpen('feedback.designate', session) && (
        <Anchor component={Link} to="/feedback/handlers">
          {t('feedback.handlersLink')}
        </Anchor>
      )}
      {stats.isError ? (
        <ApiErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />
      ) : stats.isPending ? (
        <Loading />
      ) : (
        <>
          <StatsTable stats={stats.data} />
          <StatsBars stats={stats.data} />
        </>
      )}
    </Stack>
  );
}

function StatsTable({ stats }: { stats: FeedbackStats }) {
  const { t } = useTranslation();
  const format = useFormat();
  const median = (m: number | null) => (m === null ? t('feedback.stats.noMedian') : format.number(m));
  const sum = (k: 'open' | 'overdue' | 'closed') => stats.byCategory.reduce((n, c) => n + c[k], 0);
  return (
    <TableScroll label={t('feedback.stats.caption')}>
      <Table striped captionSide="top" verticalSpacing="sm">
        <Table.Caption ta="start" fw={600}>
          {t('feedback.stats.caption')}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('feedback.stats.category')}</Table.Th>
            {(['total', 'open', 'overdue', 'closed', 'median'] as const).map((k) => (
              <Table.Th scope="col" ta="end" key={k}>
                {t(`feedback.stats.${k}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stats.byCategory.map((c) => (
            <Table.Tr key={c.category}>
              <Table.Th scope="row" fw={400}>
                {t(`feedback.categories.${c.category}`)}
              </Table.Th>
              <Table.Td ta="end">{format.number(c.total)}</Table.Td>
              <Table.Td ta="end">{format.number(c.open)}</Table.Td>
              <Table.Td ta="end">{format.number(c.overdue)}</Table.Td>
              <Table.Td ta="end">{format.number(c.closed)}</Table.Td>
              <Table.Td ta="end">{median(c.medianDaysToClose)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Th scope="row">{t('feedback.stats.all')}</Table.Th>
            <Table.Td ta="end">{format.number(stats.total)}</Table.Td>
            <Table.Td ta="end">{format.number(sum('open'))}</Table.Td>
            <Table.Td ta="end">{format.number(sum('overdue'))}</Table.Td>
            <Table.Td ta="end">{format.number(sum('closed'))}</Table.Td>
            <Table.Td ta="end">{median(stats.medianDaysToClose)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableScroll>
  );
}

/**
 * Open and closed side by side for each topic, as plain bars (no chart library for four rows).
 * Hidden from screen readers: the table above says the same.
 */
function StatsBars({ stats }: { stats: FeedbackStats }) {
  const { t } = useTranslation();
  const format = useFormat();
  const max = Math.max(1, ...stats.byCategory.map((c) => c.total));
  return (
    <Stack gap="xs" maw={640} aria-hidden>
      <Text size="sm" c="dimmed">
        {t('feedback.stats.chartLabel')}
      </Text>
      <Group gap="md">
        <Legend colour="var(--mantine-color-blue-7)" label={t('feedback.stats.open')} />
        <Legend colour="var(--mantine-color-gray-5)" label={t('feedback.stats.closed')} />
      </Group>
      {stats.byCategory.map((c) => (
        <Group key={c.category} gap="sm" wrap="nowrap">
          <Text size="sm" w="8rem">
            {t(`feedback.categories.${c.category}`)}
          </Text>
          <Box style={{ flex: 1, display: 'flex', height: 18 }}>
            <Box style={{ width: `${(c.open / max) * 100}%`, background: 'var(--mantine-color-blue-7)' }} />
            <Box style={{ width: `${(c.closed / max) * 100}%`, background: 'var(--mantine-color-gray-5)' }} />
          </Box>
          <Text size="sm" w="5rem" ta="end">
            {format.number(c.open)} / {format.number(c.closed)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function Legend({ colour, label }: { colour: string; label: string }) {
  return (
    <Group gap={6}>
      <Box w={14} h={14} style={{ background: colour }} />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
