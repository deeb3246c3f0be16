import { Button, Fieldset, Group, MultiSelect, Stack, Textarea } from '@mantine/core';
import type { TrainingEvent } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Breadcrumbs } from '../../ui/Breadcrumbs.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { Refusal, useText } from './TrainingBits.tsx';
import { AboutFieldset, ParticipantsFieldset, SessionsFieldset } from './TrainingEditFieldsets.tsx';
import { bodyOf, type Draft, draftOf, empty } from './trainingDraft.ts';
import { candidatesQuery, eventQuery, trainingsApi, trainingsKeys } from './trainingsApi.ts';

function Editor({ initial, event }: { initial: Draft; event?: TrainingEvent }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [d, setD] = useState<Draft>(initial);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((x) => ({ ...x, [key]: value }));
  const candidates = useQuery(candidatesQuery());

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

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={900}>
        <AboutFieldset d={d} set={set} />

        <SessionsFieldset d={d} set={set} />

        <ParticipantsFieldset d={d} set={set} />

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
