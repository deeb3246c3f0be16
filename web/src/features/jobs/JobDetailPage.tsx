import { Alert, Anchor, Code, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { formatDuration, useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { JobProgress, JobStatusBadge } from './JobBits.tsx';
import { isActive, jobQuery } from './jobsApi.ts';

export function JobDetailPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const job = useQuery(jobQuery(id));
  const data = job.data;

  const back = (
    <Anchor component={Link} to="/jobs" size="sm">
      {t('jobs.back')}
    </Anchor>
  );

  if (!data) {
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <PageTitle>{t('jobs.title')}</PageTitle>
        {job.isError ? (
          <ApiErrorAlert
            error={job.error}
            notFoundText={t('jobs.notFound')}
            onRetry={() => void job.refetch()}
          />
        ) : (
          <Loading />
        )}
      </Stack>
    );
  }

  const active = isActive(data.status);
  const end = data.finishedAt ? Date.parse(data.finishedAt) : null;
  const start = data.startedAt ? Date.parse(data.startedAt) : null;

  return (
    <Stack gap="md" maw={860}>
      {back}
      <PageTitle>{t('jobs.detailTitle', { kind: data.kind })}</PageTitle>
      <div role="status">
        <JobStatusBadge status={data.status} />
      </div>
      <JobProgress job={data} />
      {active && <Text size="sm">{t('jobs.autoRefresh')}</Text>}
      {data.error && (
        <Alert color="red" variant="outline" title={t('jobs.columns.error')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {data.error}
          </Text>
        </Alert>
      )}
      <DefinitionList
        items={[
          { term: t('jobs.columns.kind'), description: <Code>{data.kind}</Code> },
          { term: t('jobs.columns.message'), description: data.message ?? t('common.none') },
          { term: t('jobs.columns.created'), description: format.dateTime(data.createdAt) },
          {
            term: t('jobs.columns.started'),
            description: format.dateTime(data.startedAt) ?? t('common.none'),
          },
          {
            term: t('jobs.columns.finished'),
            description: format.dateTime(data.finishedAt) ?? t('common.none'),
          },
          {
            term: t('jobs.duration'),
            description:
              start !== null
                ? formatDuration(((end ?? Date.now()) - start) / 1000, format.locale)
                : t('common.none'),
          },
          { term: t('jobs.columns.attempts'), description: format.number(data.attempts) },
          { term: t('jobs.columns.id'), description: <Code>{data.id}</Code> },
        ]}
      />
    </Stack>
  );
}
