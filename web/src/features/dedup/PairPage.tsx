import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Radio,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery, useReducedMotion } from '@mantine/hooks';
import type { DedupDecisionBody, DedupPairDetail, Person } from '@oselia/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../ui/format.ts';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { fullName } from '../people/memberDraft.ts';
import { PlaceName } from '../people/PlacePicker.tsx';
import { householdQuery, peopleKeys } from '../people/peopleApi.ts';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { DARK, KindBadge, WeightBadge } from './DedupBits.tsx';
import classes from './dedup.module.css';
import { dedupApi, dedupKeys, pairQuery } from './dedupApi.ts';
import {
  defaultSurvivor,
  type FieldEvidence,
  type FieldKey,
  formatProbability,
  formatWeight,
  markRespelled,
  weighEvidence,
} from './explanation.ts';
import { useExplanationText } from './useExplanationText.ts';

/** The pair's field evidence, with names the same but spelled differently marked as such. */
const evidenceOf = (pair: DedupPairDetail) => markRespelled(pair.explanation.fields, pair.a, pair.b);

/** Statuses in which the pair still waits for a decision. */
const OPEN = new Set(['pending', 'skipped', 'undone']);

/** "birth date — exact (+9.1)" items, for the evidence lists. */
function EvidenceList({ fields }: { fields: FieldEvidence[] }) {
  const text = useExplanationText();
  const { locale } = useFormat();
  return (
    <List size="sm" spacing={2}>
      {fields.map((f) => (
        <List.Item key={f.field}>
          {text.field(f.field)} — {text.level(f.label)} ({formatWeight(f.weight, locale)})
        </List.Item>
      ))}
    </List>
  );
}

function WhySection({ pair }: { pair: DedupPairDetail }) {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const text = useExplanationText();
  const evidence = weighEvidence(evidenceOf(pair));
  return (
    <section aria-labelledby="why-heading">
      <Title order={2} id="why-heading" mb="xs">
        {t('dedup.whyHeading')}
      </Title>
      <Text mb="sm">
        {t('dedup.whyTotal', {
          p: formatProbability(pair.probability, locale),
          weight: formatWeight(pair.explanation.total, locale),
        })}
      </Text>
      <div className={classes.evidence}>
        {evidence.for.length > 0 && (
          <div>
            <Text fw={600} size="sm" id="evidence-for">
              {t('dedup.evidenceFor')}
            </Text>
            <EvidenceList fields={evidence.for} />
          </div>
        )}
        {evidence.against.length > 0 && (
          <div>
            <Text fw={600} size="sm">
              {t('dedup.evidenceAgainst')}
            </Text>
            <EvidenceList fields={evidence.against} />
          </div>
        )}
        {evidence.neutral.length > 0 && (
          <div>
            <Text fw={600} size="sm">
              {t('dedup.evidenceNeutral')}
            </Text>
            <EvidenceList fields={evidence.neutral} />
          </div>
        )}
      </div>
      {(pair.explanation.veto || pair.reason) && (
        <Alert color="yellow" variant="light" mt="sm" role="note" title={t('dedup.reviewReason')}>
          {[pair.explanation.veto, pair.reason]
            .filter((x): x is string => !!x)
            .map((x) => text.note(x))
            .join(' · ')}
        </Alert>
      )}
      <Text size="xs" c="dimmed" mt="sm" maw={760}>
        {t('dedup.weightHelp')}
      </Text>
    </section>
  );
}

function HouseholdCell({ person }: { person: Person }) {
  const { t } = useTranslation();
  const household = useQuery({ ...householdQuery(person.householdId ?? ''), enabled: !!person.householdId });
  if (!person.householdId) return <>{t('dedup.noHousehold')}</>;
  const relationship = person.relationshipToHead
    ? t(`people.relationships.${person.relationshipToHead as 'head'}`)
    : null;
  return (
    <>
      {[relationship, household.data ? t('dedup.householdSize', { n: household.data.size }) : null]
        .filter(Boolean)
        .join(' · ')}
    </>
  );
}

interface Row {
  key: string;
  label: string;
  field?: FieldKey;
  value: (p: Person) => ReactNode;
}

/** How well a field agrees, and the weight it added. */
function Agreement({ evidence }: { evidence: FieldEvidence | undefined }) {
  const { t } = useTranslation();
  const text = useExplanationText();
  return evidence ? (
    <Group gap={6} wrap="nowrap">
      <WeightBadge weight={evidence.weight} />
      <Text size="sm">{text.level(evidence.label)}</Text>
    </Group>
  ) : (
    <Text size="sm" c="dimmed">
      {t('dedup.notCompared')}
    </Text>
  );
}

/** On a phone: one block per field, both values under it, instead of a table to scroll sideways. */
function Stacked({
  pair,
  rows,
  byField,
}: {
  pair: DedupPairDetail;
  rows: Row[];
  byField: Map<string, FieldEvidence>;
}) {
  const { t } = useTranslation();
  const record = (p: Person, label: string) => (
    <Text size="sm">
      {label}:{' '}
      <Anchor component={Link} to={`/people/${p.id}`}>
        {fullName(p)}
      </Anchor>
      {p.mergedInto && ` (${t('dedup.mergedMarker')})`}
    </Text>
  );
  return (
    <Stack gap="sm">
      {record(pair.a, t('dedup.recordA'))}
      {record(pair.b, t('dedup.recordB'))}
      <ul className={classes.stacked}>
        {rows.map((row) => (
          <li key={row.key} className={classes.stackedRow}>
            <Group justify="space-between" wrap="wrap" gap={6}>
              <Text fw={700} size="sm">
                {row.label}
              </Text>
              <Agreement evidence={row.field ? byField.get(row.field) : undefined} />
            </Group>
            <dl className={classes.stackedValues}>
              <dt>{t('dedup.recordA')}</dt>
              <dd>{row.value(pair.a)}</dd>
              <dt>{t('dedup.recordB')}</dt>
              <dd>{row.value(pair.b)}</dd>
            </dl>
          </li>
        ))}
      </ul>
      <Group justify="space-between">
        <Text size="sm">{t('dedup.prior')}</Text>
        <WeightBadge weight={pair.explanation.prior} />
      </Group>
      <Group justify="space-between">
        <Text size="sm" fw={700}>
          {t('dedup.total')}
        </Text>
        <WeightBadge weight={pair.explanation.total} />
      </Group>
    </Stack>
  );
}

function ComparisonTable({ pair }: { pair: DedupPairDetail }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const phone = useMediaQuery('(max-width: 47.99em)', false);
  const byField = new Map(evidenceOf(pair).map((f) => [f.field, f]));
  const none = t('people.noneRecorded');
  const withLatin = (written: string | null, latin: string | null) =>
    written ? (
      <>
        {written}
        {latin && latin !== written && (
          <Text size="xs" c="dimmed" component="span" display="block">
            {latin}
          </Text>
        )}
      </>
    ) : (
      none
    );
  const rows: Row[] = [
    {
      key: 'family',
      label: t('people.familyName'),
      field: 'family_name',
      value: (p) => withLatin(p.familyName, p.latinName.familyName),
    },
    {
      key: 'given',
      label: t('people.givenName'),
      field: 'given_name',
      value: (p) => withLatin(p.givenName, p.latinName.givenName),
    },
    {
      key: 'patronymic',
      label: t('people.patronymic'),
      field: 'patronymic',
      value: (p) => withLatin(p.patronymic, p.latinName.patronymic),
    },
    {
      key: 'birth',
      label: t('people.birthDate'),
      field: 'birth_date',
      value: (p) => (p.birthDate ? format.birthDate(p.birthDate, p.birthDatePrecision) : none),
    },
    { key: 'sex', label: t('people.sex'), field: 'sex', value: (p) => t(`people.sexes.${p.sex}`) },
    {
      key: 'phones',
      label: t('people.phones'),
      field: 'phone',
      value: (p) => (p.phones.length > 0 ? p.phones.join(', ') : none),
    },
    {
      key: 'documents',
      label: t('dedup.documents'),
      field: 'tax_id',
      value: (p) =>
        p.identifiers.length > 0 ? (
          <span className={classes.masked}>
            {p.identifiers.map((i) => `${t(`people.identifierTypes.${i.type}`)} ${i.masked}`).join(', ')}
          </span>
        ) : (
          none
        ),
    },
    {
      key: 'place',
      label: t('people.currentPlaceShort'),
      field: 'oblast',
      value: (p) => <PlaceName pcode={p.currentPcode} />,
    },
    { key: 'household', label: t('people.household'), value: (p) => <HouseholdCell person={p} /> },
    { key: 'registered', label: t('people.registeredAt'), value: (p) => format.dateTime(p.createdAt) },
  ];

  const header = (p: Person, label: string) => (
    <Table.Th scope="col">
      <Text fw={700} size="sm" component="span" display="block">
        {label}
      </Text>
      <Anchor component={Link} to={`/people/${p.id}`} size="sm">
        {fullName(p)}
      </Anchor>
      {p.mergedInto && (
        <Badge variant="light" color="gray" tt="none" display="block" mt={4}>
          {t('dedup.mergedMarker')}
        </Badge>
      )}
    </Table.Th>
  );

  return (
    <section aria-labelledby="records-heading">
      <Title order={2} id="records-heading" mb="xs">
        {t('dedup.recordsHeading')}
      </Title>
      {phone ? (
        <Stacked pair={pair} rows={rows} byField={byField} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table captionSide="top" verticalSpacing="xs" striped className={classes.compare}>
            <Table.Caption ta="start">{t('dedup.tableCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dedup.columnField')}</Table.Th>
                {header(pair.a, t('dedup.recordA'))}
                {header(pair.b, t('dedup.recordB'))}
                <Table.Th scope="col">{t('dedup.columnAgreement')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const e = row.field ? byField.get(row.field) : undefined;
                return (
                  <Table.Tr key={row.key}>
                    <Table.Th scope="row" fw={600}>
                      {row.label}
                    </Table.Th>
                    <Table.Td>{row.value(pair.a)}</Table.Td>
                    <Table.Td>{row.value(pair.b)}</Table.Td>
                    <Table.Td>
                      <Agreement evidence={e} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={3}>
                  {t('dedup.prior')}
                </Table.Th>
                <Table.Td>
                  <WeightBadge weight={pair.explanation.prior} />
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row" colSpan={3}>
                  {t('dedup.total')}
                </Table.Th>
                <Table.Td>
                  <WeightBadge weight={pair.explanation.total} />
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}

/** The record the other was merged into, when this pair was merged. */
function survivorOf(pair: DedupPairDetail): Person | null {
  if (pair.a.mergedInto === pair.b.id) return pair.b;
  if (pair.b.mergedInto === pair.a.id) return pair.a;
  return null;
}

function Decisions({ pair, onDecided }: { pair: DedupPairDetail; onDecided: () => void }) {
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

function NextPairButton({ pairId }: { pairId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const next = useMutation({
    mutationFn: () => dedupApi.nextPending(pairId),
    onSuccess: (id) => navigate(id ? `/dedup/pairs/${id}` : '/dedup'),
  });
  return (
    <Button variant="light" onClick={() => next.mutate()} loading={next.isPending}>
      {t('dedup.nextPair')}
    </Button>
  );
}

/** What was decided, and what can still be done about it. */
function Outcome({ pair, focusRef }: { pair: DedupPairDetail; focusRef: RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const queryClient = useQueryClient();
  const undo = useMutation({
    mutationFn: () => dedupApi.undo(pair.id),
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: ['dedup', 'pairs'] });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.all });
      await queryClient.invalidateQueries({ queryKey: dedupKeys.pair(pair.id) });
      focusRef.current?.focus();
    },
  });
  const when = format.dateTime(pair.decidedAt) ?? '';
  const survivor = survivorOf(pair);
  let body: ReactNode = null;
  if (pair.status === 'merged') {
    const absorbed = survivor?.id === pair.a.id ? pair.b : pair.a;
    body = (
      <Stack gap="xs" align="flex-start">
        <Text size="sm">
          {t('dedup.outcomeMerged', {
            merged: fullName(absorbed),
            kept: survivor ? fullName(survivor) : '',
            when,
          })}
        </Text>
        {survivor && (
          <Anchor component={Link} to={`/people/${survivor.id}`} fw={600}>
            {t('dedup.openSurvivor', { name: fullName(survivor) })}
          </Anchor>
        )}
        <Group gap="sm">
          <Button variant="outline" onClick={() => undo.mutate()} loading={undo.isPending}>
            {t('dedup.undo')}
          </Button>
          <NextPairButton pairId={pair.id} />
        </Group>
        {undo.isError && <ApiErrorAlert error={undo.error} />}
      </Stack>
    );
  } else if (pair.status === 'not_same') {
    body = (
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('dedup.outcomeNotSame', { when })}</Text>
        <NextPairButton pairId={pair.id} />
      </Stack>
    );
  } else if (pair.status === 'skipped') {
    body = <Text size="sm">{t('dedup.outcomeSkipped', { when })}</Text>;
  } else if (pair.status === 'undone') {
    body = <Text size="sm">{t('dedup.outcomeUndone', { when })}</Text>;
  }
  return (
    <div ref={focusRef} tabIndex={-1} role="status" className={classes.outcome}>
      {body && (
        <Paper
          withBorder
          p="md"
          radius="md"
          className={pair.status === 'merged' ? classes.outcomeMerged : classes.outcomeOther}
        >
          <Text fw={700} mb={6}>
            {t(`dedup.statuses.${pair.status}`)}
          </Text>
          {body}
        </Paper>
      )}
    </div>
  );
}

export function PairPage() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const { id = '' } = useParams();
  const pair = useQuery(pairQuery(id));
  const outcomeRef = useRef<HTMLDivElement>(null);
  const [decided, setDecided] = useState(0);

  // After a decision, the reviewer is taken to what happened (and to Undo).
  useEffect(() => {
    if (decided > 0) outcomeRef.current?.focus();
  }, [decided]);

  const back = (
    <Anchor component={Link} to="/dedup" size="sm">
      {t('dedup.backToQueue')}
    </Anchor>
  );
  if (pair.isPending) return <Loading />;
  if (pair.isError)
    return (
      <Stack gap="sm" align="flex-start">
        {back}
        <PageTitle>{t('dedup.pairTitle')}</PageTitle>
        <ApiErrorAlert
          error={pair.error}
          notFoundText={t('dedup.pairNotFound')}
          onRetry={() => void pair.refetch()}
        />
      </Stack>
    );
  const p = pair.data;
  return (
    <Stack gap="xl" maw={1100}>
      <div>
        {back}
        <PageTitle documentTitle={`${t('dedup.pairTitle')}: ${fullName(p.a)} ↔ ${fullName(p.b)}`}>
          {t('dedup.pairTitle')}
        </PageTitle>
        <Text>
          {fullName(p.a)} ↔ {fullName(p.b)}
        </Text>
        <Group gap={6} mt="xs" wrap="wrap">
          <KindBadge kind={p.decision} />
          <Badge variant="outline" color="gray" tt="none">
            {t('dedup.probability', { p: formatProbability(p.probability, locale) })}
          </Badge>
          <Badge variant="outline" color="gray" tt="none">
            {t(`dedup.statuses.${p.status}`)}
          </Badge>
        </Group>
        <Outcome pair={p} focusRef={outcomeRef} />
      </div>
      <WhySection pair={p} />
      <ComparisonTable pair={p} />
      {OPEN.has(p.status) && <Decisions pair={p} onDecided={() => setDecided((n) => n + 1)} />}
    </Stack>
  );
}
