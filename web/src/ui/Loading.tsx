import { Center, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A spinner that screen readers announce as "Loading…". */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="lg" role="status">
      <Loader size="sm" aria-hidden />
      <Text ml="sm" size="sm">
        {label ?? t('app.loading')}
      </Text>
    </Center>
  );
}
