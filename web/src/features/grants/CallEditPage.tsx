import {
  Alert,
  Button,
  Group,
  List,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type GrantCall, grantCallKind } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { DocumentsEditor, RubricEditor } from './CallListsEditors.tsx';
import { type CallDraft, callBody, draftFromCall, editorField, emptyCall, updateBody } from './callDraft.ts';
import { FormPicker } from './FormPicker.tsx';
import { MoneyField, RefusalAlert, useBilingual } from './GrantsBits.tsx';
import { callQuery, grantsApi, grantsKeys } from './grantsApi.ts';
import { RulesEditor } from './RulesEditor.tsx';

const CURRENCIES = ['UAH', 'EUR', 'USD'] as const;

function Section({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb={hint ? 4 : 'sm'}>
        {title}
      </Title>
      {hint && (
        <Text size="sm" mb="sm" c="dimmed">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  );
}

/** Server field problems by editor field (`details.fields`), as they came. */
function serverProblems(error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const details = error.details as { fields?: { field?: unknown; message?: unknown }[] } | undefined;
  const out: Record<string, string> = {};
  for (const f of details?.fields ?? []) {
    if (typeof f.field === 'string') out[editorField(f.field)] ??= String(f.message ?? '');
  }
  return out;
}

function CallEditor({ call }: { call: GrantCall | null }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<CallDraft>(() => (call ? draftFromCall(call) : emptyCall()));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const fixed = call !== null && call.status !== 'draft';
  const set = <K extends keyof CallDraft>(name: K, value: CallDraft[K]) =>
    setDraft((d) => ({ ...d, [name]: value }));

  const save = useMutation({
    mutationFn: async () => {
      const built = call ? updateBody(draft, call) : callBody(draft);
      if (built.problems) {
        throw Object.assign(new Error('invalid'), { local: built.problems });
      }
      return call
        ? grantsApi.updateCall(call.id, built.body as never)
        : grantsApi.createCall(built.body as never);
    },
    onMutate: () => setProblems({}),
    onSuccess: (saved) => {
      queryClient.setQueryData(grantsKeys.call(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['grants', 'calls'] });
      void navigate(`/grants/calls/${saved.id}`);
    },
    onError: (error) => {
      const local = (error as { local?: Record<string, string> }).local;
      setProblems(
        local
          ? Object.fromEntries(Object.entries(local).map(([k, v]) => [k, t(v as 'forms.required')]))
          : serverProblems(error),
      );
      window.setTimeout(() => summaryRef.current?.focus(), 0);
    },
  });

  const errorOf = (field: string) => problems[field];
  /** Which part of the editor a problem is in, in words. */
  const whereIs = (field: string) => {
    const [head, index] = field.split('.');
    const n = Number(index) + 1;
    if (head === 'rules' && index) return t('grants.editor.ruleN', { n });
    if (head === 'documents' && index) return t('grants.editor.documentLegend', { n });
    if (head === 'criteria' && index) return t('grants.editor.criterionLegend', { n });
    const known: Record<string, string> = {
      titleUk: t('grants.editor.titleUk'),
      titleEn: t('grants.editor.titleEn'),
      descriptionUk: t('grants.editor.descriptionUk'),
      descriptionEn: t('grants.editor.descriptionEn'),
      budgetMinor: t('grants.call.budget'),
      maxPerGrantMinor: t('grants.call.maxPerGrant'),
      opensAt: t('grants.call.opensAt'),
      closesAt: t('grants.call.closesAt'),
      reviewersPerApplication: t('grants.editor.reviewersPerApplication'),
      form: t('grants.editor.form'),
      scoringRubric: t('grants.editor.rubricHeading'),
      requiredDocuments: t('grants.editor.documentsHeading'),
      eligibilityRules: t('grants.editor.rulesHeading'),
    };
    return known[field] ?? field;
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const problemList = Object.entries(problems);
  const title = call
    ? t('grants.editor.editTitle', { title: text(call.title) })
    : t('grants.editor.newTitle');

  return (
    <Stack gap="md" maw={1000}>
      <Breadcrumbs
        label={t('grants.breadcrumbs')}
        items={[
          { label: t('grants.calls.title'), to: '/grants/calls' },
          ...(call ? [{ label: text(call.title), to: `/grants/calls/${call.id}` }] : []),
          { label: call ? t('grants.editor.edit') : t('grants.editor.newTitle') },
        ]}
      />
      <PageTitle>{title}</PageTitle>
      {fixed && (
        <Alert color="#1864ab" variant="outline" role="note">
          {t('grants.editor.openCallNote')}
        </Alert>
      )}
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          <div ref={summaryRef} tabIndex={-1}>
            {problemList.length > 0 && (
              <Alert color="#b02525" variant="outline" role="alert" title={t('grants.editor.problemsTitle')}>
                <List size="sm" spacing={2}>
                  {problemList.map(([field, message]) => (
                    <List.Item key={field}>
                      {t('grants.editor.problemAt', { field: whereIs(field), message })}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {save.isError && problemList.length === 0 && <RefusalAlert error={save.error} />}
          </div>

          <Section id="call-basics" title={t('grants.editor.basics')}>
            <Stack gap="sm">
              <NativeSelect
                label={t('grants.call.kind')}
                disabled={fixed}
                value={draft.kind}
                onChange={(e) => set('kind', e.currentTarget.value as CallDraft['kind'])}
                data={grantCallKind.options.map((k) => ({ value: k, label: t(`grants.kinds.${k}`) }))}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput
                  label={t('grants.editor.titleUk')}
                  required
                  lang="uk"
                  value={draft.titleUk}
                  onChange={(e) => set('titleUk', e.currentTarget.value)}
                  error={errorOf('titleUk')}
                />
                <TextInput
                  label={t('grants.editor.titleEn')}
                  required
                  lang="en"
                  value={draft.titleEn}
                  onChange={(e) => set('titleEn', e.currentTarget.value)}
                  error={errorOf('titleEn')}
                />
              </SimpleGrid>
              <Textarea
                label={t('grants.editor.descriptionUk')}
                required
                lang="uk"
                autosize
                minRows={4}
                value={draft.descriptionUk}
                onChange={(e) => set('descriptionUk', e.currentTarget.value)}
                error={errorOf('descriptionUk')}
              />
              <Textarea
                label={t('grants.editor.descriptionEn')}
                required
                lang="en"
                autosize
                minRows={4}
                value={draft.descriptionEn}
                onChange={(e) => set('descriptionEn', e.currentTarget.value)}
                error={errorOf('descriptionEn')}
              />
            </Stack>
          </Section>

          <Section id="call-money" title={t('grants.editor.moneyAndDates')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('grants.editor.currency')}
                disabled={fixed}
                value={draft.currency}
                onChange={(e) => set('currency', e.currentTarget.value)}
                data={[...CURRENCIES]}
              />
              <TextInput
                label={t('grants.editor.reviewersPerApplication')}
                inputMode="numeric"
                required
                disabled={fixed}
                value={draft.reviewersPerApplication}
                onChange={(e) => set('reviewersPerApplication', e.currentTarget.value)}
                error={errorOf('reviewersPerApplication')}
              />
              <MoneyField
                label={t('grants.call.budget')}
                required
                disabled={fixed}
                currency={draft.currency}
                value={draft.budgetMinor}
                onChange={(v) => set('budgetMinor', v)}
                error={errorOf('budgetMinor')}
              />
              <MoneyField
                label={t('grants.call.maxPerGrant')}
                required
                disabled={fixed}
                currency={draft.currency}
                value={draft.maxPerGrantMinor}
                onChange={(v) => set('maxPerGrantMinor', v)}
                error={errorOf('maxPerGrantMinor')}
              />
              <TextInput
                label={t('grants.call.opensAt')}
                type="datetime-local"
                required
                disabled={fixed}
                value={draft.opensAt}
                onChange={(e) => set('opensAt', e.currentTarget.value)}
                error={errorOf('opensAt')}
              />
              <TextInput
                label={t('grants.call.closesAt')}
                description={fixed ? t('grants.editor.closesLaterOnly') : undefined}
                type="datetime-local"
                required
                value={draft.closesAt}
                onChange={(e) => set('closesAt', e.currentTarget.value)}
                error={errorOf('closesAt')}
              />
            </SimpleGrid>
          </Section>

          <Section id="call-form" title={t('grants.editor.formHeading')}>
            <FormPicker
              formId={draft.formId}
              version={draft.formVersion}
              disabled={fixed}
              error={errorOf('form')}
              onChange={({ id, version }) => setDraft((d) => ({ ...d, formId: id, formVersion: version }))}
            />
          </Section>

          <Section
            id="call-rules"
            title={t('grants.editor.rulesHeading')}
            hint={t('grants.editor.rulesHint')}
          >
            <RulesEditor
              rules={draft.rules}
              currency={draft.currency}
              disabled={fixed}
              errorOf={errorOf}
              onChange={(rules) => set('rules', rules)}
            />
            {errorOf('eligibilityRules') && (
              <Text c="red.8" size="sm" mt="xs">
                {errorOf('eligibilityRules')}
              </Text>
            )}
          </Section>

          <Section
            id="call-documents"
            title={t('grants.editor.documentsHeading')}
            hint={t('grants.editor.documentsHint')}
          >
            <DocumentsEditor
              items={draft.documents}
              disabled={fixed}
              errorOf={errorOf}
              onChange={(documents) => set('documents', documents)}
            />
          </Section>

          <Section
            id="call-rubric"
            title={t('grants.editor.rubricHeading')}
            hint={t('grants.editor.rubricHint')}
          >
            <RubricEditor
              items={draft.criteria}
              disabled={fixed}
              errorOf={errorOf}
              onChange={(criteria) => set('criteria', criteria)}
            />
          </Section>

          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              {call ? t('grants.editor.saveChanges') : t('grants.editor.create')}
            </Button>
            <Button
              variant="default"
              onClick={() => void navigate(call ? `/grants/calls/${call.id}` : '/grants/calls')}
            >
              {t('forms.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

export function CallCreatePage() {
  return <CallEditor call={null} />;
}

export function CallEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const call = useQuery(callQuery(id));
  if (call.isPending) return <Loading />;
  if (call.isError) return <ApiErrorAlert error={call.error} notFoundText={t('grants.callNotFound')} />;
  return <CallEditor key={`${call.data.id}:${call.data.version}`} call={call.data} />;
}
