import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { PeopleImport } from '@oselia/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../ui/format.ts';
import { mayOpen, useSession } from '../../access/session.ts';
import { JobProgress, JobStatusBadge } from '../../jobs/JobBits.tsx';
import { isActive, jobQuery } from '../../jobs/jobsApi.ts';
import { peopleKeys } from '../peopleApi.ts';
import { ImportCounts } from './ImportCounts.tsx';
import { STEP_HEADING_ID } from './ImportSteps.tsx';
import { importKeys } from './importApi.ts';

/** Step 4: the import job running (followed every second), then what it did. */
export function ImportOutcome({ imp }: { imp: PeopleImport }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const queryClient = useQueryClient();
  const format = useFormat();
  const imported = imp.status === 'imported';

  const followed = useQuery({ ...jobQuery(imp.job?.id ?? ''), enabled: !!imp.job && !imported });
  const job = (!imported && followed.data) || imp.job;
  const jobEnded = !!followed.data && !isActive(followed.data.status);

  // Once the job has ended, the import has its outcome: read it.
  useEffect(() => {
    if (jobEnded && !imported) void queryClient.invalidateQueries({ queryKey: importKeys.one(imp.id) });
  }, [jobEnded, imported, imp.id, queryClient]);
  // Searches made before the import no longer show everyone.
  useEffect(() => {
    if (imported) void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
  }, [imported, queryClient]);

  return (
    <section aria-labelledby={STEP_HEADING_ID}>
      <Stack gap="md">
        <Title order={2} size="h3" id={STEP_HEADING_ID} tabIndex={-1}>
          {imported ? t('peopleImport.doneTitle') : t('peopleImport.importingTitle')}
        </Title>
        {!imported && <Text>{t('peopleImport.importingIntro')}</Text>}
        {job && (
          <Group gap="sm" aria-live="polite">
            <JobStatusBadge status={job.status} />
            <JobProgress job={job} label={t('peopleImport.progressLabel')} />
          </Group>
        )}
        {job && mayOpen('jobs.read', session) && (
          <Anchor component={Link} to={`/jobs/${job.id}`} size="sm">
            {t('peopleImport.jobDetails')}
          </Anchor>
        )}
        {imported && imp.counts && (
          <>
            <Alert color="green" variant="outline" role="status">
              {t('peopleImport.doneSummary', {
                imported: format.number(imp.counts.imported),
                households: format.number(imp.counts.households),
              })}
            </Alert>
            <ImportCounts
              items={[
                { label: t('peopleImport.done.imported'), value: imp.counts.imported },
                { label: t('peopleImport.done.households'), value: imp.counts.households },
                { label: t('peopleImport.done.alreadyPresent'), value: imp.counts.alreadyPresent },
                { label: t('peopleImport.done.skippedInvalid'), value: imp.counts.skippedInvalid },
                { label: t('peopleImport.done.duplicatesInFile'), value: imp.counts.duplicatesInFile },
              ]}
            />
            <Group gap="sm">
              <Button component={Link} to="/people">
                {t('peopleImport.findPeople')}
              </Button>
              <Button component={Link} to="/people/import" variant="subtle">
                {t('peopleImport.importAnother')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </section>
  );
}
