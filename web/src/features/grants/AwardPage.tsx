import { Anchor, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { rolesAllow } from '../access/permissions.ts';
import { useSession } from '../access/session.ts';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { ToneBadge, useBilingual } from './GrantsBits.tsx';
import { agreementUrl, awardQuery, callQuery } from './grantsApi.ts';
import { MonitoringSection } from './MonitoringSection.tsx';
import { PaymentsSection } from './PaymentsSection.tsx';
import { TranchePlanEditor } from './TranchePlanEditor.tsx';

/** An award: the agreement, the disbursement plan, payments and monitoring. */
export function AwardPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const text = useBilingual();
  const format = usePeopleFormat();
  const { data: session } = useSession();
  const roles = session?.user.roles ?? [];
  const award = useQuery(awardQuery(id));
  const call = useQuery({ ...callQuery(award.data?.callId ?? ''), enabled: !!award.data });

  if (award.isPending) return <Loading />;
  if (award.isError) return <ApiErrorAlert error={award.error} notFoundText={t('grants.award.notFound')} />;
  const a = award.data;
  const nothingPaid = a.paidMinor === 0;
  const heading = t('grants.award.title', { code: a.referenceCode });

  return (
    <Stack gap="lg" maw={1100}>
      <Breadcrumbs
        label={t('grants.breadcrumbs')}
        items={[
          { label: t('grants.awards.title'), to: '/grants/awards' },
          ...(call.data
            ? [{ label: text(call.data.title), to: `/grants/calls/${a.callId}?tab=awards` }]
            : []),
          { label: a.referenceCode },
        ]}
      />
      <PageTitle>{heading}</PageTitle>
      <Group gap="xs">
        <ToneBadge tone={a.status === 'active' ? 'green' : 'gray'}>
          {t(`grants.awards.statuses.${a.status}`)}
        </ToneBadge>
      </Group>
      <DefinitionList
        items={[
          { term: t('grants.awards.amount'), description: format.money(a.amountMinor, a.currency) },
          { term: t('grants.awards.paid'), description: format.money(a.paidMinor, a.currency) },
          {
            term: t('grants.award.left'),
            description: format.money(a.amountMinor - a.paidMinor, a.currency),
          },
          { term: t('grants.awards.issuedOn'), description: format.date(a.issuedOn) },
          { term: t('grants.award.language'), description: a.language === 'uk' ? 'Українська' : 'English' },
          {
            term: t('grants.award.firstPayment'),
            description: a.firstPaymentOn ? format.date(a.firstPaymentOn) : t('common.none'),
          },
          ...(a.closure
            ? [
                {
                  term: t('grants.award.closure'),
                  description: `${t(`grants.monitoring.closeReasons.${a.closure.reason}`)}${a.closure.note ? ` — ${a.closure.note}` : ''}`,
                },
              ]
            : []),
        ]}
      />
      <Group gap="sm">
        <Button component="a" href={agreementUrl(a.id)} download variant="light">
          {t('grants.award.agreement')}
        </Button>
        {rolesAllow(roles, 'grants.applications.read') && (
          <Anchor component={Link} to={`/grants/applications/${a.applicationId}`}>
            {t('grants.award.application')}
          </Anchor>
        )}
      </Group>
      {a.obligations.length > 0 && (
        <section aria-labelledby="obligations-heading">
          <Title order={2} size="h3" id="obligations-heading" mb="xs">
            {t('grants.award.obligations')}
          </Title>
          <List spacing={2} size="sm">
            {a.obligations.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the agreement's obligations in order
              <List.Item key={i}>{o}</List.Item>
            ))}
          </List>
        </section>
      )}
      <section aria-labelledby="plan-heading">
        <Title order={2} size="h3" id="plan-heading" mb="xs">
          {t('grants.award.plan')}
        </Title>
        <Stack gap="sm">
          {a.tranches.length === 0 ? (
            <Text>{t('grants.awards.planMissing')}</Text>
          ) : (
            <TableScroll label={t('grants.award.planCaption')}>
              <Table striped captionSide="top">
                <Table.Caption>{t('grants.award.planCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('grants.award.tranche')}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'end' }}>
                      {t('grants.award.amount')}
                    </Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'end' }}>
                      {t('grants.awards.paid')}
                    </Table.Th>
                    <Table.Th scope="col">{t('grants.award.dueDate')}</Table.Th>
                    <Table.Th scope="col">{t('grants.award.modality')}</Table.Th>
                    <Table.Th scope="col">{t('grants.award.condition')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.tranches.map((x) => (
                    <Table.Tr key={x.id}>
                      <Table.Td>{t('grants.award.trancheN', { n: x.seq })}</Table.Td>
                      <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                        {format.money(x.amountMinor, a.currency)}
                      </Table.Td>
                      <Table.Td style={{ textAlign: 'end', whiteSpace: 'nowrap' }}>
                        {format.money(x.paidMinor, a.currency)}
                      </Table.Td>
                      <Table.Td>{format.date(x.dueDate)}</Table.Td>
                      <Table.Td>
                        {t(`grants.award.modalities.${x.modality}`)}
                        {x.items.length > 0 && (
                          <List size="xs" spacing={0}>
                            {x.items.map((item, k) => (
                              // biome-ignore lint/suspicious/noArrayIndexKey: procurement lines in order
                              <List.Item key={k}>
                                {item.item} × {item.quantity} = {format.money(item.totalMinor, a.currency)}
                                {item.supplier ? ` (${item.supplier})` : ''}
                              </List.Item>
                            ))}
                          </List>
                        )}
                      </Table.Td>
                      <Table.Td>{x.condition ?? t('common.none')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
          {rolesAllow(roles, 'grants.awards.manage') && nothingPaid && a.status === 'active' && (
            <TranchePlanEditor award={a} />
          )}
        </Stack>
      </section>
      <PaymentsSection award={a} canRecord={rolesAllow(roles, 'grants.payments.record')} />
      {rolesAllow(roles, 'grants.monitoring.read') && (
        <MonitoringSection award={a} canWrite={rolesAllow(roles, 'grants.monitoring.write')} />
      )}
    </Stack>
  );
}
