import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { ToneBadge, useBilingual, useOblastName } from './GrantsBits.tsx';
import { myReviewsQuery } from './reviewsApi.ts';

const COLOURS = { assigned: 'blue', recused: 'orange', submitted: 'green', withdrawn: 'gray' } as const;

/** A reviewer's own assignments: only what is needed to judge a conflict of interest before opening one. */
export function MyReviewsPage() {
  const { t } = useTranslation();
  const text = useBilingual();
  const format = usePeopleFormat();
  const oblastName = useOblastName();
  const mine = useQuery(myReviewsQuery());
  return (
    <Stack gap="md">
      <PageTitle>{t('grants.myReviews.title')}</PageTitle>
      <Text maw={760}>{t('grants.myReviews.intro')}</Text>
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <ApiErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.data.items.length === 0 ? (
        <Text>{t('grants.myReviews.none')}</Text>
      ) : (
        <TableScroll label={t('grants.myReviews.caption')}>
          <Table striped captionSide="top">
            <Table.Caption>{t('grants.myReviews.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('grants.applications.reference')}</Table.Th>
                <Table.Th scope="col">{t('grants.myReviews.call')}</Table.Th>
                <Table.Th scope="col">{t('grants.applications.applicant')}</Table.Th>
                <Table.Th scope="col">{t('grants.applications.oblast')}</Table.Th>
                <Table.Th scope="col">{t('grants.reviewers.status')}</Table.Th>
                <Table.Th scope="col">{t('grants.reviewers.conflict')}</Table.Th>
                <Table.Th scope="col">{t('grants.myReviews.assignedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {mine.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {a.status === 'withdrawn' ? (
                      a.referenceCode
                    ) : (
                      <Anchor component={Link} to={`/grants/reviews/${a.applicationId}`}>
                        {a.referenceCode}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>{text(a.callTitle)}</Table.Td>
                  <Table.Td>
                    {[a.organisationName, a.applicantName].filter(Boolean).join(' · ') || t('common.none')}
                  </Table.Td>
                  <Table.Td>{oblastName(a.oblastPcode) || t('common.none')}</Table.Td>
                  <Table.Td>
                    <ToneBadge tone={COLOURS[a.status]}>
                      {t(`grants.reviewers.statuses.${a.status}`)}
                    </ToneBadge>
                  </Table.Td>
                  <Table.Td>{t(`grants.reviewers.conflicts.${a.conflict}`)}</Table.Td>
                  <Table.Td>{format.dateTime(a.assignedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
