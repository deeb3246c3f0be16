import {
  Anchor,
  Button,
  Checkbox,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { GrantAward } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { today } from './dates.ts';
import { RefusalAlert, ToneBadge } from './GrantsBits.tsx';
import { followUpsQuery, grantsApi, grantsKeys, visitsQuery } from './grantsApi.ts';

const FOLLOW_UP_COLOURS = { done: 'green', overdue: 'red', due: 'orange', upcoming: 'gray' } as const;
const CLOSURE_REASONS = ['completed', 'not_operating', 'terminated', 'other'] as const;

/** Follow-ups at 3, 6 and 12 months after the first payment (of one award or of every award). */
export function FollowUpsTable({ awardId, showReference }: { awardId?: string; showReference?: boolean }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const followUps = useQuery(followUpsQuery(awardId ? { awardId } : {}));
  if (followUps.isPending) return <Loading />;
  if (followUps.isError) return <ApiErrorAlert error={followUps.error} />;
  const rows = followUps.data.items;
  if (rows.length === 0) return <Text size="sm">{t('grants.monitoring.noFollowUps')}</Text>;
  return (
    <TableScroll label={t('grants.monitoring.followUpsCaption')}>
      <Table striped captionSide="top">
        <Table.Caption>{t('grants.monitoring.followUpsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {showReference && <Table.Th scope="col">{t('grants.applications.reference')}</Table.Th>}
            <Table.Th scope="col">{t('grants.monitoring.followUp')}</Table.Th>
            <Table.Th scope="col">{t('grants.monitoring.dueOn')}</Table.Th>
            <Table.Th scope="col">{t('grants.monitoring.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((f) => (
            <Table.Tr key={`${f.awardId}:${f.month}`}>
              {showReference && (
                <Table.Td>
                  <Anchor component={Link} to={`/grants/awards/${f.awardId}`}>
                    {f.referenceCode}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>{t('grants.monitoring.monthsN', { n: f.month })}</Table.Td>
              <Table.Td>{format.date(f.dueOn)}</Table.Td>
              <Table.Td>
                <ToneBadge tone={FOLLOW_UP_COLOURS[f.status]}>
                  {t(`grants.monitoring.states.${f.status}`)}
                </ToneBadge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

function RecordVisit({ award }: { award: GrantAward }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [visitedOn, setVisitedOn] = useState(today);
  const [followUpMonth, setFollowUpMonth] = useState('');
  const [operating, setOperating] = useState(true);
  const [jobsCreated, setJobsCreated] = useState('0');
  const [jobsKept, setJobsKept] = useState('0');
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const record = useMutation({
    mutationFn: () =>
      grantsApi.recordVisit(award.id, {
        visitedOn,
        followUpMonth: followUpMonth === '' ? null : (Number(followUpMonth) as 3 | 6 | 12),
        operating,
        jobsCreated: Number(jobsCreated),
        jobsKept: Number(jobsKept),
        notes: notes.trim() === '' ? null : notes.trim(),
      }),
    onSuccess: () => {
      setNotes('');
      void queryClient.invalidateQueries({ queryKey: grantsKeys.visits(award.id) });
      void queryClient.invalidateQueries({ queryKey: ['grants', 'follow-ups'] });
      void queryClient.invalidateQueries({ queryKey: ['grants', 'call', award.callId, 'dashboard'] });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(visitedOn)) found.visitedOn = t('forms.required');
    if (!/^\d+$/.test(jobsCreated.trim())) found.jobsCreated = t('grants.editor.errors.wholeNumber');
    if (!/^\d+$/.test(jobsKept.trim())) found.jobsKept = t('grants.editor.errors.wholeNumber');
    setErrors(found);
    if (Object.keys(found).length === 0) record.mutate();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="record-visit-heading">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="record-visit-heading">
            {t('grants.monitoring.recordHeading')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('grants.monitoring.visitedOn')}
              type="date"
              required
              value={visitedOn}
              onChange={(e) => setVisitedOn(e.currentTarget.value)}
              error={errors.visitedOn}
            />
            <NativeSelect
              label={t('grants.monitoring.countsAs')}
              value={followUpMonth}
              onChange={(e) => setFollowUpMonth(e.currentTarget.value)}
              data={[
                { value: '', label: t('grants.monitoring.noFollowUp') },
                ...[3, 6, 12].map((n) => ({
                  value: String(n),
                  label: t('grants.monitoring.monthsN', { n }),
                })),
              ]}
            />
            <TextInput
              label={t('grants.monitoring.jobsCreated')}
              inputMode="numeric"
              value={jobsCreated}
              onChange={(e) => setJobsCreated(e.currentTarget.value)}
              error={errors.jobsCreated}
            />
            <TextInput
              label={t('grants.monitoring.jobsKept')}
              inputMode="numeric"
              value={jobsKept}
              onChange={(e) => setJobsKept(e.currentTarget.value)}
              error={errors.jobsKept}
            />
          </SimpleGrid>
          <Checkbox
            label={t('grants.monitoring.operating')}
            checked={operating}
            onChange={(e) => setOperating(e.currentTarget.checked)}
          />
          <Textarea
            label={t('grants.monitoring.notes')}
            autosize
            minRows={2}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          <div>
            <Button type="submit" loading={record.isPending}>
              {t('grants.monitoring.record')}
            </Button>
          </div>
          <Text size="sm" role="status">
            {record.isSuccess ? t('grants.monitoring.recorded') : ''}
          </Text>
          {record.isError && <RefusalAlert error={record.error} />}
        </Stack>
      </form>
    </Paper>
  );
}

function CloseAward({ award }: { award: GrantAward }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<(typeof CLOSURE_REASONS)[number]>('completed');
  const [note, setNote] = useState('');
  const close = useMutation({
    mutationFn: () =>
      grantsApi.closeAward(award.id, { version: award.version, reason, note: note.trim() || null }),
    onSuccess: (saved) => queryClient.setQueryData(grantsKeys.award(award.id), saved),
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="close-award-heading">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          close.mutate();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Title order={3} size="h4" id="close-award-heading">
            {t('grants.monitoring.closeHeading')}
          </Title>
          <NativeSelect
            label={t('grants.monitoring.closeReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value as (typeof CLOSURE_REASONS)[number])}
            data={CLOSURE_REASONS.map((r) => ({ value: r, label: t(`grants.monitoring.closeReasons.${r}`) }))}
          />
          <Textarea
            label={t('grants.monitoring.notes')}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <div>
            <Button type="submit" variant="outline" color="dark" loading={close.isPending}>
              {t('grants.monitoring.close')}
            </Button>
          </div>
          {close.isError && <RefusalAlert error={close.error} />}
        </Stack>
      </form>
    </Paper>
  );
}

/** Monitoring of an award: follow-ups due, visits made, a new visit, and closure. */
export function MonitoringSection({ award, canWrite }: { award: GrantAward; canWrite: boolean }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const visits = useQuery(visitsQuery(award.id));
  return (
    <section aria-labelledby="monitoring-heading">
      <Title order={2} size="h3" id="monitoring-heading" mb="xs">
        {t('grants.monitoring.heading')}
      </Title>
      <Stack gap="sm">
        <FollowUpsTable awardId={award.id} />
        {visits.isPending ? (
          <Loading />
        ) : visits.isError ? (
          <ApiErrorAlert error={visits.error} />
        ) : visits.data.items.length === 0 ? (
          <Text size="sm">{t('grants.monitoring.noVisits')}</Text>
        ) : (
          <TableScroll label={t('grants.monitoring.visitsCaption')}>
            <Table striped captionSide="top">
              <Table.Caption>{t('grants.monitoring.visitsCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('grants.monitoring.visitedOn')}</Table.Th>
                  <Table.Th scope="col">{t('grants.monitoring.followUp')}</Table.Th>
                  <Table.Th scope="col">{t('grants.monitoring.operatingShort')}</Table.Th>
                  <Table.Th scope="col">{t('grants.monitoring.jobsCreated')}</Table.Th>
                  <Table.Th scope="col">{t('grants.monitoring.jobsKept')}</Table.Th>
                  <Table.Th scope="col">{t('grants.monitoring.notes')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {visits.data.items.map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{format.date(v.visitedOn)}</Table.Td>
                    <Table.Td>
                      {v.followUpMonth
                        ? t('grants.monitoring.monthsN', { n: v.followUpMonth })
                        : t('common.none')}
                    </Table.Td>
                    <Table.Td>{v.operating ? t('grants.yes') : t('grants.no')}</Table.Td>
                    <Table.Td>{v.jobsCreated}</Table.Td>
                    <Table.Td>{v.jobsKept}</Table.Td>
                    <Table.Td>{v.notes ?? t('common.none')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        {canWrite && award.status === 'active' && (
          <>
            <RecordVisit award={award} />
            <CloseAward award={award} />
          </>
        )}
      </Stack>
    </section>
  );
}
