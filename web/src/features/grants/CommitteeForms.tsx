import { Button, Group, NativeSelect, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import type { CommitteeSession } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { linesOf } from './CallCommitteeTab.tsx';
import { MoneyField, RefusalAlert } from './GrantsBits.tsx';
import { grantsApi, grantsKeys, rankingQuery } from './grantsApi.ts';

const OUTCOMES = ['approve', 'waiting_list', 'reject'] as const;
type Outcome = (typeof OUTCOMES)[number];
/** The minutes and attendees of a session, saved while it is open; closing makes them final. */
export function MinutesForm({ session }: { session: CommitteeSession }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [minutes, setMinutes] = useState(session.minutes);
  const [attendees, setAttendees] = useState(session.attendees.join('\n'));
  const done = (saved: CommitteeSession) => queryClient.setQueryData(grantsKeys.session(saved.id), saved);
  const save = useMutation({
    mutationFn: () =>
      grantsApi.updateSession(session.id, {
        version: session.version,
        minutes,
        attendees: linesOf(attendees),
      }),
    onSuccess: done,
  });
  const close = useMutation({
    mutationFn: () => grantsApi.closeSession(session.id, session.version),
    onSuccess: done,
  });
  const open = session.status === 'open';
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="minutes-heading">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="minutes-heading">
            {t('grants.committee.minutes')}
          </Title>
          <Textarea
            label={t('grants.committee.attendees')}
            description={t('grants.committee.attendeesHint')}
            autosize
            minRows={2}
            readOnly={!open}
            value={attendees}
            onChange={(e) => setAttendees(e.currentTarget.value)}
          />
          <Textarea
            label={t('grants.committee.minutesText')}
            autosize
            minRows={5}
            readOnly={!open}
            value={minutes}
            onChange={(e) => setMinutes(e.currentTarget.value)}
          />
          {open && (
            <Group gap="sm">
              <Button type="submit" variant="light" loading={save.isPending}>
                {t('grants.committee.saveMinutes')}
              </Button>
              <Button
                type="button"
                variant="outline"
                color="dark"
                loading={close.isPending}
                onClick={() => close.mutate()}
              >
                {t('grants.committee.closeSession')}
              </Button>
            </Group>
          )}
          <Text size="sm" role="status">
            {save.isSuccess ? t('grants.committee.minutesSaved') : ''}
          </Text>
          {(save.isError || close.isError) && <RefusalAlert error={save.error ?? close.error} />}
        </Stack>
      </form>
    </Paper>
  );
}

/** A decision proposed for one ranked application: approve with an amount, waiting list, or reject with a reason. */
export function ProposeForm({ session }: { session: CommitteeSession }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const queryClient = useQueryClient();
  const ranking = useQuery(rankingQuery(session.callId));
  const decided = new Set(
    session.decisions
      .filter((d) => d.status === 'proposed' || d.status === 'approved')
      .map((d) => d.applicationId),
  );
  const options = (ranking.data?.items ?? [])
    .filter((r) => !decided.has(r.applicationId))
    .map((r) => ({
      value: r.applicationId,
      label: [
        r.referenceCode,
        r.organisationName,
        r.mean === null ? null : t('grants.committee.meanScore', { mean: Math.round(r.mean * 10) / 10 }),
      ]
        .filter(Boolean)
        .join(' · '),
    }));
  const [applicationId, setApplicationId] = useState('');
  const [outcome, setOutcome] = useState<Outcome>('approve');
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const propose = useMutation({
    mutationFn: () =>
      grantsApi.proposeDecision(session.id, {
        applicationId,
        outcome,
        amountMinor: outcome === 'approve' ? amount : null,
        reason: reason.trim() === '' ? null : reason.trim(),
      }),
    onSuccess: () => {
      setApplicationId('');
      setAmount(null);
      setReason('');
      void queryClient.invalidateQueries({ queryKey: grantsKeys.session(session.id) });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!applicationId) found.applicationId = t('grants.committee.chooseApplication');
    if (outcome === 'approve' && (amount === null || amount < 1))
      found.amount = t('grants.committee.amountNeeded');
    if (outcome === 'approve' && amount !== null && amount > session.budget.maxPerGrantMinor)
      found.amount = t('grants.committee.amountAboveMax', {
        max: format.money(session.budget.maxPerGrantMinor, session.budget.currency),
      });
    if (outcome === 'reject' && reason.trim().length < 3) found.reason = t('grants.committee.reasonNeeded');
    setErrors(found);
    if (Object.keys(found).length === 0) propose.mutate();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="propose-heading">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="propose-heading">
            {t('grants.committee.proposeHeading')}
          </Title>
          <NativeSelect
            label={t('grants.committee.application')}
            required
            value={applicationId}
            onChange={(e) => setApplicationId(e.currentTarget.value)}
            data={[{ value: '', label: t('grants.committee.chooseApplication') }, ...options]}
            error={errors.applicationId}
          />
          <Radio.Group
            label={t('grants.committee.outcome')}
            value={outcome}
            onChange={(v) =>
              setOutcome((OUTCOMES as readonly string[]).includes(v) ? (v as Outcome) : 'approve')
            }
          >
            <Group gap="md" mt={4}>
              {OUTCOMES.map((o) => (
                <Radio key={o} value={o} label={t(`grants.committee.outcomes.${o}`)} />
              ))}
            </Group>
          </Radio.Group>
          {outcome === 'approve' && (
            <MoneyField
              label={t('grants.committee.amount')}
              required
              currency={session.budget.currency}
              value={amount}
              onChange={setAmount}
              description={t('grants.committee.amountHint', {
                max: format.money(session.budget.maxPerGrantMinor, session.budget.currency),
                remaining: format.money(session.budget.remainingMinor, session.budget.currency),
              })}
              error={errors.amount}
            />
          )}
          <Textarea
            label={t('grants.committee.reason')}
            description={t('grants.committee.reasonHint')}
            required={outcome === 'reject'}
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
          <div>
            <Button type="submit" loading={propose.isPending}>
              {t('grants.committee.propose')}
            </Button>
          </div>
          {propose.isError && <RefusalAlert error={propose.error} />}
        </Stack>
      </form>
    </Paper>
  );
}
