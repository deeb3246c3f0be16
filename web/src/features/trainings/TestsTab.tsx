import {
  Alert,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { KnowledgeTest, TestKind, TestQuestion, TrainingEvent } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { mayOpen, useSession } from '../access/session.ts';
import { TableScroll } from '../people/TableScroll.tsx';
import { Refusal, useText } from './TrainingBits.tsx';
import { knowledgeQuery, participantsQuery, testQuery, trainingsApi, trainingsKeys } from './trainingsApi.ts';

interface QuestionDraft {
  textUk: string;
  textEn: string;
  /** One choice per line (the same text is used in both languages). */
  choices: string;
  correct: number;
  points: number | string;
}

const blank: QuestionDraft = { textUk: '', textEn: '', choices: '', correct: 0, points: 1 };
const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
const letters = 'abcdefghij';

function toQuestions(drafts: QuestionDraft[]): TestQuestion[] {
  return drafts.map((d, i) => {
    const choices = lines(d.choices).map((c, j) => ({ id: letters[j]!, text: { uk: c, en: c } }));
    return {
      id: `q${i + 1}`,
      text: { uk: d.textUk, en: d.textEn || d.textUk },
      choices,
      correct: [letters[Math.min(d.correct, Math.max(0, choices.length - 1))]!],
      points: Number(d.points) || 1,
    };
  });
}

function draftsOf(test: KnowledgeTest | null): QuestionDraft[] {
  if (!test) return [{ ...blank }];
  return test.questions.map((q) => ({
    textUk: q.text.uk,
    textEn: q.text.en,
    choices: q.choices.map((c) => c.text.uk || c.text.en).join('\n'),
    correct: Math.max(
      0,
      q.choices.findIndex((c) => q.correct.includes(c.id)),
    ),
    points: q.points,
  }));
}

/** Questions with their answer key, one correct choice each. */
function TestEditor({
  event,
  kind,
  test,
}: {
  event: TrainingEvent;
  kind: TestKind;
  test: KnowledgeTest | null;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<QuestionDraft[]>(() => draftsOf(test));
  const set = (i: number, patch: Partial<QuestionDraft>) =>
    setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const save = useMutation({
    mutationFn: () => trainingsApi.putTest(event.id, kind, toQuestions(drafts), test?.version),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trainingsKeys.event(event.id) }),
  });
  return (
    <Stack gap="sm">
      {drafts.map((d, i) => {
        const options = lines(d.choices);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: questions are numbered by position
          <Fieldset key={i} legend={t('trainings.tests.question', { n: i + 1 })}>
            <Stack gap="xs">
              <TextInput
                label={t('trainings.tests.textUk', { n: i + 1 })}
                value={d.textUk}
                onChange={(e) => set(i, { textUk: e.currentTarget.value })}
              />
              <TextInput
                label={t('trainings.tests.textEn', { n: i + 1 })}
                value={d.textEn}
                onChange={(e) => set(i, { textEn: e.currentTarget.value })}
              />
              <Textarea
                label={t('trainings.tests.choices', { n: i + 1 })}
                description={t('trainings.tests.choicesHint')}
                value={d.choices}
                onChange={(e) => set(i, { choices: e.currentTarget.value })}
                autosize
                minRows={2}
              />
              <Group align="flex-end">
                <NativeSelect
                  label={t('trainings.tests.correct', { n: i + 1 })}
                  value={String(d.correct)}
                  onChange={(e) => set(i, { correct: Number(e.currentTarget.value) })}
                  data={
                    options.length
                      ? options.map((o, j) => ({ value: String(j), label: o }))
                      : [{ value: '0', label: '—' }]
                  }
                />
                <NumberInput
                  label={t('trainings.tests.points', { n: i + 1 })}
                  value={d.points}
                  onChange={(v) => set(i, { points: v })}
                  min={1}
                  max={100}
                  w={120}
                />
                <Button
                  variant="subtle"
                  color="red"
                  disabled={drafts.length === 1}
                  onClick={() => setDrafts((ds) => ds.filter((_, j) => j !== i))}
                >
                  {t('trainings.tests.removeQuestion', { n: i + 1 })}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button variant="light" onClick={() => setDrafts((ds) => [...ds, { ...blank }])}>
          {t('trainings.tests.addQuestion')}
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('trainings.tests.saveTest', { kind: t(`trainings.tests.kinds.${kind}`) })}
        </Button>
      </Group>
      {save.isError && <Refusal error={save.error} />}
      {save.isSuccess && (
        <Alert color="#1b6e31" variant="outline" role="status">
          {t('trainings.tests.saved')}
        </Alert>
      )}
    </Stack>
  );
}

/** A participant's answers to one test, entered from their paper sheet; saving moves to the next. */
function AnswerEntry({ event, kind, test }: { event: TrainingEvent; kind: TestKind; test: KnowledgeTest }) {
  const { t } = useTranslation();
  const text = useText();
  const queryClient = useQueryClient();
  const participants = useQuery(participantsQuery(event.id));
  const [who, setWho] = useState('');
  const [picks, setPicks] = useState<Record<string, string>>({});
  const [last, setLast] = useState<{ name: string; score: number; max: number } | null>(null);
  const list = participants.data?.items ?? [];
  const current = who || list[0]?.applicationId || '';
  const save = useMutation({
    mutationFn: () =>
      trainingsApi.recordAnswers(event.id, kind, [
        {
          applicationId: current,
          answers: Object.fromEntries(Object.entries(picks).map(([q, c]) => [q, [c]])),
        },
      ]),
    onSuccess: (r) => {
      const p = list.find((x) => x.applicationId === current);
      setLast({
        name: p ? `${p.familyName} ${p.givenName}` : '',
        score: r.items[0]!.score,
        max: r.items[0]!.maxScore,
      });
      const i = list.findIndex((x) => x.applicationId === current);
      setWho(list[i + 1]?.applicationId ?? current);
      setPicks({});
      void queryClient.invalidateQueries({ queryKey: trainingsKeys.of(event.id, 'knowledge') });
    },
  });
  if (participants.isError) return <ApiErrorAlert error={participants.error} />;
  if (list.length === 0) return <Text>{t('trainings.attendance.noParticipants')}</Text>;
  return (
    <Stack gap="sm">
      <NativeSelect
        label={t('trainings.tests.participant')}
        value={current}
        onChange={(e) => {
          setWho(e.currentTarget.value);
          setPicks({});
        }}
        data={list.map((p) => ({ value: p.applicationId, label: `${p.familyName} ${p.givenName}` }))}
      />
      {test.questions.map((q, i) => (
        <Radio.Group
          key={q.id}
          label={`${i + 1}. ${text(q.text)}`}
          value={picks[q.id] ?? ''}
          onChange={(v) => setPicks((p) => ({ ...p, [q.id]: v }))}
        >
          <Stack gap={6} mt={6}>
            {q.choices.map((c) => (
              <Radio key={c.id} value={c.id} label={text(c.text)} size="md" />
            ))}
          </Stack>
        </Radio.Group>
      ))}
      {save.isError && <Refusal error={save.error} />}
      {last && (
        <Alert color="#1b6e31" variant="outline" role="status">
          {t('trainings.tests.scored', { name: last.name, score: last.score, max: last.max })}
        </Alert>
      )}
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!current}>
          {t('trainings.tests.saveAnswers')}
        </Button>
      </Group>
    </Stack>
  );
}

function Knowledge({ event }: { event: TrainingEvent }) {
  const { t } = useTranslation();
  const format = useFormat();
  const k = useQuery(knowledgeQuery(event.id));
  if (k.isError) return <ApiErrorAlert error={k.error} />;
  if (k.isPending) return <Loading />;
  const e = k.data.event;
  const pct = (x: number | null) => (x === null ? '—' : `${format.number(x)} %`);
  const num = (x: number | null) => (x === null ? '—' : format.number(x));
  return (
    <Stack gap="sm">
      <Text role="status">
        {e.withBoth === 0
          ? t('trainings.tests.noGainYet')
          : t('trainings.tests.eventGain', {
              n: e.withBoth,
              pre: pct(e.meanPrePercent),
              post: pct(e.meanPostPercent),
              gain: num(e.meanGain),
              normalised: num(e.meanNormalisedGain),
              improved: pct(e.shareImproved === null ? null : Math.round(e.shareImproved * 1000) / 10),
            })}
      </Text>
      <TableScroll label={t('trainings.tests.gainCaption')}>
        <Table striped captionSide="top" verticalSpacing="xs">
          <Table.Caption ta="start" fw={600}>
            {t('trainings.tests.gainCaption')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trainings.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('trainings.tests.kinds.pre')}</Table.Th>
              <Table.Th scope="col">{t('trainings.tests.kinds.post')}</Table.Th>
              <Table.Th scope="col">{t('trainings.tests.gain')}</Table.Th>
              <Table.Th scope="col">{t('trainings.tests.normalised')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {k.data.participants.map((p) => (
              <Table.Tr key={p.applicationId}>
                <Table.Th scope="row" fw={400}>
                  {p.familyName} {p.givenName}
                </Table.Th>
                <Table.Td>{p.pre === null ? '—' : `${p.pre} / ${k.data.preMax}`}</Table.Td>
                <Table.Td>{p.post === null ? '—' : `${p.post} / ${k.data.postMax}`}</Table.Td>
                <Table.Td>{num(p.gain)}</Table.Td>
                <Table.Td>{num(p.normalisedGain)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Stack>
  );
}

/** Pre and post tests: questions with their key, answers entered, the knowledge gain. */
export function TestsTab({ event }: { event: TrainingEvent }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const [kind, setKind] = useState<TestKind>('pre');
  const [editing, setEditing] = useState(false);
  const test = useQuery(testQuery(event.id, kind));
  const manage = mayOpen('trainings.manage', session);
  const record = mayOpen('trainings.tests.record', session);
  const readResults = mayOpen('trainings.participants.read', session);
  return (
    <Stack gap="md">
      <SegmentedControl
        value={kind}
        onChange={(v) => {
          setKind(v as TestKind);
          setEditing(false);
        }}
        data={(['pre', 'post'] as const).map((k) => ({ value: k, label: t(`trainings.tests.kinds.${k}`) }))}
        aria-label={t('trainings.tests.which')}
        w="fit-content"
      />
      {test.isError ? (
        <ApiErrorAlert error={test.error} />
      ) : test.isPending ? (
        <Loading />
      ) : !test.data || editing ? (
        manage ? (
          <TestEditor key={`${kind}:${test.data?.version ?? 0}`} event={event} kind={kind} test={test.data} />
        ) : (
          <Text>{t('trainings.tests.none')}</Text>
        )
      ) : (
        <Stack gap="sm">
          <Group>
            <Text>
              {t('trainings.tests.summary', {
                n: test.data.questions.length,
                max: test.data.maxScore,
                answered: test.data.answered,
              })}
            </Text>
            {manage && (
              <Button variant="subtle" onClick={() => setEditing(true)}>
                {t('trainings.tests.edit')}
              </Button>
            )}
          </Group>
          {record && (
            <>
              <Title order={2} size="h4">
                {t('trainings.tests.enterAnswers')}
              </Title>
              <AnswerEntry key={kind} event={event} kind={kind} test={test.data} />
            </>
          )}
        </Stack>
      )}
      {readResults && (
        <>
          <Title order={2} size="h3">
            {t('trainings.tests.gainHeading')}
          </Title>
          <Knowledge event={event} />
        </>
      )}
    </Stack>
  );
}
