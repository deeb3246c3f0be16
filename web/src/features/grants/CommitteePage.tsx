import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { CommitteeSession, GrantDecision } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { rolesAllow } from '../access/permissions.ts';
import { useSession } from '../access/session.ts';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { MinutesForm, ProposeForm } from './CommitteeForms.tsx';
import { RefusalAlert, ToneBadge, useBilingual } from './GrantsBits.tsx';
import { awardsQuery, callQuery, grantsApi, grantsKeys, sessionQuery } from './grantsApi.ts';

const DECISION_COLOURS = {
  proposed: 'blue',
  approved: 'green',
  superseded: 'gray',
  withdrawn: 'gray',
} as const;

function DecisionActions({
  decision,
  session,
  awarded,
}: {
  decision: GrantDecision;
  session: CommitteeSession;
  awarded: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useSession();
  const roles = me?.user.roles ?? [];
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: grantsKeys.session(session.id) });
    void queryClient.invalidateQueries({ queryKey: ['grants', 'call', session.callId] });
  };
  const approve = useMutation({
    mutationFn: () => grantsApi.approveDecision(decision.id, decision.version),
    onSuccess: refresh,
  });
  const withdraw = useMutation({
    mutationFn: () => grantsApi.withdrawDecision(decision.id, decision.version),
    onSuccess: refresh,
  });
  const award = useMutation({
    mutationFn: () => grantsApi.createAward({ decisionId: decision.id }),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['grants', 'awards'] });
      void navigate(`/grants/awards/${created.id}`);
    },
  });
  const label = decision.referenceCode;
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        {decision.status === 'proposed' && rolesAllow(roles, 'grants.committee.approve') && (
          <Button size="compact-sm" onClick={() => approve.mutate()} loading={approve.isPending}>
            {t('grants.committee.approve')}
            <span className="visually-hidden"> {label}</span>
          </Button>
        )}
        {decision.status === 'proposed' && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={() => withdraw.mutate()}
            loading={withdraw.isPending}
          >
            {t('grants.committee.withdraw')}
            <span className="visually-hidden"> {label}</span>
          </Button>
        )}
        {decision.status === 'approved' && decision.outcome === 'approve' && awarded && (
          <Anchor component={Link} to={`/grants/awards/${awarded}`} size="sm">
            {t('grants.committee.openAward', { code: label })}
          </Anchor>
        )}
        {decision.status === 'approved' &&
          decision.outcome === 'approve' &&
          !awarded &&
          rolesAllow(roles, 'grants.awards.manage') && (
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => award.mutate()}
              loading={award.isPending}
            >
              {t('grants.committee.makeAward')}
              <span className="visually-hidden"> {label}</span>
            </Button>
          )}
      </Group>
      {(approve.isError || withdraw.isError || award.isError) && (
        <RefusalAlert error={approve.error ?? withdraw.error ?? award.error} />
      )}
    </Stack>
  );
}

/** A committee session: minutes, the budget left, decisions and their approval, and awards made from them. */
export function CommitteePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const text = useBilingual();
  const format = usePeopleFormat();
  const session = useQuery(sessionQuery(id));
  const call = useQuery({ ...callQuery(session.data?.callId ?? ''), enabled: !!session.data });
  const awards = useQuery({ ...awardsQuery(session.data?.callId), enabled: !!session.data });

  if (session.isPending) return <Loading />;
  if (session.isError)
    return <ApiErrorAlert error={session.error} notFoundText={t('grants.committee.notFound')} />;
  const s = session.data;
  const b = s.budget;
  const awardOf = (decisionId: string) =>
    awards.data?.items.find((a) => a.decisionId === decisionId)?.id ?? null;
  const heading = t('grants.committee.sessionOf', { date: format.date(s.heldOn) });

  return (
    <Stack gap="lg" maw={1100}>
      <Breadcrumbs
        label={t('grants.breadcrumbs')}
        items={[
          { label: t('grants.calls.title'), to: '/grants/calls' },
          {
            label: call.data ? text(call.data.title) : t('grants.callPage.call'),
            to: `/grants/calls/${s.callId}?tab=committee`,
          },
          { label: heading },
        ]}
      />
      <PageTitle>{heading}</PageTitle>
      <ToneBadge tone={s.status === 'open' ? 'blue' : 'gray'} w="fit-content">
        {t(`grants.committee.sessionStatus.${s.status}`)}
      </ToneBadge>
      <DefinitionList
        items={[
          { term: t('grants.call.budget'), description: format.money(b.budgetMinor, b.currency) },
          { term: t('grants.committee.committed'), description: format.money(b.committedMinor, b.currency) },
          { term: t('grants.committee.remaining'), description: format.money(b.remainingMinor, b.currency) },
          { term: t('grants.call.maxPerGrant'), description: format.money(b.maxPerGrantMinor, b.currency) },
        ]}
      />
      <MinutesForm session={s} />
      <section aria-labelledby="decisions-heading">
        <Title order={2} size="h3" id="decisions-heading" mb="xs">
          {t('grants.committee.decisions')}
        </Title>
        {s.decisions.length === 0 ? (
          <Text>{t('grants.committee.noDecisions')}</Text>
        ) : (
          <TableScroll label={t('grants.committee.decisions')}>
            <Table striped captionSide="top">
              <Table.Caption>{t('grants.committee.decisionsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('grants.applications.reference')}</Table.Th>
                  <Table.Th scope="col">{t('grants.committee.outcome')}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: 'end' }}>
                    {t('grants.committee.amount')}
                  </Table.Th>
                  <Table.Th scope="col">{t('grants.committee.reason')}</Table.Th>
                  <Table.Th scope="col">{t('grants.committee.decisionStatus')}</Table.Th>
                  <Table.Th scope="col">{t('grants.reviewers.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.decisions.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor component={Link} to={`/grants/applications/${d.applicationId}`}>
                        {d.referenceCode}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`grants.committee.outcomes.${d.outcome}`)}</Table.Td>
                    <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                      {format.money(d.amountMinor, d.currency) || t('common.none')}
                    </Table.Td>
                    <Table.Td>{d.reason ?? t('common.none')}</Table.Td>
                    <Table.Td>
                      <ToneBadge tone={DECISION_COLOURS[d.status]}>
                        {t(`grants.committee.decisionStatuses.${d.status}`)}
                      </ToneBadge>
                    </Table.Td>
                    <Table.Td>
                      <DecisionActions decision={d} session={s} awarded={awardOf(d.id)} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </section>
      {s.status === 'open' && <ProposeForm session={s} />}
    </Stack>
  );
}
