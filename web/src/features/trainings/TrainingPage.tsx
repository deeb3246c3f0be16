import { Anchor, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import type { TrainingEvent, TrainingStatus } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { DefinitionList } from '../../ui/DefinitionList.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import type { WebAction } from '../access/permissions.ts';
import { mayOpen, useSession } from '../access/session.ts';
import { PlaceName } from '../people/PlacePicker.tsx';
import { AlumniTab } from './AlumniTab.tsx';
import { ApplicantsTab } from './ApplicantsTab.tsx';
import { AttendanceTab } from './AttendanceTab.tsx';
import { ParticipantsTab } from './ParticipantsTab.tsx';
import { ReachView } from './ReachView.tsx';
import { TestsTab } from './TestsTab.tsx';
import { Refusal, StatusBadge, useDateRange, useHours, useText } from './TrainingBits.tsx';
import { eventQuery, reachQuery, trainingsApi, trainingsKeys } from './trainingsApi.ts';

const NEXT: Record<TrainingStatus, TrainingStatus[]> = {
  draft: ['open', 'cancelled'],
  open: ['closed', 'cancelled'],
  closed: ['open', 'cancelled'],
  cancelled: [],
};

function Overview({ event }: { event: TrainingEvent }) {
  const { t } = useTranslation();
  const text = useText();
  const range = useDateRange();
  const hours = useHours();
  const queryClient = useQueryClient();
  const { data: session } = useSession();
  const change = useMutation({
    mutationFn: (status: TrainingStatus) => trainingsApi.update(event.id, { version: event.version, status }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trainingsKeys.all }),
  });
  const total = event.sessions.reduce((s, x) => s + x.minutes, 0);
  return (
    <Stack gap="md">
      {text(event.description) && <Text maw={760}>{text(event.description)}</Text>}
      <DefinitionList
        items={[
          { term: t('trainings.fields.status'), description: <StatusBadge status={event.status} /> },
          { term: t('trainings.fields.dates'), description: range(event.startsOn, event.endsOn) },
          {
            term: t('trainings.fields.place'),
            description: (
              <>
                <PlaceName pcode={event.placePcode} />
                {event.venue ? ` · ${event.venue}` : ''}
              </>
            ),
          },
          {
            term: t('trainings.fields.topics'),
            description: event.topics.map((x) => t(`trainings.topics.${x}`)).join(', '),
          },
          { term: t('trainings.fields.projectCode'), description: event.projectCode },
          { term: t('trainings.fields.capacity'), description: String(event.capacity) },
          {
            term: t('trainings.fields.targetGroups'),
            description:
              event.targetGroups.length === 0
                ? t('trainings.everyone')
                : event.targetGroups.map((g) => t(`trainings.groups.${g}`)).join(', '),
          },
          {
            term: t('trainings.fields.quotas'),
            description:
              event.quotas.length === 0
                ? t('trainings.noQuotas')
                : event.quotas.map((q) => `${text(q.label)}: ${q.percent} %`).join('; '),
          },
          {
            term: t('trainings.fields.sessions'),
            description: t('trainings.sessionsSummary', { n: event.sessions.length, hours: hours(total) }),
          },
          {
            term: t('trainings.fields.completionPercent'),
            description: `${event.completion.minAttendancePercent} %`,
          },
          {
            term: t('trainings.edit.facilitators'),
            description: event.facilitators.map((f) => f.name).join(', ') || '—',
          },
        ]}
      />
      {event.status !== 'draft' && event.status !== 'cancelled' && (
        <Text size="sm">
          {t('trainings.publicLink')}{' '}
          <Anchor component={Link} to={`/join/${event.id}`}>
            {`/join/${event.id}`}
          </Anchor>
        </Text>
      )}
      {mayOpen('trainings.manage', session) && (
        <Group>
          <Button component={Link} to={`/trainings/${event.id}/edit`} variant="light">
            {t('trainings.edit.title')}
          </Button>
          {NEXT[event.status].map((s) => (
            <Button
              key={s}
              variant={s === 'cancelled' ? 'subtle' : 'filled'}
              color={s === 'cancelled' ? 'red' : undefined}
              onClick={() => change.mutate(s)}
              loading={change.isPending && change.variables === s}
            >
              {t(`trainings.transitions.${s}`)}
            </Button>
          ))}
        </Group>
      )}
      {change.isError && <Refusal error={change.error} />}
    </Stack>
  );
}

function ReachTab({ eventId }: { eventId: string }) {
  const reach = useQuery(reachQuery(eventId));
  if (reach.isError) return <ApiErrorAlert error={reach.error} />;
  if (reach.isPending) return <Loading />;
  return <ReachView reach={reach.data} />;
}

const TABS: { value: string; access: WebAction }[] = [
  { value: 'overview', access: 'trainings.read' },
  { value: 'applicants', access: 'trainings.participants.read' },
  { value: 'attendance', access: 'trainings.attendance.record' },
  { value: 'tests', access: 'trainings.read' },
  { value: 'participants', access: 'trainings.participants.read' },
  { value: 'alumni', access: 'trainings.participants.read' },
  { value: 'reach', access: 'trainings.reach.read' },
];

/** A training: its details and, tab by tab, everything that happens around it. */
export function TrainingPage() {
  const { t } = useTranslation();
  const text = useText();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { data: session } = useSession();
  const event = useQuery(eventQuery(id));
  if (event.isError) return <ApiErrorAlert error={event.error} notFoundText={t('trainings.notFound')} />;
  if (event.isPending) return <Loading />;
  const e = event.data;
  const tabs = TABS.filter((x) => mayOpen(x.access, session));
  const tab = tabs.some((x) => x.value === params.get('tab')) ? params.get('tab')! : 'overview';
  return (
    <Stack gap="md">
      <Breadcrumbs
        label={t('trainings.breadcrumbs')}
        items={[{ label: t('trainings.title'), to: '/trainings' }, { label: text(e.title) }]}
      />
      <PageTitle>{text(e.title)}</PageTitle>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'overview' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          {tabs.map((x) => (
            <Tabs.Tab key={x.value} value={x.value}>
              {t(`trainings.tabs.${x.value}` as 'trainings.tabs.overview')}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <Overview event={e} />
        </Tabs.Panel>
        <Tabs.Panel value="applicants" pt="md">
          <ApplicantsTab event={e} />
        </Tabs.Panel>
        <Tabs.Panel value="attendance" pt="md">
          <AttendanceTab event={e} />
        </Tabs.Panel>
        <Tabs.Panel value="tests" pt="md">
          <TestsTab event={e} />
        </Tabs.Panel>
        <Tabs.Panel value="participants" pt="md">
          <ParticipantsTab event={e} />
        </Tabs.Panel>
        <Tabs.Panel value="alumni" pt="md">
          <AlumniTab event={e} />
        </Tabs.Panel>
        <Tabs.Panel value="reach" pt="md">
          <ReachTab eventId={e.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
