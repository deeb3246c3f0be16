import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { CallDashboard } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { ChartBox, type ChartOption } from './ChartBox.tsx';
import { FUNNEL_STAGES, shareOf } from './dashboard.ts';
import { useBilingual, useOblastName } from './GrantsBits.tsx';
import { callQuery, dashboardQuery } from './grantsApi.ts';

function BreakdownTable({
  caption,
  firstColumn,
  rows,
  currency,
}: {
  caption: string;
  firstColumn: string;
  rows: {
    key: string;
    label: string;
    applied: number;
    eligible: number;
    approved: number;
    committedMinor: number;
    paidMinor: number;
  }[];
  currency: string;
}) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  if (rows.length === 0) return <Text size="sm">{t('grants.dashboard.noData')}</Text>;
  const num = { textAlign: 'end' as const, whiteSpace: 'nowrap' as const };
  return (
    <TableScroll label={caption}>
      <Table striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{firstColumn}</Table.Th>
            <Table.Th scope="col" style={num}>
              {t('grants.dashboard.stages.applied')}
            </Table.Th>
            <Table.Th scope="col" style={num}>
              {t('grants.dashboard.stages.eligible')}
            </Table.Th>
            <Table.Th scope="col" style={num}>
              {t('grants.dashboard.stages.approved')}
            </Table.Th>
            <Table.Th scope="col" style={num}>
              {t('grants.dashboard.committed')}
            </Table.Th>
            <Table.Th scope="col" style={num}>
              {t('grants.dashboard.paid')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={400}>
                {r.label}
              </Table.Th>
              <Table.Td style={num}>{format.number(r.applied)}</Table.Td>
              <Table.Td style={num}>{format.number(r.eligible)}</Table.Td>
              <Table.Td style={num}>{format.number(r.approved)}</Table.Td>
              <Table.Td style={num}>{format.money(r.committedMinor, currency)}</Table.Td>
              <Table.Td style={num}>{format.money(r.paidMinor, currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function Figures({ d }: { d: CallDashboard }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const oblastName = useOblastName();
  const stages = useMemo(
    () =>
      FUNNEL_STAGES.map((s) => ({
        stage: s,
        label: t(`grants.dashboard.stages.${s}`),
        count: d.funnel[s],
      })),
    [d.funnel, t],
  );
  const funnelOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          left: '5%',
          width: '90%',
          minSize: '8%',
          label: { show: true, position: 'inside', formatter: '{b}: {c}' },
          data: stages.map((s) => ({ name: s.label, value: s.count })),
        },
      ],
    }),
    [stages],
  );
  const oblastRows = d.byOblast.map((r) => ({
    ...r,
    key: r.oblastPcode ?? 'none',
    label: r.oblastPcode ? oblastName(r.oblastPcode) : t('grants.dashboard.unknownOblast'),
  }));
  const groupRows = useMemo(
    () => d.byGroup.map((r) => ({ ...r, key: r.group, label: t(`grants.groups.${r.group}`) })),
    [d.byGroup, t],
  );
  const groupOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
      xAxis: { type: 'category', data: groupRows.map((r) => r.label), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: (['applied', 'eligible', 'approved'] as const).map((k) => ({
        type: 'bar',
        name: t(`grants.dashboard.stages.${k}`),
        data: groupRows.map((r) => r[k]),
      })),
    }),
    [groupRows, t],
  );

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" component="section" aria-labelledby="funnel-heading">
        <Title order={2} size="h3" id="funnel-heading" mb="xs">
          {t('grants.dashboard.funnel')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <ChartBox option={funnelOption} height={300} />
          <TableScroll label={t('grants.dashboard.funnelCaption')}>
            <Table striped captionSide="top">
              <Table.Caption>{t('grants.dashboard.funnelCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('grants.dashboard.stage')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'end' }}>
                    {t('grants.dashboard.count')}
                  </Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'end' }}>
                    {t('grants.dashboard.shareOfApplied')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stages.map((s) => (
                  <Table.Tr key={s.stage}>
                    <Table.Th scope="row" fw={400}>
                      {s.label}
                    </Table.Th>
                    <Table.Td style={{ textAlign: 'end' }}>{format.number(s.count)}</Table.Td>
                    <Table.Td style={{ textAlign: 'end' }}>{shareOf(s.count, d.funnel.applied)} %</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="money-heading">
        <Title order={2} size="h3" id="money-heading" mb="xs">
          {t('grants.dashboard.money')}
        </Title>
        <DefinitionList
          items={[
            { term: t('grants.call.budget'), description: format.money(d.money.budgetMinor, d.currency) },
            {
              term: t('grants.dashboard.committed'),
              description: format.money(d.money.committedMinor, d.currency),
            },
            { term: t('grants.dashboard.paid'), description: format.money(d.money.paidMinor, d.currency) },
          ]}
        />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="by-oblast-heading">
        <Title order={2} size="h3" id="by-oblast-heading" mb="xs">
          {t('grants.dashboard.byOblast')}
        </Title>
        <BreakdownTable
          caption={t('grants.dashboard.byOblastCaption')}
          firstColumn={t('grants.applications.oblast')}
          rows={oblastRows}
          currency={d.currency}
        />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="by-group-heading">
        <Title order={2} size="h3" id="by-group-heading" mb="xs">
          {t('grants.dashboard.byGroup')}
        </Title>
        <Text size="sm" mb="xs">
          {t('grants.dashboard.byGroupHint')}
        </Text>
        {groupRows.length > 0 && <ChartBox option={groupOption} height={260} />}
        <BreakdownTable
          caption={t('grants.dashboard.byGroupCaption')}
          firstColumn={t('grants.dashboard.group')}
          rows={groupRows}
          currency={d.currency}
        />
      </Paper>
    </Stack>
  );
}

/** The call dashboard: the funnel, money committed and paid, by oblast and by applicant group. */
export function DashboardPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const text = useBilingual();
  const call = useQuery(callQuery(id));
  const dashboard = useQuery(dashboardQuery(id));
  const title = call.data
    ? t('grants.dashboard.titleOf', { title: text(call.data.title) })
    : t('grants.dashboard.title');
  return (
    <Stack gap="md" maw={1200}>
      <Breadcrumbs
        label={t('grants.breadcrumbs')}
        items={[
          { label: t('grants.calls.title'), to: '/grants/calls' },
          ...(call.data ? [{ label: text(call.data.title), to: `/grants/calls/${id}` }] : []),
          { label: t('grants.dashboard.title') },
        ]}
      />
      <PageTitle>{title}</PageTitle>
      {dashboard.isPending ? (
        <Loading />
      ) : dashboard.isError ? (
        <ApiErrorAlert
          error={dashboard.error}
          notFoundText={t('grants.callNotFound')}
          onRetry={() => void dashboard.refetch()}
        />
      ) : (
        <Figures d={dashboard.data} />
      )}
    </Stack>
  );
}
