import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  populationGroup,
  type TargetGroup,
  type TrainingEvent,
  type TrainingTopic,
  trainingTopic,
} from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { PlacePicker } from '../people/PlacePicker.tsx';
import { Refusal, useText } from './TrainingBits.tsx';
import { candidatesQuery, type EventBody, eventQuery, trainingsApi, trainingsKeys } from './trainingsApi.ts';

interface QuotaDraft {
  code: string;
  labelUk: string;
  labelEn: string;
  group: TargetGroup;
  percent: number | string;
}
interface SessionDraft {
  id?: string | undefined;
  date: string;
  minutes: number | string;
}
interface Draft {
  titleUk: string;
  titleEn: string;
  descriptionUk: string;
  descriptionEn: string;
  topics: TrainingTopic[];
  projectCode: string;
  placePcode: string | null;
  venue: string;
  capacity: number | string;
  targetGroups: TargetGroup[];
  ageMin: number | string;
  ageMax: number | string;
  quotas: QuotaDraft[];
  fillUnusedQuotas: boolean;
  completionPercent: number | string;
  sessions: SessionDraft[];
  facilitatorUserIds: string[];
  externalFacilitators: string;
  enrolmentClosesOn: string;
}

const empty: Draft = {
  titleUk: '',
  titleEn: '',
  descriptionUk: '',
  descriptionEn: '',
  topics: [],
  projectCode: '',
  placePcode: null,
  venue: '',
  capacity: 20,
  targetGroups: [],
  ageMin: '',
  ageMax: '',
  quotas: [],
  fillUnusedQuotas: true,
  completionPercent: 80,
  sessions: [{ date: '', minutes: 360 }],
  facilitatorUserIds: [],
  externalFacilitators: '',
  enrolmentClosesOn: '',
};

function draftOf(e: TrainingEvent): Draft {
  return {
    titleUk: e.title.uk,
    titleEn: e.title.en,
    descriptionUk: e.description.uk,
    descriptionEn: e.description.en,
    topics: e.topics,
    projectCode: e.projectCode,
    placePcode: e.placePcode,
    venue: e.venue ?? '',
    capacity: e.capacity,
    targetGroups: e.targetGroups,
    ageMin: e.ageMin ?? '',
    ageMax: e.ageMax ?? '',
    quotas: e.quotas.map((q) => ({
      code: q.code,
      labelUk: q.label.uk,
      labelEn: q.label.en,
      group: q.populationGroups[0]!,
      percent: q.percent,
    })),
    fillUnusedQuotas: e.fillUnusedQuotas,
    completionPercent: e.completion.minAttendancePercent,
    sessions: e.sessions.map((s) => ({ id: s.id, date: s.date, minutes: s.minutes })),
    facilitatorUserIds: e.facilitators.flatMap((f) => (f.userId ? [f.userId] : [])),
    externalFacilitators: e.facilitators
      .filter((f) => !f.userId)
      .map((f) => f.name)
      .join('\n'),
    enrolmentClosesOn: e.enrolmentClosesOn ?? '',
  };
}

const num = (v: number | string) => (v === '' ? null : Number(v));

function bodyOf(d: Draft): EventBody {
  return {
    title: { uk: d.titleUk, en: d.titleEn },
    description: { uk: d.descriptionUk, en: d.descriptionEn },
    topics: d.topics,
    projectCode: d.projectCode.trim(),
    placePcode: d.placePcode ?? '',
    venue: d.venue.trim() || null,
    capacity: Number(d.capacity),
    targetGroups: d.targetGroups,
    ageMin: num(d.ageMin),
    ageMax: num(d.ageMax),
    quotas: d.quotas.map((q) => ({
      code: q.code.trim(),
      label: { uk: q.labelUk, en: q.labelEn },
      populationGroups: [q.group],
      percent: Number(q.percent),
    })),
    fillUnusedQuotas: d.fillUnusedQuotas,
    completion: { minAttendancePercent: Number(d.completionPercent) },
    sessions: d.sessions.map((s) => ({
      ...(s.id ? { id: s.id } : {}),
      date: s.date,
      minutes: Number(s.minutes),
      title: null,
    })),
    facilitators: [
      ...d.facilitatorUserIds.map((userId) => ({ userId })),
      ...d.externalFacilitators
        .split('\n')
        .map((n) => n.trim())
        .filter(Boolean)
        .map((name) => ({ name })),
    ],
    enrolmentClosesOn: d.enrolmentClosesOn || null,
    enrolmentForm: null,
  };
}

function Editor({ initial, event }: { initial: Draft; event?: TrainingEvent }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [d, setD] = useState<Draft>(initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((x) => ({ ...x, [key]: value }));
  const candidates = useQuery(candidatesQuery());
  const groups = populationGroup.options;

  const save = useMutation({
    mutationFn: () =>
      event
        ? trainingsApi.update(event.id, { ...bodyOf(d), version: event.version })
        : trainingsApi.create(bodyOf(d)),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: trainingsKeys.all });
      void navigate(`/trainings/${saved.id}`);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const setQuota = (i: number, patch: Partial<QuotaDraft>) =>
    set(
      'quotas',
      d.quotas.map((q, j) => (j === i ? { ...q, ...patch } : q)),
    );
  const setSession = (i: number, patch: Partial<SessionDraft>) =>
    set(
      'sessions',
      d.sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={900}>
        <Fieldset legend={t('trainings.edit.about')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('trainings.fields.titleUk')}
              value={d.titleUk}
              onChange={(e) => set('titleUk', e.currentTarget.value)}
              required
            />
            <TextInput
              label={t('trainings.fields.titleEn')}
              value={d.titleEn}
              onChange={(e) => set('titleEn', e.currentTarget.value)}
            />
            <Textarea
              label={t('trainings.fields.descriptionUk')}
              value={d.descriptionUk}
              onChange={(e) => set('descriptionUk', e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Textarea
              label={t('trainings.fields.descriptionEn')}
              value={d.descriptionEn}
              onChange={(e) => set('descriptionEn', e.currentTarget.value)}
              autosize
              minRows={2}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('trainings.fields.topics')}
            value={d.topics}
            onChange={(v) => set('topics', v as TrainingTopic[])}
            mt="sm"
            required
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing={6}>
              {trainingTopic.options.map((topic) => (
                <Checkbox key={topic} value={topic} label={t(`trainings.topics.${topic}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
            <TextInput
              label={t('trainings.fields.projectCode')}
              description={t('trainings.edit.projectHint')}
              value={d.projectCode}
              onChange={(e) => set('projectCode', e.currentTarget.value)}
              required
            />
            <PlacePicker
              label={t('trainings.fields.place')}
              value={d.placePcode}
              onChange={(v) => set('placePcode', v)}
            />
            <TextInput
              label={t('trainings.fields.venue')}
              value={d.venue}
              onChange={(e) => set('venue', e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label={t('trainings.fields.enrolmentClosesOn')}
              value={d.enrolmentClosesOn}
              onChange={(e) => set('enrolmentClosesOn', e.currentTarget.value)}
            />
          </SimpleGrid>
        </Fieldset>

        <Fieldset legend={t('trainings.edit.sessions')}>
          <Stack gap="xs">
            {d.sessions.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
              <Group key={i} align="flex-end" wrap="wrap">
                <TextInput
                  type="date"
                  label={t('trainings.edit.sessionDate', { n: i + 1 })}
                  value={s.date}
                  onChange={(e) => setSession(i, { date: e.currentTarget.value })}
                  required
                />
                <NumberInput
                  label={t('trainings.edit.sessionMinutes', { n: i + 1 })}
                  value={s.minutes}
                  onChange={(v) => setSession(i, { minutes: v })}
                  min={15}
                  max={720}
                  step={30}
                  w={160}
                />
                <Button
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    set(
                      'sessions',
                      d.sessions.filter((_, j) => j !== i),
                    )
                  }
                  disabled={d.sessions.length === 1}
                  aria-label={t('trainings.edit.removeSession', { n: i + 1 })}
                >
                  {t('trainings.edit.remove')}
                </Button>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                onClick={() =>
                  set('sessions', [...d.sessions, { date: '', minutes: d.sessions.at(-1)?.minutes ?? 360 }])
                }
              >
                {t('trainings.edit.addSession')}
              </Button>
            </Group>
            <NumberInput
              label={t('trainings.fields.completionPercent')}
              description={t('trainings.edit.completionHint')}
              value={d.completionPercent}
              onChange={(v) => set('completionPercent', v)}
              min={1}
              max={100}
              w={260}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('trainings.edit.participants')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('trainings.fields.capacity')}
              value={d.capacity}
              onChange={(v) => set('capacity', v)}
              min={1}
              max={1000}
              required
            />
            <NumberInput
              label={t('trainings.fields.ageMin')}
              value={d.ageMin}
              onChange={(v) => set('ageMin', v)}
              min={0}
              max={120}
            />
            <NumberInput
              label={t('trainings.fields.ageMax')}
              value={d.ageMax}
              onChange={(v) => set('ageMax', v)}
              min={0}
              max={120}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('trainings.fields.targetGroups')}
            description={t('trainings.edit.targetHint')}
            value={d.targetGroups}
            onChange={(v) => set('targetGroups', v as TargetGroup[])}
            mt="sm"
          >
            <Group mt={6}>
              {groups.map((g) => (
                <Checkbox key={g} value={g} label={t(`trainings.groups.${g}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Text fw={600} mt="md" size="sm">
            {t('trainings.fields.quotas')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('trainings.edit.quotasHint')}
          </Text>
          <Stack gap="xs" mt="xs">
            {d.quotas.map((q, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity until saved
              <Group key={i} align="flex-end" wrap="wrap">
                <TextInput
                  label={t('trainings.edit.quotaCode', { n: i + 1 })}
                  value={q.code}
                  onChange={(e) => setQuota(i, { code: e.currentTarget.value })}
                  w={120}
                />
                <TextInput
                  label={t('trainings.edit.quotaLabelUk', { n: i + 1 })}
                  value={q.labelUk}
                  onChange={(e) => setQuota(i, { labelUk: e.currentTarget.value })}
                  w={180}
                />
                <TextInput
                  label={t('trainings.edit.quotaLabelEn', { n: i + 1 })}
                  value={q.labelEn}
                  onChange={(e) => setQuota(i, { labelEn: e.currentTarget.value })}
                  w={180}
                />
                <NativeSelect
                  label={t('trainings.edit.quotaGroup', { n: i + 1 })}
                  value={q.group}
                  onChange={(e) => setQuota(i, { group: e.currentTarget.value as TargetGroup })}
                  data={groups.map((g) => ({ value: g, label: t(`trainings.groups.${g}`) }))}
                />
                <NumberInput
                  label={t('trainings.edit.quotaPercent', { n: i + 1 })}
                  value={q.percent}
                  onChange={(v) => setQuota(i, { percent: v })}
                  min={1}
                  max={100}
                  w={120}
                  suffix=" %"
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  onClick={() =>
                    set(
                      'quotas',
                      d.quotas.filter((_, j) => j !== i),
                    )
                  }
                  aria-label={t('trainings.edit.removeQuota', { n: i + 1 })}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                variant="light"
                onClick={() =>
                  set('quotas', [
                    ...d.quotas,
                    { code: '', labelUk: '', labelEn: '', group: 'idp', percent: 50 },
                  ])
                }
              >
                {t('trainings.edit.addQuota')}
              </Button>
            </Group>
            <Checkbox
              label={t('trainings.fields.fillUnusedQuotas')}
              checked={d.fillUnusedQuotas}
              onChange={(e) => set('fillUnusedQuotas', e.currentTarget.checked)}
            />
          </Stack>
        </Fieldset>

        <Fieldset legend={t('trainings.edit.facilitators')}>
          <MultiSelect
            label={t('trainings.fields.staffFacilitators')}
            data={(candidates.data?.items ?? []).map((c) => ({ value: c.userId, label: c.name }))}
            value={d.facilitatorUserIds}
            onChange={(v) => set('facilitatorUserIds', v)}
            searchable
          />
          <Textarea
            label={t('trainings.fields.externalFacilitators')}
            description={t('trainings.edit.externalHint')}
            value={d.externalFacilitators}
            onChange={(e) => set('externalFacilitators', e.currentTarget.value)}
            autosize
            minRows={2}
            mt="sm"
          />
        </Fieldset>

        {save.isError && <Refusal error={save.error} />}
        <Group>
          <Button type="submit" loading={save.isPending}>
            {event ? t('trainings.edit.save') : t('trainings.edit.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function TrainingCreatePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Breadcrumbs
        label={t('trainings.breadcrumbs')}
        items={[{ label: t('trainings.title'), to: '/trainings' }, { label: t('trainings.create') }]}
      />
      <PageTitle>{t('trainings.create')}</PageTitle>
      <Editor initial={empty} />
    </Stack>
  );
}

export function TrainingEditPage() {
  const { t } = useTranslation();
  const text = useText();
  const { id = '' } = useParams();
  const event = useQuery(eventQuery(id));
  if (event.isError) return <ApiErrorAlert error={event.error} />;
  if (event.isPending) return <Loading />;
  return (
    <Stack gap="md">
      <Breadcrumbs
        label={t('trainings.breadcrumbs')}
        items={[
          { label: t('trainings.title'), to: '/trainings' },
          { label: text(event.data.title), to: `/trainings/${id}` },
          { label: t('trainings.edit.title') },
        ]}
      />
      <PageTitle>{t('trainings.edit.title')}</PageTitle>
      <Editor initial={draftOf(event.data)} event={event.data} />
    </Stack>
  );
}
