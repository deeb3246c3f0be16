import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { DedupPairDetail, Person } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fullName } from '../people/memberDraft.ts';
import { PlaceName } from '../people/PlacePicker.tsx';
import { householdQuery } from '../people/peopleApi.ts';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { WeightBadge } from './DedupBits.tsx';
import classes from './dedup.module.css';
import type { FieldEvidence, FieldKey } from './explanation.ts';
import { evidenceOf } from './pairEvidence.ts';
import { useExplanationText } from './useExplanationText.ts';

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

export function ComparisonTable({ pair }: { pair: DedupPairDetail }) {
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
