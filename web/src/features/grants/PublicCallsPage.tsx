import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { ToneBadge, useBilingual } from './GrantsBits.tsx';
import { publicCallsQuery } from './publicGrantsApi.ts';

/** Calls open for applications now, for anyone (no account needed). */
export function PublicCallsPage() {
  const { t } = useTranslation();
  const text = useBilingual();
  const format = usePeopleFormat();
  const calls = useQuery(publicCallsQuery());
  return (
    <Stack gap="md" maw={1000}>
      <PageTitle>{t('grants.public.callsTitle')}</PageTitle>
      <Text maw={760}>{t('grants.public.callsIntro')}</Text>
      <Group gap="sm">
        <Anchor component={Link} to="/applications/status">
          {t('grants.public.checkStatusLink')}
        </Anchor>
      </Group>
      {calls.isPending ? (
        <Loading />
      ) : calls.isError ? (
        <ApiErrorAlert error={calls.error} onRetry={() => void calls.refetch()} />
      ) : calls.data.items.length === 0 ? (
        <Text>{t('grants.public.noOpenCalls')}</Text>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2 }}
          spacing="md"
          component="ul"
          style={{ listStyle: 'none', padding: 0 }}
        >
          {calls.data.items.map((call) => (
            <Card component="li" withBorder key={call.id} padding="md">
              <Stack gap="xs">
                <ToneBadge tone="blue" w="fit-content">
                  {t(`grants.kinds.${call.kind}`)}
                </ToneBadge>
                <Title order={2} size="h3">
                  {text(call.title)}
                </Title>
                <Text size="sm">
                  {t('grants.public.upTo', { amount: format.money(call.maxPerGrantMinor, call.currency) })}
                </Text>
                <Text size="sm">{t('grants.public.closes', { date: format.dateTime(call.closesAt) })}</Text>
                <Button
                  component={Link}
                  to={`/calls/${call.id}`}
                  variant="light"
                  w="fit-content"
                  aria-label={t('grants.public.readCallNamed', { title: text(call.title) })}
                >
                  {t('grants.public.readCall')}
                </Button>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
