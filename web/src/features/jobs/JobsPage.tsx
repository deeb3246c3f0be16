import { Anchor, Button, Code, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { type JobStatus, jobStatus } from '@oselia/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { JobProgress, JobStatusBadge } from './JobBits.tsx';
import { jobsListQuery } from './jobsApi.ts';

const STATUSES = jobStatus.options;

export function JobsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const parsed = jobStatus.safeParse(params.get('status'));
  const status: JobStatus | undefined = parsed.success ? parsed.data : undefined;
  const jobs = useInfiniteQuery(jobsListQuery(status));
  const items = jobs.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack gap="lg">
      <div>
        <PageTitle>{t('jobs.title')}</PageTitle>
        <Text maw={760}>{t('jobs.intro')}</Text>
      </div>

      {jobs.isError ? (
        <ApiErrorAlert error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <>
          <Group>
            <NativeSelect
              label={t('jobs.filterStatus')}
              value={status ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setParams(value ? { status: value } : {}, { replace: true });
              }}
              data={[
                { value: '', label: t('jobs.filterAll') },
                ...STATUSES.map((s) => ({ value: s, label: t(`jobs.status.${s}`) })),
              ]}
            />
          </Group>
          {jobs.isPending ? (
            <Loading />
          ) : items.length === 0 ? (
            <Text>{t('jobs.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover captionSide="top" verticalSpacing="sm">
                <Table.Caption ta="start" fw={600}>
                  {t('jobs.tableCaption')}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('jobs.columns.kind')}</Table.Th>
                    <Table.Th scope="col">{t('jobs.columns.status')}</Table.Th>
                    <Table.Th scope="col">{t('jobs.columns.progress')}</Table.Th>
                    <Table.Th scope="col">{t('jobs.columns.message')}</Table.Th>
                    <Table.Th scope="col">{t('jobs.columns.created')}</Table.Th>
                    <Table.Th scope="col">{t('jobs.columns.finished')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((job) => {
                    const created = format.dateTime(job.createdAt) ?? '';
                    return (
                      <Table.Tr key={job.id}>
                        <Table.Th scope="row" fw={400}>
                          <Anchor
                            component={Link}
                            to={`/jobs/${job.id}`}
                            aria-label={t('jobs.open', { kind: job.kind, created })}
                          >
                            <Code c="inherit" bg="transparent" p={0}>
                              {job.kind}
                            </Code>
                          </Anchor>
                        </Table.Th>
                        <Table.Td>
                          <JobStatusBadge status={job.status} />
                        </Table.Td>
                        <Table.Td>
                          <JobProgress
                            job={job}
                            label={`${t('jobs.progressLabel')}: ${job.kind}, ${created}`}
                          />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" lineClamp={2} c={job.error ? 'red.9' : undefined}>
                            {job.error ?? job.message ?? t('common.none')}
                          </Text>
                        </Table.Td>
                        <Table.Td className="nowrap">{created}</Table.Td>
                        <Table.Td className="nowrap">
                          {format.dateTime(job.finishedAt) ?? t('common.none')}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {jobs.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void jobs.fetchNextPage()}
              loading={jobs.isFetchingNextPage}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('jobs.loadMore')}
            </Button>
          )}
        </>
      )}
    </Stack>
  );
}
