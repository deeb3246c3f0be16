import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { ToneBadge, useBilingual } from './GrantsBits.tsx';
import { publicCallQuery } from './publicGrantsApi.ts';

/** Paragraphs of a plain text, split at blank lines. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((p) => p.trim() !== '')
        .map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of one text, in order
          <Text key={i} maw={760} style={{ whiteSpace: 'pre-line' }}>
            {p.trim()}
          </Text>
        ))}
    </>
  );
}

/** A call as the public reads it: what it funds, who may apply, the documents and how it is scored. */
export function PublicCallPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const text = useBilingual();
  const format = usePeopleFormat();
  const call = useQuery(publicCallQuery(id));

  if (call.isPending) return <Loading />;
  if (call.isError)
    return <ApiErrorAlert error={call.error} notFoundText={t('grants.public.callNotFound')} />;
  const c = call.data;
  const accepting =
    c.status === 'open' && Date.parse(c.closesAt) > Date.now() && Date.parse(c.opensAt) <= Date.now();
  return (
    <Stack gap="md" maw={1000}>
      <Breadcrumbs
        label={t('grants.breadcrumbs')}
        items={[{ label: t('grants.public.callsTitle'), to: '/calls' }, { label: text(c.title) }]}
      />
      <PageTitle>{text(c.title)}</PageTitle>
      <ToneBadge tone="blue" w="fit-content">
        {t(`grants.kinds.${c.kind}`)}
      </ToneBadge>
      <Paragraphs text={text(c.description)} />
      <DefinitionList
        items={[
          { term: t('grants.call.budget'), description: format.money(c.budgetMinor, c.currency) },
          { term: t('grants.call.maxPerGrant'), description: format.money(c.maxPerGrantMinor, c.currency) },
          { term: t('grants.call.opensAt'), description: format.dateTime(c.opensAt) },
          { term: t('grants.call.closesAt'), description: format.dateTime(c.closesAt) },
        ]}
      />
      {accepting ? (
        <Group>
          <Button component={Link} to={`/calls/${c.id}/apply`} size="md">
            {t('grants.public.apply')}
          </Button>
        </Group>
      ) : (
        <Alert color="#495057" variant="outline" role="status">
          {t('grants.public.notAccepting')}
        </Alert>
      )}
      <section aria-labelledby="eligibility-heading">
        <Title order={2} id="eligibility-heading" size="h3" mb="xs">
          {t('grants.public.eligibilityHeading')}
        </Title>
        {c.eligibility.length === 0 ? (
          <Text>{t('grants.public.noRules')}</Text>
        ) : (
          <List spacing={4}>
            {c.eligibility.map((rule, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the rules in the call's order
              <List.Item key={i}>{text(rule)}</List.Item>
            ))}
          </List>
        )}
      </section>
      <section aria-labelledby="documents-heading">
        <Title order={2} id="documents-heading" size="h3" mb="xs">
          {t('grants.public.documentsHeading')}
        </Title>
        {c.requiredDocuments.length === 0 ? (
          <Text>{t('grants.public.noDocuments')}</Text>
        ) : (
          <List spacing={4}>
            {c.requiredDocuments.map((d) => (
              <List.Item key={d.kind}>
                {text(d.label)}
                {d.required ? '' : ` (${t('grants.public.optional')})`}
                {d.description ? ` — ${text(d.description)}` : ''}
              </List.Item>
            ))}
          </List>
        )}
        <Text size="sm" mt="xs" c="dimmed">
          {t('grants.public.fileRules')}
        </Text>
      </section>
      <section aria-labelledby="criteria-heading">
        <Title order={2} id="criteria-heading" size="h3" mb="xs">
          {t('grants.public.criteriaHeading')}
        </Title>
        {c.criteria.length === 0 ? (
          <Text>{t('grants.public.noCriteria')}</Text>
        ) : (
          <List spacing={4}>
            {c.criteria.map((k, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the criteria in the call's order
              <List.Item key={i}>
                {t('grants.public.criterion', { label: text(k.label), weight: k.weight })}
              </List.Item>
            ))}
          </List>
        )}
      </section>
    </Stack>
  );
}
