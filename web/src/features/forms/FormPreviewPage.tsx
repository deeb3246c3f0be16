import { Anchor, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { currentLanguage } from '../../i18n/index.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { pickText } from '../../ui/forms/formHelpers.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { FormPreview } from './FormPreview.tsx';
import { formRecordQuery } from './formsApi.ts';

/** A stored form, any of its versions, previewed in either language. */
export function FormPreviewPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('version'));
  const version = Number.isInteger(asked) && asked > 0 ? asked : undefined;
  const form = useQuery(formRecordQuery(id, version));

  if (form.isError) {
    return (
      <Stack gap="md">
        <PageTitle>{t('formDefs.preview.title')}</PageTitle>
        <ApiErrorAlert
          error={form.error}
          notFoundText={t('formDefs.preview.notFound')}
          onRetry={() => void form.refetch()}
        />
      </Stack>
    );
  }
  if (form.isPending) return <Loading />;
  const record = form.data;
  const latest = record.versions[0];
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/forms" size="sm">
        {t('formDefs.preview.back')}
      </Anchor>
      <div>
        <PageTitle>{pickText(record.title, language)}</PageTitle>
        <Group gap="md">
          <Text size="sm">{t('formDefs.preview.questions', { n: record.questionCount })}</Text>
          <Text size="sm">
            {t('formDefs.preview.source', { source: t(`formDefs.list.sources.${record.source}`) })}
          </Text>
        </Group>
        {record.definition.description && (
          <Text mt="xs" maw={760}>
            {pickText(record.definition.description, language)}
          </Text>
        )}
      </div>
      {record.versions.length > 1 && (
        <NativeSelect
          label={t('formDefs.preview.version')}
          value={String(record.version)}
          onChange={(e) => setParams({ version: e.currentTarget.value }, { replace: true })}
          data={record.versions.map((v) => ({
            value: String(v),
            label: `${t('formDefs.preview.versionN', { n: v })}${v === latest ? ` (${t('formDefs.preview.latest')})` : ''}`,
          }))}
          style={{ maxWidth: '16rem' }}
        />
      )}
      <section aria-labelledby="preview-heading">
        <Title order={2} id="preview-heading" size="h3" mb="sm">
          {t('formDefs.import.previewTitle')}
        </Title>
        <FormPreview key={`${record.id}:${record.version}`} definition={record.definition} />
      </section>
    </Stack>
  );
}
