import { Checkbox, MultiSelect, NativeSelect, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { type Role, roles } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/index.ts';
import type { FieldErrors } from '../access/forms.ts';
import { oblastsQuery, organisationsQuery } from './adminApi.ts';

export interface UserFieldValues {
  displayName: string;
  organisationId: string;
  roles: Role[];
  /** Empty = every oblast (sent as null). */
  oblastScope: string[];
  totpRequired: boolean;
}

/** An organisation's name in the reader's language. */
export function useOrgName() {
  const { i18n } = useTranslation();
  const uk = currentLanguage(i18n.language) === 'uk';
  return (org: { nameUk: string; nameEn: string }) => (uk ? org.nameUk : org.nameEn) || org.nameEn;
}

export function OrganisationSelect({
  value,
  onChange,
  error,
  label,
  withAll = false,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  label: string;
  withAll?: boolean;
}) {
  const { t } = useTranslation();
  const orgs = useQuery(organisationsQuery());
  const orgName = useOrgName();
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      required={!withAll}
      data={[
        { value: '', label: withAll ? t('admin.all') : '—' },
        ...(orgs.data ?? []).map((o) => ({ value: o.id, label: orgName(o) })),
      ]}
    />
  );
}

/** The fields a user has in both the create and the edit form. */
export function UserFields({
  values,
  onChange,
  errors,
}: {
  values: UserFieldValues;
  onChange: (patch: Partial<UserFieldValues>) => void;
  errors: FieldErrors;
}) {
  const { t, i18n } = useTranslation();
  const oblasts = useQuery(oblastsQuery());
  const uk = currentLanguage(i18n.language) === 'uk';
  return (
    <>
      <TextInput
        label={t('admin.displayName')}
        required
        autoComplete="off"
        value={values.displayName}
        onChange={(e) => onChange({ displayName: e.currentTarget.value })}
        error={errors.displayName}
      />
      <OrganisationSelect
        label={t('admin.organisation')}
        value={values.organisationId}
        onChange={(organisationId) => onChange({ organisationId })}
        error={errors.organisationId}
      />
      <Checkbox.Group
        label={t('admin.rolesLegend')}
        required
        value={values.roles}
        onChange={(value) => onChange({ roles: value as Role[] })}
        error={errors.roles}
      >
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
          {roles.map((r) => (
            <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <MultiSelect
        label={t('admin.oblastScope')}
        description={t('admin.oblastScopeHint')}
        placeholder={values.oblastScope.length === 0 ? t('admin.allOblasts') : undefined}
        searchable
        clearable
        hidePickedOptions
        data={(oblasts.data ?? []).map((o) => ({ value: o.pcode, label: uk ? o.nameUk : o.nameEn }))}
        value={values.oblastScope}
        onChange={(oblastScope) => onChange({ oblastScope })}
        error={errors.oblastScope}
        comboboxProps={{ withinPortal: true }}
      />
      <Switch
        label={t('admin.totpRequired')}
        checked={values.totpRequired}
        onChange={(e) => onChange({ totpRequired: e.currentTarget.checked })}
      />
    </>
  );
}
