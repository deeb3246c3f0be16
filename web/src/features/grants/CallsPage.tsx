import { Anchor, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { type GrantCallKind, type GrantCallStatus, grantCallKind, grantCallStatus } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { rolesAllow } from '../access/permissions.ts';
import { useSession } from '../access/session.ts';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { CallStatusBadge, useBilingual } from './GrantsBits.tsx';
import { callsQuery } from './grantsApi.ts';

const pick = <T extends string>(options: readonly T[], value: string | null): T | undefined =>
  options.find((o) => o === value);

/** Calls for proposals, for staff: drafts, open and closed, with a way to a new one. */
export function CallsPage() {
  const { t } = useTranslation();
  const text = useBilingual();
  const format = usePeopleFormat();
  const { data: session } = useSession();
  const [params, setParams] = useSearchParams();
  const status: GrantCallStatus | undefined = pick(grantCallStatus.options, params.get('status'));
  const kind: GrantCallKind | undefined = pick(grantCallKind.options, params.get('kind'));
  const calls = useQuery(callsQuery(status, kind));
  const canManage = rolesAllow(session?.user.roles ?? [], 'grants.calls.manage');

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md">
      <PageTitle>{t('grants.calls.title')}</PageTitle>
      <Text maw={760}>{t('grants.calls.intro')}</Text>
      {canManage && (
        <Group>
          <Button component={Link} to="/grants/calls/new">
            {t('grants.calls.new')}
          </Button>
        </Group>
      )}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('grants.calls.filterStatus')}
          value={status ?? ''}
          onChange={(e) => setFilter('status', e.currentTarget.value)}
          data={[
            { value: '', label: t('grants.all') },
            ...grantCallStatus.options.map((s) => ({ value: s, label: t(`grants.callStatus.${s}`) })),
          ]}
        />
        <NativeSelect
          label={t('grants.calls.filterKind')}
          value={kind ?? ''}
          onChange={(e) => setFilter('kind', e.currentTarget.value)}
          data={[
            { value: '', label: t('grants.all') },
            ...grantCallKind.options.map((k) => ({ value: k, label: t(`grants.kinds.${k}`) })),
          ]}
        />
      </Group>
      {calls.isPending ? (
        <Loading />
      ) : calls.isError ? (
        <ApiErrorAlert error={calls.error} onRetry={() => void calls.refetch()} />
      ) : calls.data.items.length === 0 ? (
        <Text>{t('grants.calls.none')}</Text>
      ) : (
        <TableScroll label={t('grants.calls.caption')}>
          <Table striped captionSide="top">
            <Table.Caption>{t('grants.calls.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('grants.call.title')}</Table.Th>
                <Table.Th scope="col">{t('grants.call.kind')}</Table.Th>
                <Table.Th scope="col">{t('grants.call.status')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'end' }}>
                  {t('grants.call.budget')}
                </Table.Th>
                <Table.Th scope="col">{t('grants.call.closesAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calls.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/grants/calls/${c.id}`}>
                      {text(c.title)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`grants.kinds.${c.kind}`)}</Table.Td>
                  <Table.Td>
                    <CallStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                    {format.money(c.budgetMinor, c.currency)}
                  </Table.Td>
                  <Table.Td>{format.dateTime(c.closesAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}
