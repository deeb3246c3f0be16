import { Alert, Button, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { FormProblem, XlsFormImportResult } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../api/errors.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { pickText } from '../../ui/forms/formHelpers.ts';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { FormPreview } from './FormPreview.tsx';
import { formsKeys, readXlsForm, saveForm } from './formsApi.ts';

/** The problems a 400 answer carries, if it is one. */
function problemsOf(error: unknown): FormProblem[] | null {
  if (!isApiError(error) || error.status !== 400) return null;
  const problems = (error.details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? (problems as FormProblem[]) : null;
}

/** Upload an XLSForm, see the form it makes (in both languages), then save it. */
export function ImportFormPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<XlsFormImportResult | null>(null);

  const read = useMutation({ mutationFn: readXlsForm, onSuccess: setPreview });
  const save = useMutation({
    mutationFn: () =>
      saveForm({ definition: preview!.definition, source: 'xlsform', sourceName: file?.name ?? null }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: formsKeys.all });
      navigate(`/forms/${saved.id}`);
    },
  });
  const problems = problemsOf(read.error);

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('formDefs.import.title')}</PageTitle>
        <Text maw={760}>{t('formDefs.import.intro')}</Text>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file) read.mutate(file);
        }}
      >
        <Group align="flex-end">
          <FileInput
            label={t('formDefs.import.file')}
            description={t('formDefs.import.fileHint')}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(f) => {
              setFile(f);
              setPreview(null);
              read.reset();
            }}
            clearable
            clearButtonProps={{ 'aria-label': t('formDefs.import.clearFile') }}
            style={{ flex: '1 1 20rem', maxWidth: '32rem' }}
          />
          <Button type="submit" disabled={!file} loading={read.isPending}>
            {t('formDefs.import.read')}
          </Button>
        </Group>
      </form>

      {problems ? (
        <Alert color="red" variant="outline" role="alert" title={t('formDefs.import.problemsTitle')}>
          <Text size="sm" mb="sm">
            {t('formDefs.import.problemsIntro')}
          </Text>
          <Table.ScrollContainer minWidth={480}>
            <Table captionSide="top" verticalSpacing="xs">
              <Table.Caption ta="start">{t('formDefs.import.problemsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('formDefs.import.sheet')}</Table.Th>
                  <Table.Th scope="col">{t('formDefs.import.row')}</Table.Th>
                  <Table.Th scope="col">{t('formDefs.import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: problems have no identity beyond their order
                  <Table.Tr key={i}>
                    <Table.Td>{p.sheet ?? ''}</Table.Td>
                    <Table.Td>{p.row ?? ''}</Table.Td>
                    <Table.Td>{p.message[language]}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Alert>
      ) : (
        read.isError && <ApiErrorAlert error={read.error} />
      )}

      {preview && (
        <section aria-labelledby="import-preview-heading">
          <Title order={2} id="import-preview-heading" size="h3">
            {t('formDefs.import.previewTitle')}: {pickText(preview.definition.title, language)}
          </Title>
          {preview.ignoredRows.length > 0 && (
            <Text size="sm" c="dimmed" mb="sm">
              {t('formDefs.import.ignored', {
                count: preview.ignoredRows.length,
                rows: preview.ignoredRows.map((r) => `${r.row} (${r.type})`).join(', '),
              })}
            </Text>
          )}
          <Group my="md">
            <Button onClick={() => save.mutate()} loading={save.isPending}>
              {t('formDefs.import.save')}
            </Button>
          </Group>
          {save.isError && <ApiErrorAlert error={save.error} />}
          <FormPreview definition={preview.definition} />
        </section>
      )}
    </Stack>
  );
}
