import { Alert, Anchor, Badge, Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import type { DedupPairListItem, DedupPersonSummary } from '@oselia/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import { JobProgress, JobStatusBadge } from '../jobs/JobBits.tsx';
import { isActive, jobQuery } from '../jobs/jobsApi.ts';
import { fullName } from '../people/memberDraft.ts';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { KindBadge } from './DedupBits.tsx';
import classes from './dedup.module.css';
import {
  dedupApi,
  dedupKeys,
  lastRunQuery,
  PAIR_STATUSES,
  type PairKind,
  type PairStatus,
  pairsQuery,
} from './dedupApi.ts';
import { formatProbability } from './explanation.ts';

/** Starts a run over the registry and follows it, as the jobs page does. */
function RunSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const last = useQuery(lastRunQuery());
  const jobId = last.data?.id ?? '';
  const job = useQuery({ ...jobQuery(jobId), enabled: jobId !== '' });
  const current = job.data ?? last.data ?? null;
  const running = current !== null && isActive(current.status);
  const [started, setStarted] = useState<string | null>(null);

  // When the run started here ends, the queue it filled is shown.
  useEffect(() => {
    if (started !== null && current?.id === started && !isActive(current.status)) {
      setStarted(null);
      void queryClient.invalidateQueries({ queryKey: ['dedup', 'pairs'] });
    }
  }, [started, current?.id, current?.status, queryClient]);

  const start = useMutation({
    mutationFn: dedupApi.startRun,
    onSuccess: ({ jobId: id }) => {
      setStarted(id);
      void queryClient.invalidateQueries({ queryKey: dedupKeys.lastRun });
    },
  });

  return (
    <section aria-labelledby="dedup-run-heading">
      <Title order={2} id="dedup-run-heading" mb="xs">
        {t('dedup.runHeading')}
      </Title>
      <Text size="sm" mb="sm" maw={760}>
        {t('dedup.runIntro')}
      </Text>
      <Stack gap="sm" align="flex-start">
        <Button onClick={() => start.mutate()} loading={start.isPending} disabled={running}>
          {t('dedup.runStart')}
        </Button>
        {start.isError && <ApiErrorAlert error={start.error} />}
        {current && (
          <Stack gap={6} className={classes.runStatus}>
            <Group gap="xs" wrap="wrap" role="status">
              <Text size="sm">{t('dedup.lastRun', { time: format.dateTime(current.createdAt) ?? '' })}</Text>
              <JobStatusBadge status={current.status} />
              {current.status === 'succeeded' && <Text size="sm">{t('dedup.runDone')}</Text>}
              {current.status === 'failed' && (
                <Text size="sm" c="red.9">
                  {t('dedup.runFailed')}
                </Text>
              )}
            </Group>
            {running && <JobProgress job={current} label={t('dedup.runProgress')} />}
          </Stack>
        )}
        {current && mayOpen('jobs.read', session) && (
          <Anchor component={Link} to={`/jobs/${current.id}`} size="sm">
            {t('dedup.runDetails')}
          </Anchor>
        )}
      </Stack>
    </section>
  );
}

function PersonLine({ person }: { person: DedupPersonSummary | null }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  if (!person) return <Text size="sm">{t('dedup.outOfScope')}</Text>;
  const latin = fullName(person.latinName);
  const name = fullName(person);
  return (
    <div>
      <Text fw={600} component="span">
        {name}
      </Text>
      {latin !== name && (
        <Text size="sm" c="dimmed" component="span">
          {' '}
          ({latin})
        </Text>
      )}
      <Text size="sm">
        {person.birthDate
          ? format.birthDate(person.birthDate, person.birthDatePrecision)
          : t('dedup.noBirthDate')}
        {' · '}
        {t(`people.sexes.${person.sex}`)}
      </Text>
    </div>
  );
}

function PairCard({ pair }: { pair: DedupPairListItem }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const names = [pair.a, pair.b].map((p) => (p ? fullName(p) : t('dedup.outOfScope')));
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb={6}>
        <Group gap={6} wrap="wrap">
          <KindBadge kind={pair.decision} />
          <Badge variant="outline" color="gray" tt="none">
            {t('dedup.probability', { p: formatProbability(pair.probability, locale) })}
          </Badge>
        </Group>
        <Anchor
          component={Link}
          to={`/dedup/pairs/${pair.id}`}
          aria-label={t('dedup.reviewPairLabel', { a: names[0], b: names[1] })}
          fw={600}
        >
          {pair.status === 'pending' ? t('dedup.reviewPair') : t('dedup.openPair')}
        </Anchor>
      </Group>
      <div className={classes.pairPeople}>
        <PersonLine person={pair.a} />
        <Text aria-hidden className={classes.versus}>
          ↔
        </Text>
        <PersonLine person={pair.b} />
      </div>
    </Paper>
  );
}

function QueueSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status: PairStatus = (PAIR_STATUSES as readonly string[]).includes(statusParam ?? '')
    ? (statusParam as PairStatus)
    : 'pending';
  const kindParam = params.get('kind');
  const kind: PairKind | undefined = kindParam === 'link' || kindParam === 'review' ? kindParam : undefined;
  const pairs = useInfiniteQuery(pairsQuery(status, kind));
  const items = pairs.data?.pages.flatMap((page) => page.items) ?? [];

  const setParam = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '' || (key === 'status' && value === 'pending')) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <section aria-labelledby="dedup-queue-heading">
      <Title order={2} id="dedup-queue-heading" mb="xs">
        {t('dedup.queueHeading')}
      </Title>
      <Group gap="sm" mb="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('dedup.filterStatus')}
          value={status}
          onChange={(e) => setParam('status', e.currentTarget.value)}
          data={PAIR_STATUSES.map((s) => ({ value: s, label: t(`dedup.statuses.${s}`) }))}
        />
        <NativeSelect
          label={t('dedup.filterKind')}
          value={kind ?? ''}
          onChange={(e) => setParam('kind', e.currentTarget.value)}
          data={[
            { value: '', label: t('dedup.kindAll') },
            { value: 'link', label: t('dedup.kinds.link') },
            { value: 'review', label: t('dedup.kinds.review') },
          ]}
        />
      </Group>
      <Text role="status" size="sm" mb="xs">
        {pairs.isSuccess
          ? t(pairs.hasNextPage ? 'dedup.shownMore' : 'dedup.shown', { n: format.number(items.length) })
          : ''}
      </Text>
      {pairs.isPending ? (
        <Loading />
      ) : pairs.isError ? (
        <ApiErrorAlert error={pairs.error} onRetry={() => void pairs.refetch()} />
      ) : items.length === 0 ? (
        <Alert color="gray" variant="light" role="note">
          {status === 'pending' ? t('dedup.emptyPending') : t('dedup.empty')}
        </Alert>
      ) : (
        <ol className={classes.pairList}>
          {items.map((pair) => (
            <li key={pair.id}>
              <PairCard pair={pair} />
            </li>
          ))}
        </ol>
      )}
      {pairs.hasNextPage && (
        <Button
          mt="sm"
          variant="default"
          onClick={() => void pairs.fetchNextPage()}
          loading={pairs.isFetchingNextPage}
        >
          {t('dedup.loadMore')}
        </Button>
      )}
    </section>
  );
}

/** Deduplication for registration officers and administrators: runs and the review queue. */
export function DedupPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  return (
    <Stack gap="xl" maw={1000}>
      <div>
        <PageTitle>{t('dedup.title')}</PageTitle>
        <Text maw={760}>{t('dedup.intro')}</Text>
      </div>
      {mayOpen('dedup.run', session) && <RunSection />}
      <QueueSection />
    </Stack>
  );
}
