import { Button, Group, Modal, Radio, Stack, Text, Title } from '@mantine/core';
import { useReducedMotion } from '@mantine/hooks';
import type { DedupDecisionBody, DedupPairDetail, Person } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { fullName } from '../people/memberDraft.ts';
import { peopleKeys } from '../people/peopleApi.ts';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { DARK } from './DedupBits.tsx';
import { dedupApi, dedupKeys } from './dedupApi.ts';
import { defaultSurvivor } from './explanation.ts';

export function Decisions({ pair, onDecided }: { pair: DedupPairDetail; onDecided: () => void }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const reduceMotion = useReducedMotion();
  // After a merge the button that opened the dialog is gone: focus goes to the outcome instead.
  const [returnFocus, setReturnFocus] = useState(true);
  const [survivor, setSurvivor] = useState(() => defaultSurvivor(pair.a, pair.b));
  const decide = useMutation({
    mutationFn: (body: DedupDecisionBody) => dedupApi.decide(pair.id, body),
    onSuccess: async (_result, body) => {
      setReturnFocus(false);
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: ['dedup', 'pairs'] });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      if (body.decision === 'skip') {
        const next = await dedupApi.nextPending(pair.id).catch(() => null);
        navigate(next ? `/dedup/pairs/${next}` : '/dedup');
        return;
      }
      await queryClient.invalidateQueries({ queryKey: dedupKeys.pair(pair.id) });
      onDecided();
    },
  });
  const merged = survivor === pair.a.id ? pair.b : pair.a;
  const kept = survivor === pair.a.id ? pair.a : pair.b;
  const option = (p: Person, label: string) => (
    <Radio
      value={p.id}
      label={`${label}: ${fullName(p)}`}
      description={t('dedup.registeredOn', { time: format.dateTime(p.createdAt) ?? '' })}
    />
  );

  return (
    <section aria-labelledby="decision-heading">
      <Title order={2} id="decision-heading" mb="xs">
        {t('dedup.decisionHeading')}
      </Title>
      <Group gap="sm" wrap="wrap">
        <Button color={DARK.red} onClick={() => setConfirming(true)}>
          {t('dedup.decideSame')}
        </Button>
        <Button
          variant="default"
          onClick={() => decide.mutate({ decision: 'not_same' })}
          loading={decide.isPending && decide.variables?.decision === 'not_same'}
        >
          {t('dedup.decideNotSame')}
        </Button>
        <Button
          variant="subtle"
          onClick={() => decide.mutate({ decision: 'skip' })}
          loading={decide.isPending && decide.variables?.decision === 'skip'}
        >
          {t('dedup.decideSkip')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mt="xs" maw={760}>
        {t('dedup.decisionHelp')}
      </Text>
      {decide.isError && !confirming && <ApiErrorAlert error={decide.error} />}

      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('dedup.confirmTitle')}
        size="lg"
        returnFocus={returnFocus}
        transitionProps={reduceMotion ? { duration: 0 } : undefined}
        closeButtonProps={{ 'aria-label': t('dedup.closeDialog') }}
      >
        <Stack gap="md">
          <Radio.Group label={t('dedup.survivorLabel')} value={survivor} onChange={setSurvivor}>
            <Stack gap="xs" mt={6}>
              {option(pair.a, t('dedup.recordA'))}
              {option(pair.b, t('dedup.recordB'))}
            </Stack>
          </Radio.Group>
          <Text size="sm">{t('dedup.confirmBody', { merged: fullName(merged), kept: fullName(kept) })}</Text>
          <Text size="sm">{t('dedup.confirmKeeps')}</Text>
          {decide.isError && <ApiErrorAlert error={decide.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('dedup.cancel')}
            </Button>
            <Button
              color={DARK.red}
              loading={decide.isPending}
              onClick={() => decide.mutate({ decision: 'same', survivorId: survivor })}
            >
              {t('dedup.confirmMerge')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </section>
  );
}
