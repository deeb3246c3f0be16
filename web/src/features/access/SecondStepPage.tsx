import { Alert, Anchor, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { mfaBody } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { authApi } from './accessApi.ts';
import { retryMinutes } from './authErrors.ts';
import { focusFirstInvalid, useFieldErrors, validate } from './forms.ts';
import { safeNext } from './permissions.ts';
import { afterSignIn } from './SignInPage.tsx';
import { rememberSession, useSession } from './session.ts';

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function SecondStepPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const formRef = useRef<HTMLFormElement>(null);
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const fields = useFieldErrors();

  const verify = useMutation({
    mutationFn: authApi.secondStep,
    onSuccess: (s) => {
      rememberSession(queryClient, s);
      void navigate(next, { replace: true });
    },
  });

  if (session.isPending) return <Loading />;
  if (!verify.isSuccess && !verify.isPending) {
    if (!session.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
    if (session.data.state !== 'mfa_pending')
      return <Navigate to={afterSignIn(session.data.state, next)} replace />;
  }

  const field = useRecovery ? 'recoveryCode' : 'code';
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    verify.reset();
    const value = useRecovery ? code.trim() : code.replace(/\s+/g, '');
    const result = validate(t, mfaBody, useRecovery ? { recoveryCode: value } : { code: value });
    if (result.errors) {
      fields.setErrors({ [field]: useRecovery ? t('forms.invalid') : t('forms.sixDigits') });
      focusFirstInvalid(formRef.current);
      return;
    }
    fields.clear();
    verify.mutate(result.data);
  };

  const minutes = retryMinutes(verify.error);
  const wrong = isApiError(verify.error) && verify.error.isUnauthenticated;

  return (
    <Stack maw={420} gap="md">
      <div>
        <PageTitle>{t('auth.codeTitle')}</PageTitle>
        <Text>{useRecovery ? t('auth.recoveryHint') : t('auth.codeIntro')}</Text>
      </div>
      {minutes !== null && (
        <Alert color="orange" variant="outline" role="alert" title={t('auth.lockedTitle')}>
          {t('auth.locked', { minutes })}
        </Alert>
      )}
      {verify.isError && minutes === null && !wrong && <ApiErrorAlert error={verify.error} />}
      <Paper withBorder p="md" radius="md">
        <form ref={formRef} onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <TextInput
              key={field}
              label={useRecovery ? t('auth.recoveryCode') : t('auth.code')}
              description={useRecovery ? undefined : t('auth.codeHint')}
              name={field}
              autoComplete="one-time-code"
              inputMode={useRecovery ? 'text' : 'numeric'}
              maxLength={useRecovery ? 40 : 6}
              required
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              error={fields.of(field) ?? (wrong ? t('auth.codeWrong') : undefined)}
              styles={{
                input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.1em' },
              }}
            />
            <Button type="submit" loading={verify.isPending}>
              {t('auth.verify')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Anchor
        component="button"
        type="button"
        onClick={() => {
          setUseRecovery((v) => !v);
          setCode('');
          fields.clear();
          verify.reset();
        }}
        style={{ alignSelf: 'flex-start' }}
      >
        {useRecovery ? t('auth.useApp') : t('auth.useRecovery')}
      </Anchor>
    </Stack>
  );
}
