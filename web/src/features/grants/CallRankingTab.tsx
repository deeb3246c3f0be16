import { Anchor, Stack, Table, Text } from '@mantine/core';
import type { GrantCall } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { ApplicationStatusBadge, ToneBadge, useOblastName } from './GrantsBits.tsx';
import { rankingQuery } from './grantsApi.ts';

/** Applications ranked by their mean weighted score; strong disagreement between reviewers flagged. */
export function CallRankingTab({ call }: { call: GrantCall }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const oblastName = useOblastName();
  const ranking = useQuery(rankingQuery(call.id));
  const score = (n: number | null) =>
    n === null
      ? t('common.none')
      : new Intl.NumberFormat(format.locale, { maximumFractionDigits: 1 }).format(n);

  if (ranking.isPending) return <Loading />;
  if (ranking.isError) return <ApiErrorAlert error={ranking.error} onRetry={() => void ranking.refetch()} />;
  const rows = ranking.data.items;
  return (
    <Stack gap="sm">
      <Text size="sm" maw={760}>
        {t('grants.ranking.intro', { threshold: ranking.data.threshold })}
      </Text>
      {rows.length === 0 ? (
        <Text>{t('grants.ranking.none')}</Text>
      ) : (
        <TableScroll label={t('grants.ranking.caption')}>
          <Table striped captionSide="top">
            <Table.Caption>{t('grants.ranking.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('grants.ranking.rank')}</Table.Th>
                <Table.Th scope="col">{t('grants.applications.reference')}</Table.Th>
                <Table.Th scope="col">{t('grants.applications.applicant')}</Table.Th>
                <Table.Th scope="col">{t('grants.applications.oblast')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'end' }}>
                  {t('grants.ranking.mean')}
                </Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'end' }}>
                  {t('grants.ranking.range')}
                </Table.Th>
                <Table.Th scope="col">{t('grants.ranking.agreement')}</Table.Th>
                <Table.Th scope="col">{t('grants.ranking.reviews')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'end' }}>
                  {t('grants.applications.requested')}
                </Table.Th>
                <Table.Th scope="col">{t('grants.applications.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.applicationId}>
                  <Table.Td>{r.rank ?? t('common.none')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/grants/applications/${r.applicationId}`}>
                      {r.referenceCode}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.organisationName ?? t('common.none')}</Table.Td>
                  <Table.Td>{oblastName(r.oblastPcode) || t('common.none')}</Table.Td>
                  <Table.Td style={{ textAlign: 'end' }}>{score(r.mean)}</Table.Td>
                  <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                    {r.min === null ? t('common.none') : `${score(r.min)}–${score(r.max)}`}
                  </Table.Td>
                  <Table.Td>
                    {r.strongDisagreement ? (
                      <ToneBadge tone="red">
                        {t('grants.ranking.disagreement', { spread: score(r.spread) })}
                      </ToneBadge>
                    ) : r.count > 1 ? (
                      t('grants.ranking.agree')
                    ) : (
                      t('common.none')
                    )}
                  </Table.Td>
                  <Table.Td>
                    {t('grants.ranking.reviewsOf', { done: r.reviewsSubmitted, required: r.reviewsRequired })}
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                    {format.money(r.requestedAmountMinor, ranking.data.currency) || t('common.none')}
                  </Table.Td>
                  <Table.Td>
                    <ApplicationStatusBadge status={r.status} />
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
