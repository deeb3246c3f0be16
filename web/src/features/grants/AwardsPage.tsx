import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { rolesAllow } from '../access/permissions.ts';
import { useSession } from '../access/session.ts';
import { AwardsTable } from './AwardsTable.tsx';
import { FollowUpsTable } from './MonitoringSection.tsx';

/** Every award with what is paid, and the follow-ups due, for finance and monitoring officers. */
export function AwardsPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const roles = session?.user.roles ?? [];
  return (
    <Stack gap="md">
      <PageTitle>{t('grants.awards.title')}</PageTitle>
      <Text maw={760}>{t('grants.awards.intro')}</Text>
      <AwardsTable />
      {rolesAllow(roles, 'grants.monitoring.read') && (
        <section aria-labelledby="follow-ups-heading">
          <Title order={2} size="h3" id="follow-ups-heading" mb="xs">
            {t('grants.monitoring.followUpsHeading')}
          </Title>
          <FollowUpsTable showReference />
        </section>
      )}
    </Stack>
  );
}
