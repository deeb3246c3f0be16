import { Anchor, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { type ApplicationStatus, applicationStatus, type GrantCall } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { rolesAllow } from '../access/permissions.ts';
import { useSession } from '../access/session.ts';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import {
  ApplicationStatusBadge,
  RefusalAlert,
  ToneBadge,
  useOblastName,
  useOblastOptions,
} from './GrantsBits.tsx';
import { type ApplicationFilter, applicationsQuery, grantsApi } from './grantsApi.ts';

const SCREENING_COLOURS = { eligible: 'teal', ineligible: 'red', needs_review: 'orange' } as const;

export function ScreeningBadge({ result }: { result: keyof typeof SCREENING_COLOURS | null }) {
  const { t } = useTranslation();
  if (!result) return <>{t('grants.screening.notScreened')}</>;
  return <ToneBadge tone={SCREENING_COLOURS[result]}>{t(`grants.screening.results.${result}`)}</ToneBadge>;
}

/** A call's applications with filters, and the automatic screening of every submitted one. */
export function CallApplicationsTab({ call }: { call: GrantCall }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const oblastName = useOblastName();
  const oblastOptions = useOblastOptions();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const [filter, setFilter] = useState<ApplicationFilter>({});
  const list = useQuery(applicationsQuery(call.id, filter));
  const screen = useMutation({
    mutationFn: () => grantsApi.screenCall(call.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['grants', 'call', call.id] });
      void queryClient.invalidateQueries({ queryKey: ['grants', 'application'] });
    },
  });
  const canScreen = rolesAllow(session?.user.roles ?? [], 'grants.screening.manage');

  return (
    <Stack gap="md">
      {canScreen && (
        <Stack gap="xs" align="flex-start">
          <Text size="sm" maw={760}>
            {t('grants.screening.runIntro')}
          </Text>
          <Button onClick={() => screen.mutate()} loading={screen.isPending}>
            {t('grants.screening.run')}
          </Button>
          <Text size="sm" role="status">
            {screen.data
              ? t('grants.screening.runResult', {
                  screened: screen.data.screened,
                  eligible: screen.data.eligible,
                  ineligible: screen.data.ineligible,
                  needsReview: screen.data.needsReview,
                })
              : ''}
          </Text>
          {screen.isError && <RefusalAlert error={screen.error} />}
        </Stack>
      )}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('grants.applications.filterStatus')}
          value={filter.status ?? ''}
          onChange={(e) =>
            setFilter((f) => ({
              ...f,
              status: (e.currentTarget.value || undefined) as ApplicationStatus | undefined,
            }))
          }
          data={[
            { value: '', label: t('grants.all') },
            ...applicationStatus.options.map((s) => ({
              value: s,
              label: t(`grants.applicationStatus.${s}`),
            })),
          ]}
        />
        <NativeSelect
          label={t('grants.applications.filterOblast')}
          value={filter.oblast ?? ''}
          onChange={(e) => setFilter((f) => ({ ...f, oblast: e.currentTarget.value || undefined }))}
          data={[{ value: '', label: t('grants.all') }, ...oblastOptions]}
        />
        <NativeSelect
          label={t('grants.applications.filterEligible')}
          value={filter.eligible ?? ''}
          onChange={(e) =>
            setFilter((f) => ({
              ...f,
              eligible: (e.currentTarget.value || undefined) as 'true' | 'false' | undefined,
            }))
          }
          data={[
            { value: '', label: t('grants.all') },
            { value: 'true', label: t('grants.screening.results.eligible') },
            { value: 'false', label: t('grants.screening.results.ineligible') },
          ]}
        />
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('grants.applications.none')}</Text>
      ) : (
        <TableScroll label={t('grants.applications.caption')}>
          <Table striped captionSide="top">
            <Table.Caption>{t('grants.applications.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('grants.applications.reference')}</Table.Th>
                <Table.Th scope="col">{t('grants.applications.applicant')}</Table.Th>
                <Table.Th scope="col">{t('grants.applications.oblast')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'end' }}>
                  {t('grants.applications.requested')}
                </Table.Th>
                <Table.Th scope="col">{t('grants.applications.status')}</Table.Th>
                <Table.Th scope="col">{t('grants.applications.screening')}</Table.Th>
                <Table.Th scope="col">{t('grants.applications.submittedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Anchor component={Link} to={`/grants/applications/${a.id}`}>
                      {a.referenceCode}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {[a.organisationName, a.applicantName].filter(Boolean).join(' · ') || t('common.none')}
                  </Table.Td>
                  <Table.Td>{oblastName(a.oblastPcode) || t('common.none')}</Table.Td>
                  <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                    {format.money(a.requestedAmountMinor, a.currency) || t('common.none')}
                  </Table.Td>
                  <Table.Td>
                    <ApplicationStatusBadge status={a.status} />
                  </Table.Td>
                  <Table.Td>
                    <ScreeningBadge result={a.screeningResult} />
                  </Table.Td>
                  <Table.Td>{format.dateTime(a.submittedAt) ?? t('common.none')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
