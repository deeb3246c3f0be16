import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { populationGroup, type TargetGroup, type TrainingTopic, trainingTopic } from '@oselia/contracts';
import { useTranslation } from 'react-i18next';
import { PlacePicker } from '../people/PlacePicker.tsx';
import type { Draft, QuotaDraft, SessionDraft, SetDraftField } from './trainingDraft.ts';

/** The editor keeps the one draft (it is saved as a whole); each fieldset edits its part of it. */
interface FieldsetProps {
  d: Draft;
  set: SetDraftField;
}

export function AboutFieldset({ d, set }: FieldsetProps) {
  const { t } = useTranslation();
  return (
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
  );
}

export function SessionsFieldset({ d, set }: FieldsetProps) {
  const { t } = useTranslation();
  const setSession = (i: number, patch: Partial<SessionDraft>) =>
    set(
      'sessions',
      d.sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    );
  return (
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
  );
}

export function ParticipantsFieldset({ d, set }: FieldsetProps) {
  const { t } = useTranslation();
  const groups = populationGroup.options;
  const setQuota = (i: number, patch: Partial<QuotaDraft>) =>
    set(
      'quotas',
      d.quotas.map((q, j) => (j === i ? { ...q, ...patch } : q)),
    );
  return (
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
              set('quotas', [...d.quotas, { code: '', labelUk: '', labelEn: '', group: 'idp', percent: 50 }])
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
  );
}
