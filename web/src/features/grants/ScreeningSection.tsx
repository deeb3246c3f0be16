import { Anchor, Button, Group, Paper, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import type { GrantApplication, Screening } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableScroll } from '../people/TableScroll.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { ScreeningBadge } from './CallApplicationsTab.tsx';
import { RefusalAlert, ToneBadge, useBilingual } from './GrantsBits.tsx';
import { grantsApi, grantsKeys } from './grantsApi.ts';

const OUTCOME_COLOURS = { pass: 'teal', fail: 'red', unknown: 'orange' } as const;

function OverrideForm({ application, screening }: { application: GrantApplication; screening: Screening }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [result, setResult] = useState<'eligible' | 'ineligible'>(
    screening.result === 'eligible' ? 'ineligible' : 'eligible',
  );
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const override = useMutation({
    mutationFn: () =>
      grantsApi.overrideScreening(application.id, {
        result,
        reason: reason.trim(),
        version: screening.version,
      }),
    onSuccess: () => {
      setReason('');
      void queryClient.invalidateQueries({ queryKey: grantsKeys.application(application.id) });
      void queryClient.invalidateQueries({ queryKey: ['grants', 'call', application.callId] });
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 5) {
      setError(t('grants.screening.reasonNeeded'));
      return;
    }
    setError(null);
    override.mutate();
  };
  return (
    <Paper withBorder p="sm">
      <form onSubmit={onSubmit} noValidate aria-labelledby="override-heading">
        <Stack gap="sm">
          <Title order={3} size="h5" id="override-heading">
            {t('grants.screening.overrideHeading')}
          </Title>
          <Radio.Group
            label={t('grants.screening.overrideResult')}
            value={result}
            onChange={(v) => setResult(v === 'ineligible' ? 'ineligible' : 'eligible')}
          >
            <Group gap="md" mt={4}>
              <Radio value="eligible" label={t('grants.screening.results.eligible')} />
              <Radio value="ineligible" label={t('grants.screening.results.ineligible')} />
            </Group>
          </Radio.Group>
          <Textarea
            label={t('grants.screening.overrideReason')}
            description={t('grants.screening.overrideReasonHint')}
            required
            autosize
            minRows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error}
          />
          <div>
            <Button type="submit" variant="light" loading={override.isPending}>
              {t('grants.screening.overrideSave')}
            </Button>
          </div>
          {override.isError && <RefusalAlert error={override.error} />}
        </Stack>
      </form>
    </Paper>
  );
}

/** The automatic screening with a reason per rule, the registry checks, and the override. */
export function ScreeningSection({
  application,
  canManage,
}: {
  application: GrantApplication;
  canManage: boolean;
}) {
  const { t } = useTranslation();
  const text = useBilingual();
  const format = usePeopleFormat();
  const queryClient = useQueryClient();
  const s = application.screening;
  const rescreen = useMutation({
    mutationFn: () => grantsApi.screenApplication(application.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: grantsKeys.application(application.id) }),
  });
  const screenable = application.status !== 'draft' && application.status !== 'withdrawn';
  return (
    <section aria-labelledby="screening-heading">
      <Title order={2} size="h3" id="screening-heading" mb="xs">
        {t('grants.screening.heading')}
      </Title>
      {!s ? (
        <Text>{t('grants.screening.notYet')}</Text>
      ) : (
        <Stack gap="sm">
          <Group gap="xs">
            <Text>{t('grants.screening.result')}</Text>
            <ScreeningBadge result={s.result} />
            {s.override && (
              <Text size="sm">
                {t('grants.screening.automaticWas', {
                  result: t(`grants.screening.results.${s.automaticResult}`),
                })}
              </Text>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('grants.screening.screenedAt', { time: format.dateTime(s.screenedAt) })}
          </Text>
          {s.override && (
            <Paper withBorder p="sm">
              <Text size="sm">
                {t('grants.screening.overriddenAs', {
                  result: t(`grants.screening.results.${s.override.result}`),
                  time: format.dateTime(s.override.at),
                })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {s.override.reason}
              </Text>
            </Paper>
          )}
          <TableScroll label={t('grants.screening.rulesCaption')}>
            <Table striped captionSide="top">
              <Table.Caption>{t('grants.screening.rulesCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('grants.screening.rule')}</Table.Th>
                  <Table.Th scope="col">{t('grants.screening.outcome')}</Table.Th>
                  <Table.Th scope="col">{t('grants.screening.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.rules.map((r) => (
                  <Table.Tr key={r.index}>
                    <Table.Td>
                      {r.index + 1}. {t(`grants.ruleTypes.${r.type as 'answer'}`, { defaultValue: r.type })}
                    </Table.Td>
                    <Table.Td>
                      <ToneBadge tone={OUTCOME_COLOURS[r.outcome]}>
                        {t(`grants.screening.outcomes.${r.outcome}`)}
                      </ToneBadge>
                    </Table.Td>
                    <Table.Td>{text(r.reason)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <Paper withBorder p="sm">
            <Group gap="xs" mb={4}>
              <Text fw={600} size="sm">
                {t('grants.screening.priorAssistance')}
              </Text>
              <ToneBadge tone={OUTCOME_COLOURS[s.priorAssistance.outcome]}>
                {t(`grants.screening.outcomes.${s.priorAssistance.outcome}`)}
              </ToneBadge>
            </Group>
            <Text size="sm">{text(s.priorAssistance.message)}</Text>
            {s.priorAssistance.received.length > 0 && (
              <Stack gap={2} mt={4} component="ul" pl="md">
                {s.priorAssistance.received.map((r) => (
                  <Text component="li" size="sm" key={`${r.personId}:${r.date}:${r.type}`}>
                    {format.date(r.date)} · {r.type}
                  </Text>
                ))}
              </Stack>
            )}
          </Paper>
          <Paper withBorder p="sm">
            <Text fw={600} size="sm" mb={4}>
              {t('grants.screening.duplicates')}
            </Text>
            {s.duplicates.length === 0 ? (
              <Text size="sm">{t('grants.screening.noDuplicates')}</Text>
            ) : (
              <Stack gap={4} component="ul" pl="md">
                {s.duplicates.map((d) => (
                  <Text component="li" size="sm" key={d.personId}>
                    <Anchor component={Link} to={`/people/${d.personId}`}>
                      {t('grants.screening.personRecord')}
                    </Anchor>{' '}
                    · {t(`grants.screening.decisions.${d.decision}`)} ·{' '}
                    {new Intl.NumberFormat(format.locale, { style: 'percent' }).format(d.probability)}
                  </Text>
                ))}
              </Stack>
            )}
          </Paper>
        </Stack>
      )}
      {canManage && screenable && (
        <Stack gap="sm" mt="sm">
          <div>
            <Button variant="default" onClick={() => rescreen.mutate()} loading={rescreen.isPending}>
              {s ? t('grants.screening.again') : t('grants.screening.now')}
            </Button>
          </div>
          {rescreen.isError && <RefusalAlert error={rescreen.error} />}
          {s && <OverrideForm key={s.version} application={application} screening={s} />}
        </Stack>
      )}
    </section>
  );
}
