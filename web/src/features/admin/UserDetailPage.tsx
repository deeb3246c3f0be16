import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type User, updateUserBody } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { SecretField } from '../../ui/SecretField.tsx';
import { focusFirstInvalid, serverFieldErrors, useFieldErrors, validate } from '../access/forms.ts';
import { adminApi, userQuery } from './adminApi.ts';
import { UserFields, type UserFieldValues } from './UserFields.tsx';
import { UserStatusBadge } from './UsersPage.tsx';

const valuesOf = (u: User): UserFieldValues => ({
  displayName: u.displayName,
  organisationId: u.organisationId,
  roles: [...u.roles],
  oblastScope: [...(u.oblastScope ?? [])],
  totpRequired: u.totpRequired,
});

const isVersionConflict = (error: unknown) => isApiError(error) && error.code === 'VERSION_CONFLICT';

function EditUser({ user, onSaved }: { user: User; onSaved: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(() => valuesOf(user));
  const [version, setVersion] = useState(user.version);
  const fields = useFieldErrors();

  const save = useMutation({
    mutationFn: (body: unknown) => adminApi.updateUser(user.id, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(userQuery(user.id).queryKey, saved);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'users', 'list'] });
      onSaved();
    },
    onError: (error) => {
      fields.setErrors(serverFieldErrors(t, error));
      focusFirstInvalid(formRef.current);
    },
  });

  /** After a conflict: take what is on the server now, and let the admin make the change again. */
  const reload = async () => {
    const current = await queryClient.fetchQuery(userQuery(user.id));
    setValues(valuesOf(current));
    setVersion(current.version);
    save.reset();
    fields.clear();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.reset();
    const result = validate(t, updateUserBody, {
      version,
      ...values,
      oblastScope: values.oblastScope.length > 0 ? values.oblastScope : null,
    });
    if (result.errors) {
      fields.setErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    fields.clear();
    save.mutate(result.data);
  };

  const fieldError = Object.keys(fields.errors).length > 0;
  return (
    <section aria-labelledby="edit-heading">
      <Title order={2} id="edit-heading" mb="sm">
        {t('admin.edit')}
      </Title>
      {isVersionConflict(save.error) ? (
        <Alert color="orange" variant="outline" role="alert" mb="sm">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('admin.versionConflict')}</Text>
            <Button size="xs" variant="outline" onClick={() => void reload()}>
              {t('admin.reloadAndReapply')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        save.isError && !fieldError && <ApiErrorAlert error={save.error} />
      )}
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <UserFields
            values={values}
            onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
            errors={fields.errors}
          />
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('forms.save')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}

/** A button that asks "are you sure?" inline before it acts. */
function ConfirmButton({
  label,
  question,
  onConfirm,
  loading,
  color,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  loading: boolean;
  color?: string;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const wasLoading = useRef(false);
  useEffect(() => {
    if (wasLoading.current && !loading) setAsking(false);
    wasLoading.current = loading;
  }, [loading]);
  if (!asking) {
    return (
      <Button variant="outline" color={color} onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <Paper withBorder p="sm" role="group" aria-label={label}>
      <Text size="sm" mb="xs">
        {question}
      </Text>
      <Group gap="xs">
        <Button color={color} onClick={onConfirm} loading={loading} data-autofocus>
          {label}
        </Button>
        <Button variant="default" onClick={() => setAsking(false)}>
          {t('forms.cancel')}
        </Button>
      </Group>
    </Paper>
  );
}

function UserActions({ user }: { user: User }) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => (saved: User) => {
    queryClient.setQueryData(userQuery(user.id).queryKey, saved);
    void queryClient.invalidateQueries({ queryKey: ['admin', 'users', 'list'] });
    setNotice(message);
  };
  const deactivate = useMutation({
    mutationFn: () => adminApi.deactivate(user.id),
    onSuccess: done(t('admin.deactivated')),
  });
  const reactivate = useMutation({
    mutationFn: () => adminApi.reactivate(user.id),
    onSuccess: done(t('admin.reactivated')),
  });
  const resetTotp = useMutation({
    mutationFn: () => adminApi.resetTotp(user.id),
    onSuccess: done(t('admin.totpReset')),
  });
  const reset = useMutation({ mutationFn: () => adminApi.passwordReset(user.id) });
  const failed = [deactivate, reactivate, resetTotp, reset].find((m) => m.isError);

  return (
    <section aria-labelledby="actions-heading">
      <Title order={2} id="actions-heading" mb="sm">
        {t('admin.actions')}
      </Title>
      <Stack gap="sm" align="flex-start">
        {notice && (
          <Alert color="green" variant="outline" role="status">
            {notice}
          </Alert>
        )}
        {failed && <ApiErrorAlert error={failed.error} />}
        {user.status === 'deactivated' ? (
          <Button variant="outline" onClick={() => reactivate.mutate()} loading={reactivate.isPending}>
            {t('admin.reactivate')}
          </Button>
        ) : (
          <ConfirmButton
            label={t('admin.deactivate')}
            question={t('admin.confirmDeactivate', { email: user.email })}
            onConfirm={() => deactivate.mutate()}
            loading={deactivate.isPending}
            color="red"
          />
        )}
        {user.status !== 'deactivated' && (
          <ConfirmButton
            label={t('admin.resetPassword')}
            question={t('admin.confirmResetPassword', { email: user.email })}
            onConfirm={() => reset.mutate()}
            loading={reset.isPending}
          />
        )}
        {reset.data && (
          <Stack gap="xs" w="100%">
            <Text size="sm">
              {t('admin.resetLinkOnce', { until: format.dateTime(reset.data.expiresAt) })}
            </Text>
            <SecretField label={t('admin.resetLinkLabel')} value={reset.data.url} />
          </Stack>
        )}
        {user.totpEnabled && (
          <ConfirmButton
            label={t('admin.resetTotp')}
            question={t('admin.confirmResetTotp', { email: user.email })}
            onConfirm={() => resetTotp.mutate()}
            loading={resetTotp.isPending}
          />
        )}
      </Stack>
    </section>
  );
}

export function UserDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const user = useQuery(userQuery(id));
  const [saved, setSaved] = useState(false);

  return (
    <Stack gap="lg" maw={760}>
      <Anchor component={Link} to="/admin/users" size="sm">
        {t('admin.back')}
      </Anchor>
      {user.isError ? (
        <>
          <PageTitle>{t('admin.usersTitle')}</PageTitle>
          <ApiErrorAlert error={user.error} onRetry={() => void user.refetch()} />
        </>
      ) : !user.data ? (
        <Loading />
      ) : (
        <>
          <PageTitle documentTitle={user.data.displayName}>
            {t('admin.userTitle', { name: user.data.displayName })}
          </PageTitle>
          <section aria-labelledby="details-heading">
            <Title order={2} id="details-heading" mb="xs">
              {t('admin.details')}
            </Title>
            <DefinitionList
              items={[
                { term: t('auth.email'), description: user.data.email },
                { term: t('admin.status'), description: <UserStatusBadge status={user.data.status} /> },
                {
                  term: t('admin.columns.twoFactor'),
                  description: user.data.totpEnabled ? t('admin.yes') : t('admin.no'),
                },
                {
                  term: t('admin.columns.lastSignIn'),
                  description: format.dateTime(user.data.lastSignInAt) ?? t('common.none'),
                },
                ...(user.data.lockedUntil && new Date(user.data.lockedUntil).getTime() > Date.now()
                  ? [{ term: t('admin.lockedUntil'), description: format.dateTime(user.data.lockedUntil) }]
                  : []),
                { term: t('admin.created_at'), description: format.dateTime(user.data.createdAt) },
              ]}
            />
          </section>
          <Paper withBorder p="md">
            {saved && (
              <Alert color="green" variant="outline" role="status" mb="sm">
                {t('admin.saved')}
              </Alert>
            )}
            {/* Keyed by version: after any change (here or by an action below) the form starts from the record. */}
            <EditUser
              key={`${user.data.id}:${user.data.version}`}
              user={user.data}
              onSaved={() => setSaved(true)}
            />
          </Paper>
          <UserActions user={user.data} />
        </>
      )}
    </Stack>
  );
}
