import {
  Alert,
  Anchor,
  Checkbox,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type ApplicantGroup, applicantGroup, type PublicGrantCall } from '@oselia/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../ui/PageTitle.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { ApplicantKeyPanel } from './ApplicantKeyPanel.tsx';
import type { ApplyFields } from './applyDraft.ts';
import { MoneyField, useBilingual, useOblastOptions } from './GrantsBits.tsx';
import type { ApplicantKey } from './publicGrantsApi.ts';

const GROUPS = applicantGroup.options;

export interface Submitted {
  referenceCode: string;
  submittedAt: string;
  key: ApplicantKey;
}

interface FieldsetProps {
  fields: ApplyFields;
  set: <K extends keyof ApplyFields>(name: K, value: ApplyFields[K]) => void;
  errorOf: (name: string) => string | undefined;
}

/** Who applies: names, birth date and how to reach them. */
export function ApplicantFieldset({ fields, set, errorOf }: FieldsetProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="fieldset">
      <legend>
        <Title order={2} size="h3">
          {t('grants.apply.applicantHeading')}
        </Title>
      </legend>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('grants.apply.familyName')}
          required
          autoComplete="family-name"
          value={fields.familyName}
          onChange={(e) => set('familyName', e.currentTarget.value)}
          error={errorOf('familyName')}
        />
        <TextInput
          label={t('grants.apply.givenName')}
          required
          autoComplete="given-name"
          value={fields.givenName}
          onChange={(e) => set('givenName', e.currentTarget.value)}
          error={errorOf('givenName')}
        />
        <TextInput
          label={t('grants.apply.patronymic')}
          autoComplete="additional-name"
          value={fields.patronymic}
          onChange={(e) => set('patronymic', e.currentTarget.value)}
          error={errorOf('patronymic')}
        />
        <TextInput
          label={t('grants.apply.birthDate')}
          type="date"
          autoComplete="bday"
          value={fields.birthDate}
          onChange={(e) => set('birthDate', e.currentTarget.value)}
          error={errorOf('birthDate')}
        />
        <TextInput
          label={t('grants.apply.phone')}
          description={t('grants.apply.contactHint')}
          type="tel"
          autoComplete="tel"
          value={fields.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          error={errorOf('phone')}
        />
        <TextInput
          label={t('grants.apply.email')}
          type="email"
          autoComplete="email"
          value={fields.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          error={errorOf('email')}
        />
      </SimpleGrid>
    </Paper>
  );
}

/** The business or initiative: its name and number, where it works, who it is, the amount asked. */
export function OrganisationFieldset({
  call,
  fields,
  set,
  errorOf,
}: FieldsetProps & { call: PublicGrantCall }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const oblastOptions = useOblastOptions();
  return (
    <Paper withBorder p="md" component="fieldset">
      <legend>
        <Title order={2} size="h3">
          {t(`grants.apply.organisationHeading.${call.kind}`)}
        </Title>
      </legend>
      <Stack gap="sm">
        <TextInput
          label={t(`grants.apply.organisationName.${call.kind}`)}
          autoComplete="organization"
          value={fields.organisationName}
          onChange={(e) => set('organisationName', e.currentTarget.value)}
          error={errorOf('organisationName')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('grants.apply.businessIdKind')}
            value={fields.businessKind}
            onChange={(e) => set('businessKind', e.currentTarget.value === 'rnokpp' ? 'rnokpp' : 'edrpou')}
            data={[
              { value: 'edrpou', label: t('grants.apply.edrpou') },
              { value: 'rnokpp', label: t('grants.apply.rnokpp') },
            ]}
          />
          <TextInput
            label={t('grants.apply.businessId')}
            description={t('grants.apply.businessIdHint')}
            required={call.kind === 'business'}
            inputMode="numeric"
            autoComplete="off"
            value={fields.businessValue}
            onChange={(e) => set('businessValue', e.currentTarget.value)}
            error={errorOf('businessValue')}
          />
        </SimpleGrid>
        <NativeSelect
          label={t('grants.apply.oblast')}
          required
          value={fields.oblastPcode ?? ''}
          onChange={(e) => set('oblastPcode', e.currentTarget.value || null)}
          data={[{ value: '', label: t('grants.apply.chooseOblast') }, ...oblastOptions]}
          error={errorOf('oblastPcode')}
        />
        <Checkbox.Group
          label={t('grants.apply.groups')}
          description={t('grants.apply.groupsHint')}
          value={fields.groups}
          onChange={(v) => set('groups', v as ApplicantGroup[])}
        >
          <Stack gap={6} mt={6}>
            {GROUPS.map((g) => (
              <Checkbox key={g} value={g} label={t(`grants.groups.${g}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <MoneyField
          label={t('grants.apply.requested')}
          required
          currency={call.currency}
          value={fields.requestedAmountMinor}
          onChange={(v) => set('requestedAmountMinor', v)}
          description={t('grants.apply.requestedHint', {
            max: format.money(call.maxPerGrantMinor, call.currency),
          })}
          error={errorOf('requestedAmountMinor')}
        />
      </Stack>
    </Paper>
  );
}

/** After submitting: the reference code again, the secret again, and the way to the status page. */
export function SubmittedView({ call, submitted }: { call: PublicGrantCall; submitted: Submitted }) {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const text = useBilingual();
  return (
    <Stack gap="md" maw={760}>
      <PageTitle>{t('grants.apply.submittedTitle')}</PageTitle>
      <Alert color="#1b6e31" variant="outline" role="status" title={t('grants.apply.submittedHeading')}>
        <Text size="sm">
          {t('grants.apply.submittedBody', {
            code: submitted.referenceCode,
            title: text(call.title),
            date: format.dateTime(submitted.submittedAt),
          })}
        </Text>
      </Alert>
      <ApplicantKeyPanel applicantKey={submitted.key} />
      <Anchor component={Link} to="/applications/status">
        {t('grants.public.checkStatusLink')}
      </Anchor>
    </Stack>
  );
}
