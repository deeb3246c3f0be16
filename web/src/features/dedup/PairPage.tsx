import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { fullName } from '../people/memberDraft.ts';
import { KindBadge } from './DedupBits.tsx';
import { pairQuery } from './dedupApi.ts';
import { formatProbability } from './explanation.ts';
import { ComparisonTable } from './PairComparison.tsx';
import { Decisions } from './PairDecisions.tsx';
import { Outcome } from './PairOutcome.tsx';
import { WhySection } from './PairWhy.tsx';

/** Statuses in which the pair still waits for a decision. */
const OPEN = new Set(['pending', 'skipped', 'undone']);

export function PairPage() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const { id = '' } = useParams();
  const pair = useQuery(pairQuery(id));
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [decided, setDecided] = useState(0);

  // After a decision, the reviewer is taken to what happened (and to Undo).
  useEffect(() => {
    if (decided > 0) outcomeRef.current?.focus();
  }, [decided]);

  const back = (
    <Anchor component={Link} to="/dedup" size="sm">
      {t('dedup.backToQueue')}
    </Anchor>
  );
  if (pair.isPending) return <Loading />;
  if (pair.isError)
    return (
      <Stack gap="sm" align="flex-start">
        {back}
        <PageTitle>{t('dedup.pairTitle')}</PageTitle>
        <ApiErrorAlert
          error={pair.error}
          notFoundText={t('dedup.pairNotFound')}
          onRetry={() => void pair.refetch()}
        />
      </Stack>
    );
  const p = pair.data;
  return (
    <Stack gap="xl" maw={1100}>
      <div>
        {back}
        <PageTitle documentTitle={`${t('dedup.pairTitle')}: ${fullName(p.a)} ↔ ${fullName(p.b)}`}>
          {t('dedup.pairTitle')}
        </PageTitle>
        <Text>
          {fullName(p.a)} ↔ {fullName(p.b)}
        </Text>
        <Group gap={6} mt="xs" wrap="wrap">
          <KindBadge kind={p.decision} />
          <Badge variant="outline" color="gray" tt="none">
            {t('dedup.probability', { p: formatProbability(p.probability, locale) })}
          </Badge>
          <Badge variant="outline" color="gray" tt="none">
            {t(`dedup.statuses.${p.status}`)}
          </Badge>
        </Group>
        <Outcome pair={p} focusRef={outcomeRef} />
      </div>
      <WhySection pair={p} />
      <ComparisonTable pair={p} />
      {OPEN.has(p.status) && <Decisions pair={p} onDecided={() => setDecided((n) => n + 1)} />}
    </Stack>
  );
}
