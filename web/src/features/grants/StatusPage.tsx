import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ApplicationStatusView } from '@oselia/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { draftKeyStore } from './applyDraft.ts';
import { RefusalAlert, useBilingual } from './GrantsBits.tsx';
import { type ApplicantKey, publicGrantsApi } from './publicGrantsApi.ts';

function StatusView({ view, applicantKey }: { view: ApplicationStatusView; applicantKey: ApplicantKey }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const format = usePeopleFormat();
  const navigate = useNavigate();
  const resume = useMutation({
    mutationFn: () => publicGrantsApi.load(applicantKey),
    onSuccess: (app) => {
      draftKeyStore.write(app.callId, applicantKey);
      void navigate(`/calls/${app.callId}/apply`);
    },
  });
  return (
    <section aria-labelledby="status-result-heading">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={2} size="h3" id="status-result-heading">
            {t('grants.status.resultHeading', { code: view.referenceCode })}
          </Title>
          <DefinitionList
            items={[
              { term: t('grants.status.call'), description: text(view.callTitle) },
              { term: t('grants.status.status'), description: t(`grants.publicStatus.${view.status}`) },
              {
                term: t('grants.status.submittedAt'),
                description: format.dateTime(view.submittedAt) ?? t('grants.status.notSubmitted'),
              },
              { term: t('grants.status.updatedAt'), description: format.dateTime(view.updatedAt) },
            ]}
          />
          <Text size="sm">{t(`grants.publicStatusExplained.${view.status}`)}</Text>
          {view.status === 'draft' && (
            <div>
              <Button variant="light" onClick={() => resume.mutate()} loading={resume.isPending}>
                {t('grants.status.continue')}
              </Button>
              {resume.isError && <RefusalAlert error={resume.error} />}
            </div>
          )}
          <Title order={3} size="h4">
            {t('grants.status.messages')}
          </Title>
          {view.messages.length === 0 ? (
            <Text size="sm">{t('grants.status.noMessages')}</Text>
          ) : (
            <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {view.messages.map((m) => (
                <Paper component="li" withBorder p="sm" key={`${m.at}:${m.subject}`}>
                  <Text fw={600}>{m.subject}</Text>
                  <Text size="xs" c="dimmed">
                    {format.dateTime(m.at)}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }} mt={4}>
                    {m.body}
                  </Text>
                </Paper>
              ))}
            </Stack>
          )}
        </Stack>
      </Paper>
    </section>
  );
}

/** The status of an application for its applicant: the reference code and the secret, nothing else. */
export function StatusPage() {
  const { t } = useTranslation();
  const [referenceCode, setReferenceCode] = useState('');
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<{ referenceCode?: string; secret?: string }>({});
  const [asked, setAsked] = useState<ApplicantKey | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const check = useMutation({
    mutationFn: (key: ApplicantKey) => publicGrantsApi.status(key),
    onSettled: () => window.setTimeout(() => resultRef.current?.focus(), 0),
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (referenceCode.trim().length < 6) found.referenceCode = t('grants.status.codeNeeded');
    if (secret.trim().length < 10) found.secret = t('grants.status.secretNeeded');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const key = { referenceCode: referenceCode.trim(), secret: secret.trim() };
    setAsked(key);
    check.mutate(key);
  };

  const notFound = isApiError(check.error) && (check.error.isNotFound || check.error.status === 400);
  return (
    <Stack gap="md" maw={760}>
      <PageTitle>{t('grants.status.title')}</PageTitle>
      <Text>{t('grants.status.intro')}</Text>
      <form onSubmit={onSubmit} noValidate aria-label={t('grants.status.title')}>
        <Stack gap="sm">
          <TextInput
            label={t('grants.apply.referenceCode')}
            description={t('grants.status.codeHint')}
            required
            autoComplete="off"
            value={referenceCode}
            onChange={(e) => setReferenceCode(e.currentTarget.value)}
            error={errors.referenceCode}
          />
          <TextInput
            label={t('grants.apply.secret')}
            required
            autoComplete="off"
            spellCheck={false}
            value={secret}
            onChange={(e) => setSecret(e.currentTarget.value)}
            error={errors.secret}
          />
          <div>
            <Button type="submit" loading={check.isPending}>
              {t('grants.status.check')}
            </Button>
          </div>
        </Stack>
      </form>
      <div ref={resultRef} tabIndex={-1}>
        {check.isSuccess && asked && <StatusView view={check.data} applicantKey={asked} />}
        {check.isError &&
          (notFound ? (
            <Alert color="#8a4b00" variant="outline" role="alert" title={t('grants.status.notFoundTitle')}>
              {t('grants.status.notFoundBody')}
            </Alert>
          ) : (
            <RefusalAlert error={check.error} />
          ))}
      </div>
    </Stack>
  );
}
