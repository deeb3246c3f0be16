import { Alert, Button, FileInput, Stack, Text, TextInput } from '@mantine/core';
import { importSourceName } from '@oselia/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isApiError } from '../../../api/errors.ts';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import type { UploadState } from './ImportPage.tsx';
import { ImportSteps } from './ImportSteps.tsx';
import { uploadPeopleFile } from './importApi.ts';

const SOURCE_KEY = 'oselia.peopleImport.source';

/** Step 1: the source and the file. The file is read at once; the next steps have its own address. */
export function ImportUploadPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [source, setSource] = useState(() => localStorage.getItem(SOURCE_KEY) ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [sourceError, setSourceError] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: ({ source, file }: { source: string; file: File }) => uploadPeopleFile(source, file),
    onSuccess: (result, vars) => {
      localStorage.setItem(SOURCE_KEY, vars.source);
      const state: UploadState = {
        sampleRows: result.sampleRows,
        mappingSavedForSource: result.mappingSavedForSource,
      };
      navigate(`/people/import/${result.importId}`, { state });
    },
  });

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    // The server's own rule for a source name (trimmed, its length and characters).
    const name = importSourceName.safeParse(source);
    if (!name.success) {
      setSourceError(t('peopleImport.sourceInvalid'));
      return;
    }
    setSourceError(null);
    if (file) upload.mutate({ source: name.data, file });
  }

  return (
    <Stack gap="lg" maw={760}>
      <div>
        <PageTitle>{t('peopleImport.title')}</PageTitle>
        <Text>{t('peopleImport.intro')}</Text>
      </div>
      <ImportSteps current={1} />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('peopleImport.source')}
            description={t('peopleImport.sourceHint')}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            error={sourceError}
            required
            maxLength={100}
            autoComplete="off"
          />
          <FileInput
            label={t('peopleImport.file')}
            description={t('peopleImport.fileHint')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(f) => {
              setFile(f);
              upload.reset();
            }}
            required
            clearable
            clearButtonProps={{ 'aria-label': t('peopleImport.clearFile') }}
          />
          <div>
            <Button type="submit" disabled={!file || !source.trim()} loading={upload.isPending}>
              {t('peopleImport.upload')}
            </Button>
          </div>
          {upload.isPending && (
            <Text size="sm" role="status">
              {t('peopleImport.uploading')}
            </Text>
          )}
          {upload.isError && <UploadRefusal error={upload.error} />}
        </Stack>
      </form>
    </Stack>
  );
}

/** Why a file was refused, in the reader's language, with the server's own words for the detail. */
function UploadRefusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  // A 400 for the file itself (empty, no header row); other 400s (a bad source name) are not the file's.
  const aboutTheFile =
    isApiError(error) && ([413, 415, 422].includes(error.status) || error.code === 'BAD_REQUEST');
  if (!aboutTheFile) return <ApiErrorAlert error={error} />;
  const reason =
    error.status === 413
      ? t('peopleImport.refusals.tooLarge')
      : error.status === 415
        ? t('peopleImport.refusals.notSupported')
        : error.status === 422
          ? t('peopleImport.refusals.unreadable')
          : t('peopleImport.refusals.empty');
  return (
    <Alert color="red" variant="outline" role="alert" title={t('peopleImport.fileRefused')}>
      <Text size="sm">{reason}</Text>
      <Text size="sm" mt="xs">
        {t('peopleImport.serverSaid', { message: error.message })}
      </Text>
    </Alert>
  );
}
