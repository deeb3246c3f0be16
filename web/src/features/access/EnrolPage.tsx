import {
  Alert,
  Anchor,
  Button,
  CopyButton,
  Group,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { totpConfirmBody } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { SecretField } from '../../ui/SecretField.tsx';
import { authApi } from './accessApi.ts';
import { focusFirstInvalid, serverFieldErrors, useFieldErrors, validate } from './forms.ts';
import { safeNext } from './permissions.ts';
import { SESSION_KEY, useSession } from './session.ts';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type from a screen. */
export const groupInFours = (secret: string) => (secret.match(/.{1,4}/g) ?? []).join(' ');

function RecoveryCodes({ codes, email, onDone }: { codes: string[]; email: string; onDone: () => void }) {
  const { t } = useTranslation();
  const text = `${t('enrol.codesFileHeader', { email })}\n\n${codes.join('\n')}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'oselia-recovery-codes.txt';
    a.click();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Stack gap="md">
      <Title order={2}>{t('enrol.codesTitle')}</Title>
      <Alert color="green" variant="outline" role="status">
        {t('enrol.codesIntro')}
      </Alert>
      <Paper withBorder p="md">
        <List aria-label={t('enrol.codesListLabel')} listStyleType="none" ff="monospace" spacing={4}>
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
      </Paper>
      <Group gap="sm">
        <CopyButton value={text}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('forms.copied') : t('enrol.copyCodes')}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={download}>
          {t('enrol.downloadCodes')}
        </Button>
      </Group>
      <Button onClick={onDone} style={{ alignSelf: 'flex-start' }}>
        {t('enrol.continue')}
      </Button>
    </Stack>
  );
}

/** Two-factor enrolment: forced when the session says so, or chosen from My account. */
export function EnrolPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'), '/account');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const formRef = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState('');
  const fields = useFieldErrors();

  const start = useMutation({ mutationFn: authApi.startEnrolment });
  const confirm = useMutation({
    mutationFn: authApi.confirmEnrolment,
    onError: (error) => {
      fields.setErrors(serverFieldErrors(t, error));
      focusFirstInvalid(formRef.current);
    },
  });

  if (!session.data) return <Loading />;
  const { user, state } = session.data;
  const forced = state === 'mfa_enrolment_required';

  const finish = async () => {
    await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    void navigate(next, { replace: true });
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(t, totpConfirmBody, { code: code.replace(/\s+/g, '') });
    if (result.errors) {
      fields.setErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    fields.clear();
    confirm.mutate(result.data.code);
  };

  let body: ReactNode;
  if (confirm.data) {
    body = (
      <RecoveryCodes codes={confirm.data.recoveryCodes} email={user.email} onDone={() => void finish()} />
    );
  } else if (user.totpEnabled) {
    body = (
      <Stack align="flex-start">
        <Text>{t('enrol.alreadyOn')}</Text>
        <Anchor component={Link} to="/account">
          {t('auth.myAccount')}
        </Anchor>
      </Stack>
    );
  } else if (!start.data) {
    body = (
      <Stack align="flex-start">
        <Text>{t('enrol.intro')}</Text>
        {start.isError && <ApiErrorAlert error={start.error} />}
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t('enrol.start')}
        </Button>
      </Stack>
    );
  } else {
    body = (
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={2}>{t('enrol.step1')}</Title>
          <Text>{t('enrol.step1Text')}</Text>
          <SecretField label={t('enrol.secretLabel')} value={groupInFours(start.data.secret)} />
          <SecretField label={t('enrol.urlLabel')} value={start.data.otpauthUrl} />
          <Text size="sm" c="dimmed">
            {t('enrol.noQr')}
          </Text>
        </Stack>
        <Stack gap="xs">
          <Title order={2}>{t('enrol.step2')}</Title>
          {confirm.isError && !fields.of('code') && <ApiErrorAlert error={confirm.error} />}
          <form ref={formRef} onSubmit={onSubmit} noValidate>
            <Stack gap="sm" maw={320}>
              <TextInput
                label={t('auth.code')}
                description={t('enrol.step2Text')}
                name="code"
                autoComplete="one-time-code"
                inputMode="numeric"
                maxLength={6}
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={fields.of('code')}
              />
              <Button type="submit" loading={confirm.isPending}>
                {t('enrol.confirm')}
              </Button>
            </Stack>
          </form>
        </Stack>
      </Stack>
    );
  }

  return (
    <Stack maw={640} gap="md">
      <PageTitle>{t('enrol.title')}</PageTitle>
      {forced && !confirm.data && (
        <Alert color="blue" variant="outline" role="status">
          {t('enrol.required')}
        </Alert>
      )}
      {body}
    </Stack>
  );
}
