import { Alert, Anchor, Button, Group, List, Stack, Tabs, Text } from '@mantine/core';
import type { GrantCall } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { rolesAllow, type WebAction } from '../access/permissions.ts';
import { useSession } from '../access/session.ts';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { CallApplicationsTab } from './CallApplicationsTab.tsx';
import { CallAwardsTab } from './CallAwardsTab.tsx';
import { CallCommitteeTab } from './CallCommitteeTab.tsx';
import { CallRankingTab } from './CallRankingTab.tsx';
import { CallStatusBadge, ToneBadge, useBilingual } from './GrantsBits.tsx';
import { callQuery, grantsApi, grantsKeys } from './grantsApi.ts';

const TABS = ['applications', 'ranking', 'committee', 'awards'] as const;
type Tab = (typeof TABS)[number];
const TAB_ACTION: Record<Tab, WebAction> = {
  applications: 'grants.applications.read',
  ranking: 'grants.reviews.read',
  committee: 'grants.committee.manage',
  awards: 'grants.awards.read',
};

/** Opening (with the server's reasons when it refuses) and closing a call. */
function CallActions({ call }: { call: GrantCall }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const done = (saved: GrantCall) => {
    queryClient.setQueryData(grantsKeys.call(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: ['grants', 'calls'] });
  };
  const open = useMutation({ mutationFn: () => grantsApi.openCall(call.id, call.version), onSuccess: done });
  const close = useMutation({
    mutationFn: () => grantsApi.closeCall(call.id, call.version),
    onSuccess: done,
  });
  const refused = open.error ?? close.error;
  const reasons =
    isApiError(refused) && Array.isArray((refused.details as { fields?: unknown[] } | undefined)?.fields)
      ? ((refused.details as { fields: { field?: string; message?: string }[] }).fields ?? [])
      : [];
  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button component={Link} to={`/grants/calls/${call.id}/edit`} variant="default">
          {t('grants.editor.edit')}
        </Button>
        {call.status === 'draft' && (
          <Button onClick={() => open.mutate()} loading={open.isPending}>
            {t('grants.callPage.open')}
          </Button>
        )}
        {call.status === 'open' && (
          <Button color="dark" variant="outline" onClick={() => close.mutate()} loading={close.isPending}>
            {t('grants.callPage.close')}
          </Button>
        )}
      </Group>
      {refused &&
        (reasons.length > 0 ? (
          <Alert color="#b02525" variant="outline" role="alert" title={t('grants.callPage.openRefused')}>
            <List size="sm" spacing={2}>
              {reasons.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the server's reasons, in order
                <List.Item key={i}>{r.message}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <ApiErrorAlert error={refused} />
        ))}
    </Stack>
  );
}

/** One call for staff: its facts and actions, then the work on it by tab. */
export function CallPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const text = useBilingual();
  const format = usePeopleFormat();
  const { data: session } = useSession();
  const roles = session?.user.roles ?? [];
  const [params, setParams] = useSearchParams();
  const call = useQuery(callQuery(id));

  if (call.isPending) return <Loading />;
  if (call.isError) return <ApiErrorAlert error={call.error} notFoundText={t('grants.callNotFound')} />;
  const c = call.data;
  const tabs = TABS.filter((tab) => rolesAllow(roles, TAB_ACTION[tab]));
  const requested = params.get('tab');
  const active: Tab | undefined = tabs.find((tab) => tab === requested) ?? tabs[0];
  const counts = Object.entries(c.applicationCounts).filter(([, n]) => n > 0);

  return (
    <Stack gap="md">
      <Breadcrumbs
        label={t('grants.breadcrumbs')}
        items={[{ label: t('grants.calls.title'), to: '/grants/calls' }, { label: text(c.title) }]}
      />
      <PageTitle>{text(c.title)}</PageTitle>
      <Group gap="xs">
        <CallStatusBadge status={c.status} />
        <ToneBadge tone="blue">{t(`grants.kinds.${c.kind}`)}</ToneBadge>
      </Group>
      <DefinitionList
        items={[
          { term: t('grants.call.budget'), description: format.money(c.budgetMinor, c.currency) },
          { term: t('grants.call.maxPerGrant'), description: format.money(c.maxPerGrantMinor, c.currency) },
          { term: t('grants.call.opensAt'), description: format.dateTime(c.opensAt) },
          { term: t('grants.call.closesAt'), description: format.dateTime(c.closesAt) },
          { term: t('grants.editor.reviewersPerApplication'), description: c.reviewersPerApplication },
          {
            term: t('grants.callPage.applications'),
            description:
              counts.length === 0
                ? t('grants.callPage.noApplications')
                : counts
                    .map(([status, n]) => `${t(`grants.applicationStatus.${status as 'draft'}`)}: ${n}`)
                    .join(' · '),
          },
        ]}
      />
      <Group gap="md">
        {c.status !== 'draft' && (
          <Anchor component={Link} to={`/calls/${c.id}`}>
            {t('grants.callPage.publicPage')}
          </Anchor>
        )}
        {rolesAllow(roles, 'grants.dashboard.read') && (
          <Anchor component={Link} to={`/grants/calls/${c.id}/dashboard`}>
            {t('grants.callPage.dashboard')}
          </Anchor>
        )}
      </Group>
      {rolesAllow(roles, 'grants.calls.manage') && <CallActions call={c} />}
      {active && (
        <Tabs
          value={active}
          onChange={(value) => {
            const next = new URLSearchParams(params);
            if (value) next.set('tab', value);
            setParams(next, { replace: true });
          }}
          keepMounted={false}
        >
          <Tabs.List aria-label={t('grants.callPage.tabsLabel')}>
            {tabs.map((tab) => (
              <Tabs.Tab key={tab} value={tab}>
                {t(`grants.callPage.tabs.${tab}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="applications" pt="md">
            <CallApplicationsTab call={c} />
          </Tabs.Panel>
          <Tabs.Panel value="ranking" pt="md">
            <CallRankingTab call={c} />
          </Tabs.Panel>
          <Tabs.Panel value="committee" pt="md">
            <CallCommitteeTab call={c} />
          </Tabs.Panel>
          <Tabs.Panel value="awards" pt="md">
            <CallAwardsTab call={c} />
          </Tabs.Panel>
        </Tabs>
      )}
      {tabs.length === 0 && <Text size="sm">{t('grants.callPage.nothingMore')}</Text>}
    </Stack>
  );
}
