import { Alert, Anchor, Badge, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { changePasswordBody } from '@oselia/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { authApi } from './accessApi.ts';
import { focusFirstInvalid, serverFieldErrors, useFieldErrors, validate } from './forms.ts';
import { useSession } from './session.ts';
import { useSignOut } from './signOut.ts';

function ChangePassword() {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const fields = useFieldErrors();
  const change = useMutation({
    mutationFn: authApi.changePassword,
    onSuccess: () => {
      setCurrent('');
      setNew('');
      setConfirm('');
    },
    onError: (error) => {
      fields.setErrors(serverFieldErrors(t, error, { password: 'newPassword' }));
      focusFirstInvalid(formRef.current);
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    change.reset();
    const result = validate(t, changePasswordBody, { currentPassword, newPassword });
    const errors = { ...(result.errors ?? {}) };
    if (!errors.newPassword && newPassword !== confirm) errors.confirm = t('auth.passwordsDiffer');
    if (!result.data || Object.keys(errors).length > 0) {
      fields.setErrors(errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    fields.clear();
    change.mutate(result.data);
  };

  const fieldError = Object.keys(fields.errors).length > 0;
  return (
    <section aria-labelledby="password-heading">
      <Title order={2} id="password-heading" mb="xs">
        {t('account.passwordHeading')}
      </Title>
      {change.isSuccess && (
        <Alert color="green" variant="outline" role="status" mb="sm">
          {t('account.passwordChanged')}
        </Alert>
      )}
      {change.isError && !fieldError && <ApiErrorAlert error={change.error} />}
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="sm" maw={420}>
          <PasswordInput
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={fields.of('currentPassword')}
          />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.passwordRules')}
            autoComplete="new-password"
            required
            value={newPassword}
            onChange={(e) => setNew(e.currentTarget.value)}
            error={fields.of('newPassword')}
          />
          <PasswordInput
            label={t('auth.confirmPassword')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.currentTarget.value)}
            error={fields.of('confirm')}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.changePassword')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { data: session } = useSession();
  const { everywhere } = useSignOut();
  if (!session) return <Loading />;
  const { user } = session;

  return (
    <Stack gap="xl" maw={760}>
      <PageTitle>{t('account.title')}</PageTitle>
      <section aria-labelledby="profile-heading">
        <Title order={2} id="profile-heading" mb="xs">
          {t('account.profile')}
        </Title>
        <DefinitionList
          items={[
            { term: t('account.name'), description: user.displayName },
            { term: t('auth.email'), description: user.email },
            {
              term: t('account.roles'),
              description: (
                <Group gap={4}>
                  {user.roles.map((r) => (
                    <Badge key={r} variant="light" color="gray" c="dark.7">
                      {t(`roles.${r}`)}
                    </Badge>
                  ))}
                </Group>
              ),
            },
            { term: t('account.sessionUntil'), description: format.dateTime(session.expiresAt) },
          ]}
        />
      </section>

      <Paper withBorder p="md">
        <ChangePassword />
      </Paper>

      <section aria-labelledby="totp-heading">
        <Title order={2} id="totp-heading" mb="xs">
          {t('account.twoFactorHeading')}
        </Title>
        {user.totpEnabled ? (
          <Text>{t('account.twoFactorOn')}</Text>
        ) : (
          <Stack gap="xs" align="flex-start">
            <Text>{t('account.twoFactorOff')}</Text>
            <Anchor component={Link} to="/account/two-factor">
              {t('account.enableTwoFactor')}
            </Anchor>
          </Stack>
        )}
      </section>

      <section aria-labelledby="sessions-heading">
        <Title order={2} id="sessions-heading" mb="xs">
          {t('account.sessionsHeading')}
        </Title>
        <Stack gap="xs" align="flex-start">
          <Text>{t('account.sessionsIntro')}</Text>
          {everywhere.isError && <ApiErrorAlert error={everywhere.error} />}
          <Button
            variant="outline"
            color="red"
            onClick={() => everywhere.mutate()}
            loading={everywhere.isPending}
          >
            {t('auth.signOutEverywhere')}
          </Button>
        </Stack>
      </section>
    </Stack>
  );
}
