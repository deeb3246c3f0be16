import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../ui/PageTitle.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" gap="sm">
      <PageTitle>{t('notFound.title')}</PageTitle>
      <Text>{t('notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {t('notFound.home')}
      </Anchor>
    </Stack>
  );
}
