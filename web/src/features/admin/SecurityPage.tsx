import { Alert, Button, Checkbox, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { type Role, roles } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { adminApi, mfaSettingsQuery } from './adminApi.ts';

function MfaRolesForm({ initial }: { initial: Role[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Role[]>(initial);
  const save = useMutation({
    mutationFn: adminApi.saveMfaRoles,
    onSuccess: (saved) => queryClient.setQueryData(mfaSettingsQuery().queryKey, saved),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(selected);
  };
  return (
    <form onSubmit={onSubmit}>
      <Stack gap="md">
        {save.isSuccess && (
          <Alert color="green" variant="outline" role="status">
            {t('admin.saved')}
          </Alert>
        )}
        {save.isError && <ApiErrorAlert error={save.error} />}
        <Checkbox.Group
          label={t('admin.mfaRoles')}
          value={selected}
          onChange={(value) => {
            save.reset();
            setSelected(value as Role[]);
          }}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
            {roles.map((r) => (
              <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('forms.save')}
        </Button>
      </Stack>
    </form>
  );
}

export function SecurityPage() {
  const { t } = useTranslation();
  const settings = useQuery(mfaSettingsQuery());
  return (
    <Stack gap="lg" maw={760}>
      <div>
        <PageTitle>{t('admin.securityTitle')}</PageTitle>
        <Text>{t('admin.securityIntro')}</Text>
      </div>
      {settings.isError ? (
        <ApiErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : !settings.data ? (
        <Loading />
      ) : (
        <Paper withBorder p="md">
          <MfaRolesForm initial={settings.data.requiredRoles} />
        </Paper>
      )}
    </Stack>
  );
}
