import {
  Alert,
  Button,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type AudienceCounts, audienceCells, type TrainingTopic, trainingTopic } from '@oselia/contracts';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlacePicker } from '../people/PlacePicker.tsx';

export interface AwarenessDraftBody {
  date: string;
  topic: TrainingTopic;
  venue: string;
  placePcode: string;
  audience: AudienceCounts;
  total: number;
  materials: string | null;
  photoFileIds: string[];
}

const zero: AudienceCounts = { f_0_17: 0, f_18_59: 0, f_60_plus: 0, m_0_17: 0, m_18_59: 0, m_60_plus: 0 };
const BANDS = ['0_17', '18_59', '60_plus'] as const;

/**
 * An awareness session: where, when, what about, and the audience counted by sex and age band
 * (no names). The counts must add up to the total; the form says so while typing.
 */
export function AwarenessSessionForm(props: {
  onSubmit: (body: AwarenessDraftBody) => void;
  pending: boolean;
  submitLabel: string;
  /** Above the submit button: the server's refusal, if any. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const today = new Date().toISOString().slice(0, 10);
  const [date, setDate] = useState(today);
  const [topic, setTopic] = useState<TrainingTopic>('safe_migration');
  const [venue, setVenue] = useState('');
  const [place, setPlace] = useState<string | null>(null);
  const [audience, setAudience] = useState<AudienceCounts>(zero);
  const [total, setTotal] = useState<number | string>('');
  const [materials, setMaterials] = useState('');
  const sum = audienceCells.reduce((s, c) => s + audience[c], 0);
  const mismatch = total !== '' && Number(total) !== sum;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit({
      date,
      topic,
      venue: venue.trim(),
      placePcode: place ?? '',
      audience,
      total: Number(total),
      materials: materials.trim() || null,
      photoFileIds: [],
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={640}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('trainings.awareness.date')}
            value={date}
            max={today}
            onChange={(e) => setDate(e.currentTarget.value)}
            required
          />
          <NativeSelect
            label={t('trainings.awareness.topic')}
            value={topic}
            onChange={(e) => setTopic(e.currentTarget.value as TrainingTopic)}
            data={trainingTopic.options.map((x) => ({ value: x, label: t(`trainings.topics.${x}`) }))}
          />
          <TextInput
            label={t('trainings.awareness.venue')}
            description={t('trainings.awareness.venueHint')}
            value={venue}
            onChange={(e) => setVenue(e.currentTarget.value)}
            required
          />
          <PlacePicker label={t('trainings.awareness.place')} value={place} onChange={setPlace} />
        </SimpleGrid>
        <Text fw={600} size="sm" id="audience-heading">
          {t('trainings.awareness.audience')}
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 3 }} role="group" aria-labelledby="audience-heading">
          {(['f', 'm'] as const).flatMap((sex) =>
            BANDS.map((band) => {
              const cell = `${sex}_${band}` as keyof AudienceCounts;
              return (
                <NumberInput
                  key={cell}
                  label={t(`trainings.awareness.cells.${cell}`)}
                  value={audience[cell]}
                  onChange={(v) =>
                    setAudience((a) => ({ ...a, [cell]: Math.max(0, Math.floor(Number(v) || 0)) }))
                  }
                  min={0}
                  allowDecimal={false}
                />
              );
            }),
          )}
        </SimpleGrid>
        <NumberInput
          label={t('trainings.awareness.total')}
          value={total}
          onChange={setTotal}
          min={1}
          allowDecimal={false}
          w={200}
          error={mismatch ? t('trainings.awareness.sumIs', { sum }) : undefined}
          required
        />
        <Text size="sm" aria-live="polite" c={mismatch ? 'red.8' : 'dimmed'}>
          {t('trainings.awareness.sumLine', { sum })}
        </Text>
        <Textarea
          label={t('trainings.awareness.materials')}
          value={materials}
          onChange={(e) => setMaterials(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {mismatch && (
          <Alert color="#8a4b00" variant="outline" role="status">
            {t('trainings.awareness.mismatch')}
          </Alert>
        )}
        {props.children}
        <Button type="submit" loading={props.pending} w="fit-content">
          {props.submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
