import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { formatDuration, useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { healthQuery } from './healthApi.ts';

function SystemStatus() {
  const { t } = useTranslation();
  const format = useFormat();
  const health = useQuery(healthQuery());

  if (health.isPending) return <Loading />;
  if (health.isError) {
    return (
      <Stack gap="xs">
        <Text>{t('home.statusUnavailable')}</Text>
        <ApiErrorAlert error={health.error} onRetry={() => void health.refetch()} />
      </Stack>
    );
  }
  const { database, version, uptimeSeconds } = health.data;
  return (
    <Stack gap="sm">
      <Group>
        <Badge color="#1b6e31" variant="filled" size="lg">
          {t('home.statusOk')}
        </Badge>
      </Group>
      <DefinitionList
        items={[
          { term: t('home.engine'), description: t(`home.engines.${database.engine}`) },
          {
            term: t('home.migration'),
            description: database.migration ? (
              <Text component="code" ff="monospace" size="sm">
                {database.migration}
              </Text>
            ) : (
              t('home.noMigration')
            ),
          },
          { term: t('home.migrationsApplied'), description: format.number(database.migrationsApplied) },
          { term: t('home.version'), description: version },
          { term: t('home.uptime'), description: formatDuration(uptimeSeconds, format.locale) },
        ]}
      />
    </Stack>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="xl" maw={860}>
      <div>
        <PageTitle documentTitle={t('home.title')}>{t('home.heading')}</PageTitle>
        <Text size="lg" fw={500} mb="md">
          {t('home.lead')}
        </Text>
        <Text mb="sm">{t('home.about1')}</Text>
        <Text>{t('home.about2')}</Text>
      </div>

      <section aria-labelledby="home-sections">
        <Title order={2} id="home-sections" mb="sm">
          {t('home.sectionsHeading')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Card withBorder padding="md">
            <Anchor component={Link} to="/places" fw={600} fz="lg">
              {t('home.placesLink')}
            </Anchor>
            <Text size="sm" mt="xs">
              {t('home.placesCard')}
            </Text>
          </Card>
          <Card withBorder padding="md">
            <Anchor component={Link} to="/jobs" fw={600} fz="lg">
              {t('home.jobsLink')}
            </Anchor>
            <Text size="sm" mt="xs">
              {t('home.jobsCard')}
            </Text>
          </Card>
        </SimpleGrid>
      </section>

      <section aria-labelledby="home-status">
        <Title order={2} id="home-status" mb="sm">
          {t('home.statusHeading')}
        </Title>
        <SystemStatus />
      </section>
    </Stack>
  );
}
