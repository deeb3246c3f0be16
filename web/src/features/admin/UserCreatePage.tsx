import { Alert, Anchor, Button, Paper, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { createUserBody, type User } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { SecretField } from '../../ui/SecretField.tsx';
import { focusFirstInvalid, serverFieldErrors, useFieldErrors, validate } from '../access/forms.ts';
import { adminApi } from './adminApi.ts';
import { UserFields, type UserFieldValues } from './UserFields.tsx';

interface CreatedUserAnswer {
  user: User;
  inviteUrl: string | null;
}

function Created({ created, onAnother }: { created: CreatedUserAnswer; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start">
      <Alert color="green" variant="outline" role="status" w="100%">
        {t('admin.created', { email: created.user.email })}
      </Alert>
      {created.inviteUrl && (
        <Stack gap="xs" w="100%">
          <Text>{t('admin.inviteOnce')}</Text>
          <SecretField label={t('admin.inviteLabel')} value={created.inviteUrl} />
        </Stack>
      )}
      <Anchor component={Link} to={`/admin/users/${created.user.id}`}>
        {t('admin.openUser')}
      </Anchor>
      <Button variant="default" onClick={onAnother}>
        {t('admin.newUser')}
      </Button>
    </Stack>
  );
}

const EMPTY: UserFieldValues = {
  displayName: '',
  organisationId: '',
  roles: [],
  oblastScope: [],
  totpRequired: false,
};

export function UserCreatePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [values, setValues] = useState<UserFieldValues>(EMPTY);
  const [mode, setMode] = useState<'invite' | 'password'>('invite');
  const [password, setPassword] = useState('');
  const fields = useFieldErrors();

  const create = useMutation({
    mutationFn: adminApi.createUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
    onError: (error) => {
      fields.setErrors(serverFieldErrors(t, error));
      focusFirstInvalid(formRef.current);
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.reset();
    const result = validate(t, createUserBody, {
      email,
      ...values,
      organisationId: values.organisationId || undefined,
      oblastScope: values.oblastScope.length > 0 ? values.oblastScope : null,
      projectScope: null,
      password: mode === 'password' ? password : undefined,
    });
    if (result.errors) {
      fields.setErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    fields.clear();
    create.mutate(result.data);
  };

  const another = () => {
    create.reset();
    setEmail('');
    setValues(EMPTY);
    setPassword('');
    setMode('invite');
  };

  const fieldError = Object.keys(fields.errors).length > 0;
  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} to="/admin/users" size="sm">
        {t('admin.back')}
      </Anchor>
      <PageTitle>{t('admin.createTitle')}</PageTitle>
      {create.data ? (
        <Created created={create.data} onAnother={another} />
      ) : (
        <Paper withBorder p="md">
          {create.isError && !fieldError && <ApiErrorAlert error={create.error} />}
          <form ref={formRef} onSubmit={onSubmit} noValidate>
            <Stack gap="md">
              <TextInput
                label={t('auth.email')}
                type="email"
                required
                autoComplete="off"
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={fields.of('email')}
              />
              <UserFields
                values={values}
                onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
                errors={fields.errors}
              />
              <Radio.Group
                label={t('admin.howToSignIn')}
                value={mode}
                onChange={(v) => setMode(v === 'password' ? 'password' : 'invite')}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="invite" label={t('admin.withInvite')} />
                  <Radio value="password" label={t('admin.withPassword')} />
                </Stack>
              </Radio.Group>
              {mode === 'password' && (
                <PasswordInput
                  label={t('admin.initialPassword')}
                  description={t('auth.passwordRules')}
                  autoComplete="new-password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={fields.of('password')}
                />
              )}
              <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('admin.create')}
              </Button>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
