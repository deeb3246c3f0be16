import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../../ui/format.ts';
import { Loading } from '../../../ui/Loading.tsx';
import { PageTitle } from '../../../ui/PageTitle.tsx';
import { ImportOutcome } from './ImportOutcome.tsx';
import { ImportSteps, STEP_HEADING_ID } from './ImportSteps.tsx';
import { importQuery } from './importApi.ts';
import { stepOf } from './importRules.ts';
import { MappingStep } from './MappingStep.tsx';
import { ReportStep } from './ReportStep.tsx';

/** What the upload answered that the import record does not keep; carried in the history entry. */
export interface UploadState {
  sampleRows: Record<string, string>[];
  mappingSavedForSource: boolean;
}

/**
 * Steps 2–4 of an import, at an address of its own: the page follows the import's status on the
 * server, so it can be left and opened again (the import job goes on meanwhile).
 */
export function ImportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const upload = (useLocation().state as UploadState | null) ?? null;
  const query = useQuery(importQuery(id));
  const [remapping, setRemapping] = useState(false);
  const imp = query.data;
  const step = imp ? (remapping ? 2 : stepOf(imp)) : null;

  // When the step changes, bring its heading to focus so that screen readers follow.
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current !== null && step !== null && shownStep.current !== step)
      document.getElementById(STEP_HEADING_ID)?.focus();
    shownStep.current = step;
  }, [step]);

  return (
    <Stack gap="lg" maw={960}>
      <div>
        <PageTitle>{t('peopleImport.title')}</PageTitle>
        {imp && (
          <>
            <Text>
              {t('peopleImport.fileSummary', {
                fileName: imp.fileName,
                format: imp.format.toUpperCase(),
                rows: format.number(imp.rowCount),
                columns: format.number(imp.columns.length),
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('peopleImport.sourceLabel', { source: imp.source })}
            </Text>
          </>
        )}
      </div>
      {query.isPending && <Loading />}
      {query.isError && (
        <ApiErrorAlert
          error={query.error}
          onRetry={() => query.refetch()}
          notFoundText={t('peopleImport.notFound')}
        />
      )}
      {imp && step !== null && (
        <>
          <ImportSteps current={step} finished={imp.status === 'imported'} />
          {step === 2 && (
            <MappingStep
              imp={imp}
              sampleRows={upload?.sampleRows ?? []}
              mappingSaved={upload?.mappingSavedForSource ?? false}
              onChecked={() => setRemapping(false)}
              onCancel={remapping ? () => setRemapping(false) : undefined}
            />
          )}
          {step === 3 && <ReportStep imp={imp} onRemap={() => setRemapping(true)} />}
          {step === 4 && <ImportOutcome imp={imp} />}
        </>
      )}
    </Stack>
  );
}
