import { Anchor, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { ToneBadge } from './GrantsBits.tsx';
import { awardsQuery } from './grantsApi.ts';

/** Awards (of one call, or all), with what is paid of each. */
export function AwardsTable({ callId }: { callId?: string }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const awards = useQuery(awardsQuery(callId));
  if (awards.isPending) return <Loading />;
  if (awards.isError) return <ApiErrorAlert error={awards.error} onRetry={() => void awards.refetch()} />;
  if (awards.data.items.length === 0) return <Text>{t('grants.awards.none')}</Text>;
  return (
    <TableScroll label={t('grants.awards.caption')}>
      <Table striped captionSide="top">
        <Table.Caption>{t('grants.awards.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('grants.applications.reference')}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'end' }}>
              {t('grants.awards.amount')}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: 'end' }}>
              {t('grants.awards.paid')}
            </Table.Th>
            <Table.Th scope="col">{t('grants.awards.plan')}</Table.Th>
            <Table.Th scope="col">{t('grants.awards.status')}</Table.Th>
            <Table.Th scope="col">{t('grants.awards.issuedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {awards.data.items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Anchor component={Link} to={`/grants/awards/${a.id}`}>
                  {a.referenceCode}
                </Anchor>
              </Table.Td>
              <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                {format.money(a.amountMinor, a.currency)}
              </Table.Td>
              <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                {format.money(a.paidMinor, a.currency)}
              </Table.Td>
              <Table.Td>
                {a.planComplete
                  ? t('grants.awards.tranchesN', { n: a.tranches.length })
                  : t('grants.awards.planMissing')}
              </Table.Td>
              <Table.Td>
                <ToneBadge tone={a.status === 'active' ? 'green' : 'gray'}>
                  {t(`grants.awards.statuses.${a.status}`)}
                </ToneBadge>
              </Table.Td>
              <Table.Td>{format.date(a.issuedOn)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
