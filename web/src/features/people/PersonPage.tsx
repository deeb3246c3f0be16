import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { Person } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import { AssistanceSection } from './AssistanceSection.tsx';
import { AuditSection } from './AuditSection.tsx';
import { ConsentSection } from './ConsentSection.tsx';
import { HouseholdSection } from './HouseholdSection.tsx';
import { IdentifiersSection } from './IdentifiersSection.tsx';
import { fullName } from './memberDraft.ts';
import { PlaceName } from './PlacePicker.tsx';
import classes from './people.module.css';
import { personQuery } from './peopleApi.ts';
import { useDisabilityText, usePeopleFormat } from './usePeopleFormat.ts';
import { WG_DOMAINS } from './washingtonGroup.ts';

function Profile({ person: p }: { person: Person }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const disabilityText = useDisabilityText();
  const none = t('people.noneRecorded');
  const wgAnswers = p.washingtonGroup
    ? WG_DOMAINS.filter((d) => p.washingtonGroup?.[d]).map(
        (d) =>
          `${t(`people.wgQuestions.${d}`)} — ${t(`people.wgAnswers.${p.washingtonGroup?.[d] ?? 'no_difficulty'}`)}`,
      )
    : [];
  return (
    <section aria-labelledby="profile-heading" id="profile">
      <Title order={2} id="profile-heading" mb="xs">
        {t('people.profile')}
      </Title>
      <DefinitionList
        items={[
          { term: t('people.latinName'), description: fullName(p.latinName) },
          {
            term: t('people.birthDate'),
            description: p.birthDate
              ? `${format.birthDate(p.birthDate, p.birthDatePrecision)} (${t(`people.precisions.${p.birthDatePrecision}`)})`
              : none,
          },
          { term: t('people.ageBand'), description: p.ageBand ?? none },
          { term: t('people.sex'), description: t(`people.sexes.${p.sex}`) },
          {
            term: t('people.populationGroup'),
            description: p.populationGroup ? t(`people.populationGroups.${p.populationGroup}`) : none,
          },
          { term: t('people.currentPlaceShort'), description: <PlaceName pcode={p.currentPcode} /> },
          { term: t('people.originShort'), description: <PlaceName pcode={p.originPcode} /> },
          {
            term: t('people.displacementDate'),
            description: p.displacementDate ? format.date(p.displacementDate) : none,
          },
          { term: t('people.phones'), description: p.phones.length > 0 ? p.phones.join(', ') : none },
          {
            term: t('people.disability'),
            description: (
              <>
                <Badge color={p.disability ? 'grape' : 'gray'} variant="light">
                  {disabilityText(p.disability)}
                </Badge>
                {wgAnswers.length > 0 && (
                  <Text size="sm" mt={4}>
                    {wgAnswers.join('; ')}
                  </Text>
                )}
              </>
            ),
          },
          {
            term: t('people.vulnerabilitiesLegend'),
            description:
              p.vulnerabilities.length > 0
                ? p.vulnerabilities.map((v) => t(`people.vulnerabilities.${v}`)).join(', ')
                : none,
          },
          { term: t('people.registeredAt'), description: format.dateTime(p.createdAt) },
        ]}
      />
    </section>
  );
}

export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const person = useQuery(personQuery(id));
  const { data: session } = useSession();
  const canWrite = mayOpen('people.write', session);
  const isAdmin = session?.user.roles.includes('admin') ?? false;

  if (person.isPending) return <Loading />;
  if (person.isError)
    return (
      <Stack>
        <PageTitle>{t('people.personTitle')}</PageTitle>
        <ApiErrorAlert
          error={person.error}
          notFoundText={t('people.notFound')}
          onRetry={() => void person.refetch()}
        />
      </Stack>
    );
  const p = person.data;
  const sections = [
    ['profile', t('people.profile')],
    ['household', t('people.household')],
    ['consent', t('people.consent')],
    ['identifiers', t('people.identifiers')],
    ['assistance', t('people.assistance')],
    ...(isAdmin ? [['audit', t('people.audit')]] : []),
  ] as const;

  return (
    <Stack gap="lg" maw={1000}>
      <div>
        <Anchor component={Link} to="/people" size="sm">
          {t('people.backToSearch')}
        </Anchor>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mt="xs">
          <PageTitle documentTitle={fullName(p)}>{fullName(p)}</PageTitle>
          {canWrite && (
            <Button component={Link} to={`/people/${p.id}/edit`} variant="light">
              {t('people.edit')}
            </Button>
          )}
        </Group>
        {notice && (
          <Alert color="green" variant="light" role="status" mt="xs">
            {notice}
          </Alert>
        )}
      </div>
      <nav aria-label={t('people.sectionsNav')}>
        <ul className={classes.sectionNav}>
          {sections.map(([anchor, label]) => (
            <li key={anchor}>
              <Anchor href={`#${anchor}`} size="sm">
                {label}
              </Anchor>
            </li>
          ))}
        </ul>
      </nav>
      <Profile person={p} />
      <HouseholdSection person={p} canWrite={canWrite} />
      <ConsentSection personId={p.id} canWrite={mayOpen('people.consent.write', session)} />
      <IdentifiersSection
        person={p}
        canWrite={canWrite}
        canReveal={mayOpen('people.identifiers.reveal', session)}
      />
      <AssistanceSection
        personId={p.id}
        canRead={mayOpen('assistance.read', session)}
        canWrite={mayOpen('assistance.write', session)}
      />
      {isAdmin && <AuditSection personId={p.id} />}
    </Stack>
  );
}
