import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LikelyDuplicates } from '../dedup/LikelyDuplicates.tsx';
import { IdentifierRows } from './IdentifierRows.tsx';
import { birthDateFrom, type MemberDraft, type Precision, type Sex } from './memberDraft.ts';
import { POPULATION_GROUPS, PRECISIONS, RELATIONSHIPS, SEXES, VULNERABILITIES } from './memberOptions.ts';
import { PlacePicker } from './PlacePicker.tsx';
import classes from './people.module.css';
import { usePeopleFormat } from './usePeopleFormat.ts';
import { WashingtonGroupFieldset } from './WashingtonGroupFieldset.tsx';

// Re-exported so that the pages keep importing these from the fields they belong to.
export {
  IDENTIFIER_TYPES,
  POPULATION_GROUPS,
  PRECISIONS,
  RELATIONSHIPS,
  SEXES,
  VULNERABILITIES,
} from './memberOptions.ts';
export { useTaxHint } from './useTaxHint.ts';

/** A person has at most five phones (the API's limit): the main one and four others. */
const MAX_OTHER_PHONES = 4;

export type FieldMode = 'household' | 'single' | 'edit';

interface MemberFieldsProps {
  member: MemberDraft;
  onChange: (patch: Partial<MemberDraft>) => void;
  /** The error for a person field (`birthDate`, `phones.0`, `identifiers.1.value`, …). */
  errorOf: (field: string) => string | undefined;
  relationshipError?: string;
  mode: FieldMode;
}

/** A DOM id for a person's field, so error summaries can link to it. */
export const fieldId = (memberKey: string, field: string) =>
  `m-${memberKey}-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** The fields of one person; shared by household registration, single registration and editing. */
export function MemberFields({ member: m, onChange, errorOf, relationshipError, mode }: MemberFieldsProps) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const id = (field: string) => fieldId(m.key, field);

  const setBirth = (precision: Precision, input: string) =>
    onChange({
      birthDatePrecision: precision,
      birthInput: input,
      birthDate: birthDateFrom(precision, input),
    });

  const birthLabel = {
    day: t('people.birthDate'),
    month: t('people.birthMonth'),
    year: t('people.birthYear'),
    estimated: t('people.estimatedAge'),
  }[m.birthDatePrecision];
  const birthType = { day: 'date', month: 'month', year: 'text', estimated: 'text' }[m.birthDatePrecision];
  const birthHint =
    m.birthDate && m.birthDatePrecision !== 'day'
      ? t('people.storedAs', { date: format.date(m.birthDate) })
      : undefined;

  return (
    <Stack gap="md">
      {mode === 'household' && (
        <NativeSelect
          id={id('relationship')}
          label={t('people.relationship')}
          value={m.relationship}
          onChange={(e) => onChange({ relationship: e.currentTarget.value })}
          data={RELATIONSHIPS.map((r) => ({ value: r, label: t(`people.relationships.${r}`) }))}
          error={relationshipError}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          id={id('familyName')}
          label={t('people.familyName')}
          required
          autoComplete="off"
          value={m.familyName}
          onChange={(e) => onChange({ familyName: e.currentTarget.value })}
          error={errorOf('familyName')}
        />
        <TextInput
          id={id('givenName')}
          label={t('people.givenName')}
          required
          autoComplete="off"
          value={m.givenName}
          onChange={(e) => onChange({ givenName: e.currentTarget.value })}
          error={errorOf('givenName')}
        />
        <TextInput
          id={id('patronymic')}
          label={t('people.patronymic')}
          autoComplete="off"
          value={m.patronymic}
          onChange={(e) => onChange({ patronymic: e.currentTarget.value })}
          error={errorOf('patronymic')}
        />
      </SimpleGrid>
      <Text size="sm" c="dimmed" mt={-8}>
        {t('people.asWritten')}
      </Text>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          id={id('birthDatePrecision')}
          label={t('people.birthDatePrecision')}
          value={m.birthDatePrecision}
          onChange={(e) => setBirth(e.currentTarget.value as Precision, '')}
          data={PRECISIONS.map((p) => ({ value: p, label: t(`people.precisions.${p}`) }))}
        />
        <TextInput
          id={id('birthDate')}
          label={birthLabel}
          type={birthType}
          inputMode={birthType === 'text' ? 'numeric' : undefined}
          maxLength={birthType === 'text' ? 4 : undefined}
          value={m.birthInput}
          onChange={(e) => setBirth(m.birthDatePrecision, e.currentTarget.value)}
          description={birthHint}
          error={errorOf('birthDate')}
        />
      </SimpleGrid>

      <Radio.Group
        id={id('sex')}
        label={t('people.sex')}
        value={m.sex}
        onChange={(v) => onChange({ sex: v as Sex })}
        error={errorOf('sex')}
      >
        <Group gap="md" mt={4}>
          {SEXES.map((s) => (
            <Radio key={s} value={s} label={t(`people.sexes.${s}`)} />
          ))}
        </Group>
      </Radio.Group>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          id={id('phones.0')}
          label={t('people.phone')}
          type="tel"
          autoComplete="off"
          description={t('people.phoneDescription')}
          value={m.phone}
          onChange={(e) => onChange({ phone: e.currentTarget.value })}
          error={errorOf('phones.0') ?? errorOf('phones')}
        />
        <NativeSelect
          id={id('populationGroup')}
          label={t('people.populationGroup')}
          value={m.populationGroup}
          onChange={(e) => onChange({ populationGroup: e.currentTarget.value })}
          data={[
            { value: '', label: t('people.notStated') },
            ...POPULATION_GROUPS.map((g) => ({ value: g, label: t(`people.populationGroups.${g}`) })),
          ]}
          error={errorOf('populationGroup')}
        />
      </SimpleGrid>
      {m.otherPhones.map((phone, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: controlled inputs named by position, as the API's `phones.N` errors are
        <Group key={`phone-${i + 1}`} align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            id={id(`phones.${i + 1}`)}
            label={t('people.otherPhone', { n: i + 2 })}
            type="tel"
            autoComplete="off"
            value={phone}
            onChange={(e) => {
              const next = [...m.otherPhones];
              next[i] = e.currentTarget.value;
              onChange({ otherPhones: next });
            }}
            error={errorOf(`phones.${i + 1}`)}
            style={{ flex: 1 }}
          />
          <Button
            variant="subtle"
            color="red"
            aria-label={t('people.removePhone', { n: i + 2 })}
            onClick={() => onChange({ otherPhones: m.otherPhones.filter((_, j) => j !== i) })}
          >
            {t('people.remove')}
          </Button>
        </Group>
      ))}
      {m.otherPhones.length < MAX_OTHER_PHONES && (
        <Button
          variant="subtle"
          w="fit-content"
          onClick={() => onChange({ otherPhones: [...m.otherPhones, ''] })}
        >
          {t('people.addPhone')}
        </Button>
      )}
      {mode !== 'edit' && <LikelyDuplicates member={m} />}

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <PlacePicker
          id={id('originPcode')}
          label={t('people.originPlace')}
          value={m.originPcode}
          onChange={(originPcode) => onChange({ originPcode })}
          error={errorOf('originPcode')}
        />
        <TextInput
          id={id('displacementDate')}
          label={t('people.displacementDate')}
          type="date"
          value={m.displacementDate}
          onChange={(e) => onChange({ displacementDate: e.currentTarget.value })}
          error={errorOf('displacementDate')}
        />
      </SimpleGrid>
      {mode !== 'household' || m.currentPcode ? (
        <PlacePicker
          id={id('currentPcode')}
          label={t('people.personCurrentPlace')}
          value={m.currentPcode}
          onChange={(currentPcode) => onChange({ currentPcode })}
          error={errorOf('currentPcode')}
        />
      ) : null}

      <WashingtonGroupFieldset member={m} onChange={onChange} id={id} />

      <Fieldset
        classNames={{ root: classes.fieldset }}
        legend={t('people.vulnerabilitiesLegend')}
        id={id('vulnerabilities')}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {VULNERABILITIES.map((v) => (
            <Checkbox
              key={v}
              label={t(`people.vulnerabilities.${v}`)}
              checked={m.vulnerabilities.includes(v)}
              onChange={(e) =>
                onChange({
                  vulnerabilities: e.currentTarget.checked
                    ? [...m.vulnerabilities, v]
                    : m.vulnerabilities.filter((x) => x !== v),
                })
              }
            />
          ))}
        </SimpleGrid>
      </Fieldset>

      {mode !== 'edit' && <IdentifierRows member={m} onChange={onChange} errorOf={errorOf} id={id} />}

      {mode !== 'edit' && (
        <Fieldset
          classNames={{ root: classes.fieldset }}
          legend={t('people.consentLegend')}
          id={id('consents')}
        >
          <Stack gap="sm">
            <Checkbox
              id={id('consentAssistance')}
              label={t('people.consentAssistance')}
              checked={m.consentAssistance}
              onChange={(e) => onChange({ consentAssistance: e.currentTarget.checked })}
              error={errorOf('consents')}
            />
            {m.consentAssistance && (
              <Radio.Group
                label={t('people.consentMethod')}
                value={m.consentMethod}
                onChange={(v) => onChange({ consentMethod: v as 'signed' | 'verbal' })}
              >
                <Group gap="md" mt={4}>
                  <Radio value="signed" label={t('people.consentMethods.signed')} />
                  <Radio value="verbal" label={t('people.consentMethods.verbal')} />
                </Group>
              </Radio.Group>
            )}
          </Stack>
        </Fieldset>
      )}
    </Stack>
  );
}
