import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { GrantApplication } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { intlLocale } from '../../i18n/index.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { rolesAllow } from '../access/permissions.ts';
import { useSession } from '../access/session.ts';
import { PersonPicker } from '../people/PersonPicker.tsx';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { AnswersList } from './AnswersList.tsx';
import { formatBytes } from './applyDraft.ts';
import {
  ApplicationStatusBadge,
  RefusalAlert,
  ToneBadge,
  useApplicationFacts,
  useBilingual,
} from './GrantsBits.tsx';
import {
  applicationQuery,
  callQuery,
  grantsApi,
  grantsKeys,
  notificationsQuery,
  staffFileUrl,
} from './grantsApi.ts';
import { ReviewersSection } from './ReviewersSection.tsx';
import { ScreeningSection } from './ScreeningSection.tsx';

/** Links the application to its person in the people registry (payments go to that person's ledger). */
function RegistryLink({ application, canLink }: { application: GrantApplication; canLink: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [personId, setPersonId] = useState<string | null>(null);
  const candidates = application.screening?.duplicates.filter((d) => d.decision !== 'distinct') ?? [];
  const link = useMutation({
    mutationFn: (id: string) => grantsApi.linkPerson(application.id, id, application.version),
    onSuccess: (saved) => {
      setPersonId(null);
      queryClient.setQueryData(grantsKeys.application(application.id), saved);
    },
  });
  return (
    <section aria-labelledby="registry-heading">
      <Title order={2} size="h3" id="registry-heading" mb="xs">
        {t('grants.registry.heading')}
      </Title>
      <Stack gap="sm">
        {application.personId ? (
          <Text>
            {t('grants.registry.linked')}{' '}
            <Anchor component={Link} to={`/people/${application.personId}`}>
              {t('grants.registry.openPerson')}
            </Anchor>
          </Text>
        ) : (
          <Text>{t('grants.registry.notLinked')}</Text>
        )}
        {canLink && (
          <>
            {candidates.length > 0 && !application.personId && (
              <Group gap="sm">
                {candidates.map((c, i) => (
                  <Button key={c.personId} variant="light" size="xs" onClick={() => link.mutate(c.personId)}>
                    {t('grants.registry.linkCandidate', { n: i + 1 })}
                  </Button>
                ))}
              </Group>
            )}
            <Group align="flex-end" gap="sm" wrap="wrap">
              <div style={{ flex: '1 1 20rem' }}>
                <PersonPicker
                  label={t('grants.registry.find')}
                  description={t('grants.registry.findHint')}
                  value={personId}
                  onChange={setPersonId}
                />
              </div>
              <Button
                disabled={!personId}
                loading={link.isPending}
                onClick={() => personId && link.mutate(personId)}
              >
                {t('grants.registry.link')}
              </Button>
            </Group>
            {link.isError && <RefusalAlert error={link.error} />}
          </>
        )}
      </Stack>
    </section>
  );
}

/** The messages the outbox holds for this application, and whether each went out. */
export function NotificationsSection({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const messages = useQuery(notificationsQuery('grant_application', applicationId));
  return (
    <section aria-labelledby="notifications-heading">
      <Title order={2} size="h3" id="notifications-heading" mb="xs">
        {t('grants.notifications.heading')}
      </Title>
      {messages.isPending ? (
        <Loading />
      ) : messages.isError ? (
        <ApiErrorAlert error={messages.error} />
      ) : messages.data.items.length === 0 ? (
        <Text>{t('grants.notifications.none')}</Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {messages.data.items.map((m) => (
            <Paper component="li" withBorder p="sm" key={m.id}>
              <Group gap="xs" justify="space-between" wrap="wrap">
                <Text fw={600}>{m.subject}</Text>
                <ToneBadge
                  tone={m.delivery === 'sent' ? 'green' : m.delivery === 'failed' ? 'red' : 'orange'}
                >
                  {t(`grants.notifications.delivery.${m.delivery}`)}
                </ToneBadge>
              </Group>
              <Text size="xs" c="dimmed">
                {format.dateTime(m.createdAt)} · {m.recipientMasked ?? t('grants.notifications.noAddress')} ·{' '}
                {m.language.toUpperCase()}
              </Text>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
                {m.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}

/** One application for the programme manager: who applied, documents, screening, registry, reviewers, messages. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const text = useBilingual();
  const format = usePeopleFormat();
  const facts = useApplicationFacts();
  const { data: session } = useSession();
  const roles = session?.user.roles ?? [];
  const application = useQuery(applicationQuery(id));
  const call = useQuery({ ...callQuery(application.data?.callId ?? ''), enabled: !!application.data });

  if (application.isPending) return <Loading />;
  if (application.isError)
    return <ApiErrorAlert error={application.error} notFoundText={t('grants.applicationNotFound')} />;
  const a = application.data;
  const applicant = a.applicant;
  const callTitle = call.data ? text(call.data.title) : t('grants.callPage.call');

  return (
    <Stack gap="lg" maw={1100}>
      <Breadcrumbs
        label={t('grants.breadcrumbs')}
        items={[
          { label: t('grants.calls.title'), to: '/grants/calls' },
          { label: callTitle, to: `/grants/calls/${a.callId}` },
          { label: a.referenceCode },
        ]}
      />
      <PageTitle documentTitle={t('grants.applicationPage.title', { code: a.referenceCode })}>
        {t('grants.applicationPage.title', { code: a.referenceCode })}
      </PageTitle>
      <Group gap="xs">
        <ApplicationStatusBadge status={a.status} />
      </Group>
      <section aria-labelledby="applicant-heading">
        <Title order={2} size="h3" id="applicant-heading" mb="xs">
          {t('grants.applicationPage.applicant')}
        </Title>
        <DefinitionList
          items={[
            {
              term: t('grants.applications.applicant'),
              description:
                [applicant?.familyName, applicant?.givenName, applicant?.patronymic]
                  .filter(Boolean)
                  .join(' ') || t('common.none'),
            },
            { term: t('grants.apply.phone'), description: applicant?.phone ?? t('common.none') },
            { term: t('grants.apply.email'), description: applicant?.email ?? t('common.none') },
            {
              term: t('grants.applicationPage.organisation'),
              description: a.organisationName ?? t('common.none'),
            },
            {
              term: t('grants.apply.businessId'),
              description: a.businessId
                ? `${t(`grants.apply.${a.businessId.kind}`)} ${a.businessId.masked}`
                : t('common.none'),
            },
            ...facts(a),
            {
              term: t('grants.applications.submittedAt'),
              description: format.dateTime(a.submittedAt) ?? t('common.none'),
            },
          ]}
        />
      </section>
      <AnswersList answers={a.answers} formRef={call.data?.form ?? null} />
      <section aria-labelledby="staff-documents-heading">
        <Title order={2} size="h3" id="staff-documents-heading" mb="xs">
          {t('grants.applicationPage.documents')}
        </Title>
        {a.documents.length === 0 ? (
          <Text>{t('grants.applicationPage.noDocuments')}</Text>
        ) : (
          <TableScroll label={t('grants.applicationPage.documents')}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('grants.applicationPage.documentKind')}</Table.Th>
                  <Table.Th scope="col">{t('grants.applicationPage.file')}</Table.Th>
                  <Table.Th scope="col">{t('grants.applicationPage.size')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.documents.map((d) => {
                  const asked = call.data?.requiredDocuments.find((r) => r.kind === d.kind);
                  return (
                    <Table.Tr key={d.id}>
                      <Table.Td>{asked ? text(asked.label) : d.kind}</Table.Td>
                      <Table.Td>
                        <Anchor href={staffFileUrl(d.fileId)} download={d.fileName}>
                          {d.fileName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{formatBytes(d.sizeBytes, intlLocale(i18n.language))}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </section>
      <ScreeningSection application={a} canManage={rolesAllow(roles, 'grants.screening.manage')} />
      <RegistryLink application={a} canLink={rolesAllow(roles, 'grants.screening.manage')} />
      {rolesAllow(roles, 'grants.reviews.read') && (
        <ReviewersSection application={a} canAssign={rolesAllow(roles, 'grants.reviews.assign')} />
      )}
      {rolesAllow(roles, 'notifications.read') && <NotificationsSection applicationId={a.id} />}
    </Stack>
  );
}
