import { Badge, Group, Progress, Text } from '@mantine/core';
import type { Job, JobStatus } from '@oselia/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../ui/format.ts';

/** Filled badges in shades dark enough for white text (WCAG AA). */
const STATUS_COLORS: Record<JobStatus, string> = {
  queued: '#495057',
  running: '#1864ab',
  succeeded: '#1b6e31',
  failed: '#b02525',
  cancelled: '#343a40',
};

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant="filled"
      radius="sm"
      tt="none"
      style={{ minWidth: 'max-content' }}
    >
      {t(`jobs.status.${status}`)}
    </Badge>
  );
}

export const jobPercent = (job: Job): number | null =>
  job.progressTotal && job.progressTotal > 0
    ? Math.min(100, Math.round((job.progressDone / job.progressTotal) * 100))
    : job.status === 'succeeded'
      ? 100
      : null;

/** Progress bar with text; without a known total it shows the count only. */
export function JobProgress({ job, label }: { job: Job; label?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = jobPercent(job);
  const text =
    job.progressTotal !== null
      ? t('jobs.progressOf', {
          done: format.number(job.progressDone),
          total: format.number(job.progressTotal),
          percent: percent ?? 0,
        })
      : t('jobs.progressDone', { done: format.number(job.progressDone) });
  const color = STATUS_COLORS[job.status];
  return (
    <Group gap="xs" wrap="nowrap" miw={160}>
      {percent !== null && (
        <Progress.Root size="md" flex={1} miw={80}>
          <Progress.Section
            value={percent}
            color={color}
            animated={job.status === 'running'}
            aria-label={label ?? t('jobs.progressLabel')}
            aria-valuetext={text}
          />
        </Progress.Root>
      )}
      <Text size="sm" className="nowrap">
        {text}
      </Text>
    </Group>
  );
}
