import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { type Role, roles, userStatus } from '@oselia/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { organisationsQuery, type UsersFilter, usersListQuery } from './adminApi.ts';
import { OrganisationSelect, useOrgName } from './UserFields.tsx';

const STATUS_COLOURS = { invited: 'yellow', active: 'green', deactivated: 'gray' } as const;

export function UserStatusBadge({ status }: { status: keyof typeof STATUS_COLOURS }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLOURS[status]} c="dark.7">
      {t(`userStatus.${status}`)}
    </Badge>
  );
}

function filterFrom(params: URLSearchParams): UsersFilter {
  const role = params.get('role');
  const status = userStatus.safeParse(params.get('status'));
  return {
    q: params.get('q') ?? undefined,
    role: roles.includes(role as Role) ? (role as Role) : undefined,
    status: status.success ? status.data : undefined,
    organisationId: params.get('organisationId') ?? undefined,
  };
}

export function UsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const orgName = useOrgName();
  const [params, setParams] = useSearchParams();
  const filter = filterFrom(params);
  const [draft, setDraft] = useState({
    q: filter.q ?? '',
    role: filter.role ?? '',
    status: filter.status ?? '',
    organisationId: filter.organisationId ?? '',
  });
  const users = useInfiniteQuery(usersListQuery(filter));
  const orgs = useQuery(organisationsQuery());
  const orgById = new Map((orgs.data ?? []).map((o) => [o.id, o]));
  const items = users.data?.pages.flatMap((p) => p.items) ?? [];

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    for (const [key, value] of Object.entries(draft)) if (value.trim()) next[key] = value.trim();
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <div>
          <PageTitle>{t('admin.usersTitle')}</PageTitle>
          <Text maw={640}>{t('admin.usersIntro')}</Text>
        </div>
        <Button component={Link} to="/admin/users/new">
          {t('admin.newUser')}
        </Button>
      </Group>

      <search aria-label={t('admin.filters')}>
        <form onSubmit={onSubmit}>
          <Group align="flex-end" gap="sm">
            <TextInput
              type="search"
              label={t('admin.search')}
              description={t('admin.searchHint')}
              value={draft.q}
              onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
              style={{ flex: '1 1 14rem' }}
            />
            <NativeSelect
              label={t('admin.role')}
              value={draft.role}
              onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value })}
              data={[
                { value: '', label: t('admin.all') },
                ...roles.map((r) => ({ value: r, label: t(`roles.${r}`) })),
              ]}
            />
            <NativeSelect
              label={t('admin.status')}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value })}
              data={[
                { value: '', label: t('admin.all') },
                ...userStatus.options.map((s) => ({ value: s, label: t(`userStatus.${s}`) })),
              ]}
            />
            <OrganisationSelect
              label={t('admin.organisation')}
              withAll
              value={draft.organisationId}
              onChange={(organisationId) => setDraft({ ...draft, organisationId })}
            />
            <Button type="submit" variant="outline">
              {t('admin.apply')}
            </Button>
          </Group>
        </form>
      </search>

      {users.isError ? (
        <ApiErrorAlert error={users.error} onRetry={() => void users.refetch()} />
      ) : users.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <Text role="status">{t('admin.noUsers')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover captionSide="top" verticalSpacing="sm">
            <Table.Caption ta="start" fw={600}>
              {t('admin.usersCaption')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('admin.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('admin.columns.email')}</Table.Th>
                <Table.Th scope="col">{t('admin.columns.roles')}</Table.Th>
                <Table.Th scope="col">{t('admin.columns.organisation')}</Table.Th>
                <Table.Th scope="col">{t('admin.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('admin.columns.twoFactor')}</Table.Th>
                <Table.Th scope="col">{t('admin.columns.lastSignIn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((u) => {
                const org = orgById.get(u.organisationId);
                return (
                  <Table.Tr key={u.id}>
                    <Table.Th scope="row" fw={400}>
                      <Anchor component={Link} to={`/admin/users/${u.id}`}>
                        {u.displayName}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{u.email}</Table.Td>
                    <Table.Td>{u.roles.map((r) => t(`roles.${r}`)).join(', ')}</Table.Td>
                    <Table.Td>{org ? orgName(org) : t('common.none')}</Table.Td>
                    <Table.Td>
                      <UserStatusBadge status={u.status} />
                    </Table.Td>
                    <Table.Td>{u.totpEnabled ? t('admin.yes') : t('admin.no')}</Table.Td>
                    <Table.Td className="nowrap">
                      {format.dateTime(u.lastSignInAt) ?? t('common.none')}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {users.hasNextPage && (
        <Button
          variant="default"
          onClick={() => void users.fetchNextPage()}
          loading={users.isFetchingNextPage}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('admin.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
