import { Alert, Button, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { acceptInviteBody } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { authApi } from './accessApi.ts';
import { retryMinutes } from './authErrors.ts';
import { focusFirstInvalid, serverFieldErrors, useFieldErrors, validate } from './forms.ts';
import { SESSION_KEY } from './session.ts';

/** Choose a password from a one-time link; then sign in with the email filled in. */
function ChoosePassword({ kind }: { kind: 'invite' | 'reset' }) {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const fields = useFieldErrors();

  const accept = useMutation({
    mutationFn: authApi.accept,
    onSuccess: ({ email }) => {
      // Accepting ends every session of that user, possibly this browser's: ask again.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      void navigate(`/sign-in?set=1&email=${encodeURIComponent(email)}`, { replace: true });
    },
    onError: (error) => {
      fields.setErrors(serverFieldErrors(t, error));
      focusFirstInvalid(formRef.current);
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    accept.reset();
    const result = validate(t, acceptInviteBody, { token, password });
    const errors = { ...(result.errors ?? {}) };
    if (!errors.password && password !== confirm) errors.confirm = t('auth.passwordsDiffer');
    if (result.errors?.token || !result.data || Object.keys(errors).length > 0) {
      fields.setErrors(errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    fields.clear();
    accept.mutate(result.data);
  };

  const error = accept.error;
  const linkProblem =
    (isApiError(error) && (error.isNotFound || (error.status === 400 && !fields.of('password')))) ||
    fields.of('token');
  const minutes = retryMinutes(error);

  return (
    <Stack maw={460} gap="md">
      <div>
        <PageTitle>{kind === 'invite' ? t('auth.acceptInviteTitle') : t('auth.resetTitle')}</PageTitle>
        <Text>{kind === 'invite' ? t('auth.acceptInviteIntro') : t('auth.resetIntro')}</Text>
      </div>
      {linkProblem ? (
        <Alert color="red" variant="outline" role="alert">
          {t('auth.linkInvalid')}
        </Alert>
      ) : isApiError(error) && error.isForbidden ? (
        <Alert color="red" variant="outline" role="alert">
          {t('auth.accountDeactivated')}
        </Alert>
      ) : minutes !== null ? (
        <Alert color="orange" variant="outline" role="alert">
          {t('auth.locked', { minutes })}
        </Alert>
      ) : accept.isError && !fields.of('password') ? (
        <ApiErrorAlert error={error} />
      ) : null}
      <Paper withBorder p="md" radius="md">
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label={t('auth.newPassword')}
              description={t('auth.passwordRules')}
              name="new-password"
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fields.of('password')}
            />
            <PasswordInput
              label={t('auth.confirmPassword')}
              name="confirm-password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(e) => setConfirm(e.currentTarget.value)}
              error={fields.of('confirm')}
            />
            <Button type="submit" loading={accept.isPending}>
              {t('auth.setPassword')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

export const AcceptInvitePage = () => <ChoosePassword kind="invite" />;
export const ResetPasswordPage = () => <ChoosePassword kind="reset" />;
