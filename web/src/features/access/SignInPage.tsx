import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { signInBody } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { authApi } from './accessApi.ts';
import { signInErrorText } from './authErrors.ts';
import { focusFirstInvalid, serverFieldErrors, useFieldErrors, validate } from './forms.ts';
import { safeNext } from './permissions.ts';
import { rememberSession, setSigningOut, useSession } from './session.ts';

/** Where a fresh session goes next, by its state. */
export function afterSignIn(state: 'active' | 'mfa_pending' | 'mfa_enrolment_required', next: string) {
  const back = encodeURIComponent(next);
  if (state === 'mfa_pending') return `/sign-in/code?next=${back}`;
  if (state === 'mfa_enrolment_required') return `/account/two-factor?next=${back}`;
  return next;
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const fields = useFieldErrors();
  useEffect(() => setSigningOut(false), []);

  const signIn = useMutation({
    mutationFn: authApi.signIn,
    onSuccess: (s) => {
      rememberSession(queryClient, s);
      void navigate(afterSignIn(s.state, next), { replace: true });
    },
    onError: (error) => {
      fields.setErrors(serverFieldErrors(t, error));
      if (isApiError(error) && error.status === 400) focusFirstInvalid(formRef.current);
    },
  });

  // Just signed out (`bye`): the session is being forgotten; do not bounce back into the app.
  if (session.data && !params.get('bye') && !signIn.isPending && !signIn.isSuccess) {
    return <Navigate to={afterSignIn(session.data.state, next)} replace />;
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.reset();
    const result = validate(t, signInBody, { email, password });
    if (result.errors) {
      fields.setErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    fields.clear();
    signIn.mutate(result.data);
  };

  const bye = params.get('bye');
  const notice =
    bye === 'all'
      ? t('auth.signedOutEverywhere')
      : bye
        ? t('auth.signedOut')
        : params.get('set')
          ? t('auth.passwordSet')
          : null;
  const errorText = signIn.isError ? signInErrorText(t, signIn.error) : null;
  const locked = isApiError(signIn.error) && signIn.error.status === 429;

  return (
    <Stack maw={420} gap="md">
      <div>
        <PageTitle>{t('auth.signInTitle')}</PageTitle>
        <Text>{t('auth.signInIntro')}</Text>
      </div>
      {notice && !signIn.isError && (
        <Alert color="green" variant="outline" role="status">
          {notice}
        </Alert>
      )}
      {signIn.isError &&
        (errorText ? (
          <Alert
            color={locked ? 'orange' : 'red'}
            variant="outline"
            role="alert"
            title={locked ? t('auth.lockedTitle') : undefined}
          >
            {errorText}
          </Alert>
        ) : isApiError(signIn.error) && signIn.error.status === 400 ? null : (
          <ApiErrorAlert error={signIn.error} />
        ))}
      <Paper withBorder p="md" radius="md">
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('auth.email')}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fields.of('email')}
            />
            <PasswordInput
              label={t('auth.password')}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={fields.of('password')}
            />
            <Button type="submit" loading={signIn.isPending}>
              {t('auth.signIn')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
