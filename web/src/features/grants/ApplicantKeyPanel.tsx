import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SecretField } from '../../ui/SecretField.tsx';
import type { ApplicantKey } from './publicGrantsApi.ts';

/**
 * The reference code and the secret, shown in full with a plain "write this down": the secret is
 * shown by the server only once, and nobody can look it up later.
 */
export function ApplicantKeyPanel({ applicantKey }: { applicantKey: ApplicantKey }) {
  const { t } = useTranslation();
  return (
    <Paper
      component="section"
      aria-labelledby="applicant-key-title"
      role="region"
      p="md"
      withBorder
      style={{ borderColor: '#e67700', borderWidth: 2, background: '#fff9db' }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="applicant-key-title">
          {t('grants.apply.keyTitle')}
        </Title>
        <Text size="sm">{t('grants.apply.keyBody')}</Text>
        <SecretField label={t('grants.apply.referenceCode')} value={applicantKey.referenceCode} />
        <SecretField label={t('grants.apply.secret')} value={applicantKey.secret} />
        <Text size="sm" fw={700}>
          {t('grants.apply.keyWarning')}
        </Text>
      </Stack>
    </Paper>
  );
}
