import { Alert, Button, Group, List, Radio, Stack, Text } from '@mantine/core';
import type { ApplicationDocument, PublicGrantCall } from '@oselia/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { currentLanguage, intlLocale } from '../../i18n/index.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { ApplicantKeyPanel } from './ApplicantKeyPanel.tsx';
import { ApplicationDocuments } from './ApplicationDocuments.tsx';
import { ApplicantFieldset, OrganisationFieldset, type Submitted, SubmittedView } from './ApplyFieldsets.tsx';
import {
  type ApplyFields,
  applyFieldErrors,
  applyRefusal,
  draftBody,
  draftKeyStore,
  emptyFields,
  fieldsFrom,
  namesMissing,
  type Translate,
  uploadRefusal,
} from './applyDraft.ts';
import { CallFormAnswers } from './CallFormAnswers.tsx';
import { RefusalAlert, useBilingual } from './GrantsBits.tsx';
import { type ApplicantKey, publicCallQuery, publicGrantsApi, saveBlob } from './publicGrantsApi.ts';

/** The application form of one call, for anyone: draft saved with a reference code and secret, documents, submit. */
export function ApplyPage() {
  const { id: callId = '' } = useParams();
  const { t } = useTranslation();
  const call = useQuery(publicCallQuery(callId));
  if (call.isPending) return <Loading />;
  if (call.isError)
    return <ApiErrorAlert error={call.error} notFoundText={t('grants.public.callNotFound')} />;
  return <ApplyForm call={call.data} />;
}

function ApplyForm({ call }: { call: PublicGrantCall }) {
  const { t, i18n } = useTranslation();
  const tr = t as unknown as Translate;
  const text = useBilingual();
  const format = usePeopleFormat();
  const [key, setKey] = useState<ApplicantKey | null>(() => draftKeyStore.read(call.id));
  const [version, setVersion] = useState<number | null>(null);
  const [fields, setFields] = useState<ApplyFields>(() => emptyFields(currentLanguage(i18n.language)));
  const [documents, setDocuments] = useState<ApplicationDocument[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formProblems, setFormProblems] = useState<unknown[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busyKind, setBusyKind] = useState<string | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // A draft started earlier in this tab: load it back.
  const stored = useQuery({
    queryKey: ['public-grants', 'own', key?.referenceCode ?? ''],
    queryFn: ({ signal }) => publicGrantsApi.load(key!, signal),
    enabled: key !== null && version === null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  useEffect(() => {
    if (!stored.data || version !== null) return;
    setFields((f) => fieldsFrom(stored.data, f));
    setDocuments(stored.data.documents);
    setVersion(stored.data.version);
  }, [stored.data, version]);
  useEffect(() => {
    if (stored.isError && key) {
      draftKeyStore.clear(call.id);
      setKey(null);
    }
  }, [stored.isError, key, call.id]);

  const set = <K extends keyof ApplyFields>(name: K, value: ApplyFields[K]) =>
    setFields((f) => ({ ...f, [name]: value }));

  const showProblems = (error: unknown) => {
    setErrors(applyFieldErrors(tr, error));
    const details = (error as { details?: { problems?: unknown[] } }).details;
    setFormProblems(Array.isArray(details?.problems) ? details.problems : []);
    setRefusal(applyRefusal(tr, error));
    window.setTimeout(() => summaryRef.current?.focus(), 0);
  };

  /** Saves the draft (starting it the first time); returns the key and the version saved. */
  async function saveDraft(): Promise<{ key: ApplicantKey; version: number }> {
    if (namesMissing(fields)) {
      const problem = { familyName: t('grants.apply.errors.namesFirst') };
      setErrors(problem);
      throw Object.assign(new Error('names'), { handled: true });
    }
    const body = draftBody(fields);
    if (!key || version === null) {
      const started = await publicGrantsApi.start(call.id, body);
      const k = { referenceCode: started.referenceCode, secret: started.secret };
      draftKeyStore.write(call.id, k);
      setKey(k);
      setVersion(started.version);
      return { key: k, version: started.version };
    }
    const saved = await publicGrantsApi.save(key, { ...body, version });
    setVersion(saved.version);
    setDocuments(saved.documents);
    return { key, version: saved.version };
  }

  const save = useMutation({
    mutationFn: saveDraft,
    onMutate: () => {
      setErrors({});
      setRefusal(null);
    },
    onSuccess: () => setSavedAt(new Date().toISOString()),
    onError: (error) => {
      if (!(error as { handled?: boolean }).handled) showProblems(error);
    },
  });

  const submit = useMutation({
    mutationFn: async () => {
      const saved = await saveDraft();
      const result = await publicGrantsApi.submit(saved.key, saved.version);
      return { ...result, key: saved.key };
    },
    onMutate: () => {
      setErrors({});
      setRefusal(null);
      setFormProblems([]);
    },
    onSuccess: (result) => {
      draftKeyStore.clear(call.id);
      setSubmitted({ referenceCode: result.referenceCode, submittedAt: result.submittedAt, key: result.key });
      window.scrollTo({ top: 0 });
    },
    onError: (error) => {
      if (!(error as { handled?: boolean }).handled) showProblems(error);
    },
  });

  const upload = useMutation({
    mutationFn: async ({ kind, file }: { kind: string; file: File }) => {
      const saved = key && version !== null ? { key } : await saveDraft();
      return publicGrantsApi.upload(saved.key, kind, file);
    },
    onMutate: ({ kind }) => {
      setBusyKind(kind);
      setErrors((e) => {
        const { [`documents.${kind}`]: _gone, ...rest } = e;
        return rest;
      });
    },
    onSuccess: (doc) => setDocuments((d) => [...d, doc]),
    onError: (error, { kind, file }) =>
      setErrors((e) => ({
        ...e,
        [`documents.${kind}`]: uploadRefusal(tr, error, file.name, intlLocale(i18n.language)),
      })),
    onSettled: () => setBusyKind(null),
  });

  const remove = useMutation({
    mutationFn: (documentId: string) => publicGrantsApi.removeDocument(key!, documentId),
    onSuccess: (_, documentId) => setDocuments((d) => d.filter((x) => x.id !== documentId)),
  });

  if (submitted) return <SubmittedView call={call} submitted={submitted} />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  const fieldError = (name: string) => errors[name];
  const errorList = Object.entries(errors);
  const accepting = call.status === 'open' && Date.parse(call.closesAt) > Date.now();
  const loading = key !== null && version === null && stored.isPending;

  return (
    <Stack gap="md" maw={900}>
      <Breadcrumbs
        label={t('grants.breadcrumbs')}
        items={[
          { label: t('grants.public.callsTitle'), to: '/calls' },
          { label: text(call.title), to: `/calls/${call.id}` },
          { label: t('grants.apply.title') },
        ]}
      />
      <PageTitle documentTitle={`${t('grants.apply.title')}: ${text(call.title)}`}>
        {t('grants.apply.title')}: {text(call.title)}
      </PageTitle>
      <Text maw={760}>{t('grants.apply.intro', { date: format.dateTime(call.closesAt) })}</Text>
      {!accepting && (
        <Alert color="#b02525" variant="outline" role="alert">
          {t('grants.apply.errors.closed')}
        </Alert>
      )}
      {key && <ApplicantKeyPanel applicantKey={key} />}
      {loading ? (
        <Loading />
      ) : (
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby="apply-heading">
          <span id="apply-heading" className="visually-hidden">
            {t('grants.apply.title')}
          </span>
          <Stack gap="lg">
            <div ref={summaryRef} tabIndex={-1}>
              {(refusal || errorList.length > 0 || formProblems.length > 0) && (
                <Alert
                  color="#b02525"
                  variant="outline"
                  role="alert"
                  title={refusal ?? t('grants.apply.errors.summary')}
                >
                  {errorList.length > 0 && (
                    <List size="sm" spacing={2}>
                      {errorList.map(([name, message]) => (
                        <List.Item key={name}>{message}</List.Item>
                      ))}
                    </List>
                  )}
                  {formProblems.length > 0 && errorList.length === 0 && (
                    <Text size="sm">{t('grants.apply.errors.formProblems')}</Text>
                  )}
                </Alert>
              )}
              {(save.isError || submit.isError) &&
                !refusal &&
                errorList.length === 0 &&
                formProblems.length === 0 &&
                !((save.error ?? submit.error) as { handled?: boolean } | null)?.handled && (
                  <ApiErrorAlert error={save.error ?? submit.error} />
                )}
            </div>

            <Radio.Group
              label={t('grants.apply.language')}
              description={t('grants.apply.languageHint')}
              value={fields.language}
              onChange={(v) => set('language', v === 'en' ? 'en' : 'uk')}
            >
              <Group gap="md" mt={4}>
                <Radio value="uk" label="Українська" />
                <Radio value="en" label="English" />
              </Group>
            </Radio.Group>

            <ApplicantFieldset fields={fields} set={set} errorOf={fieldError} />
            <OrganisationFieldset call={call} fields={fields} set={set} errorOf={fieldError} />

            <CallFormAnswers
              definition={call.form}
              answers={fields.answers}
              problems={formProblems}
              language={fields.language}
              onChange={(answers) => set('answers', answers)}
            />

            <ApplicationDocuments
              required={call.requiredDocuments}
              uploaded={documents}
              busyKind={busyKind}
              disabled={!accepting}
              errors={errors}
              onUpload={(kind, file) => upload.mutate({ kind, file })}
              onRemove={(documentId) => remove.mutate(documentId)}
              onDownload={(doc) => {
                if (key)
                  void publicGrantsApi.download(key, doc.id).then((blob) => saveBlob(blob, doc.fileName));
              }}
            />
            {remove.isError && <RefusalAlert error={remove.error} />}

            <Group gap="sm">
              <Button
                type="button"
                variant="default"
                onClick={() => save.mutate()}
                loading={save.isPending}
                disabled={!accepting}
              >
                {t('grants.apply.saveDraft')}
              </Button>
              <Button type="submit" loading={submit.isPending} disabled={!accepting}>
                {t('grants.apply.submit')}
              </Button>
            </Group>
            <Text size="sm" role="status">
              {save.isSuccess && savedAt ? t('grants.apply.saved', { time: format.dateTime(savedAt) }) : ''}
            </Text>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
