import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { DedupPairDetail, Person } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { fullName } from '../people/memberDraft.ts';
import { peopleKeys } from '../people/peopleApi.ts';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import classes from './dedup.module.css';
import { dedupApi, dedupKeys } from './dedupApi.ts';

/** The record the other was merged into, when this pair was merged. */
function survivorOf(pair: DedupPairDetail): Person | null {
  if (pair.a.mergedInto === pair.b.id) return pair.b;
  if (pair.b.mergedInto === pair.a.id) return pair.a;
  return null;
}

function NextPairButton({ pairId }: { pairId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const next = useMutation({
    mutationFn: () => dedupApi.nextPending(pairId),
    onSuccess: (id) => navigate(id ? `/dedup/pairs/${id}` : '/dedup'),
  });
  return (
    <Button variant="light" onClick={() => next.mutate()} loading={next.isPending}>
      {t('dedup.nextPair')}
    </Button>
  );
}

/** What was decided, and what can still be done about it. */
export function Outcome({
  pair,
  focusRef,
}: {
  pair: DedupPairDetail;
  focusRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const queryClient = useQueryClient();
  const undo = useMutation({
    mutationFn: () => dedupApi.undo(pair.id),
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: ['dedup', 'pairs'] });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      await queryClient.invalidateQueries({ queryKey: dedupKeys.pair(pair.id) });
      focusRef.current?.focus();
    },
  });
  const when = format.dateTime(pair.decidedAt) ?? '';
  const survivor = survivorOf(pair);
  let body: ReactNode = null;
  if (pair.status === 'merged') {
    const absorbed = survivor?.id === pair.a.id ? pair.b : pair.a;
    body = (
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {t('dedup.outcomeMerged', {
            merged: fullName(absorbed),
            kept: survivor ? fullName(survivor) : '',
            when,
          })}
        </Text>
        {survivor && (
          <Anchor component={Link} to={`/people/${survivor.id}`} fw={600}>
            {t('dedup.openSurvivor', { name: fullName(survivor) })}
          </Anchor>
        )}
        <Group gap="sm">
          <Button variant="outline" onClick={() => undo.mutate()} loading={undo.isPending}>
            {t('dedup.undo')}
          </Button>
          <NextPairButton pairId={pair.id} />
        </Group>
        {undo.isError && <ApiErrorAlert error={undo.error} />}
      </Stack>
    );
  } else if (pair.status === 'not_same') {
    body = (
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('dedup.outcomeNotSame', { when })}</Text>
        <NextPairButton pairId={pair.id} />
      </Stack>
    );
  } else if (pair.status === 'skipped') {
    body = <Text size="sm">{t('dedup.outcomeSkipped', { when })}</Text>;
  } else if (pair.status === 'undone') {
    body = <Text size="sm">{t('dedup.outcomeUndone', { when })}</Text>;
  }
  return (
    <div ref={focusRef} tabIndex={-1} role="status" className={classes.outcome}>
      {body && (
        <Paper
          withBorder
          p="md"
          radius="md"
          className={pair.status === 'merged' ? classes.outcomeMerged : classes.outcomeOther}
        >
          <Text fw={700} mb={6}>
            {t(`dedup.statuses.${pair.status}`)}
          </Text>
          {body}
        </Paper>
      )}
    </div>
  );
}
