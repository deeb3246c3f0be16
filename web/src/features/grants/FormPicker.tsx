import { Alert, Group, NativeSelect, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useBilingual } from './GrantsBits.tsx';
import { formQuery, formsQuery } from './grantsApi.ts';

/** Picks the application form (a stored definition) and the version the call pins. */
export function FormPicker({
  formId,
  version,
  disabled,
  error,
  onChange,
}: {
  formId: string | null;
  version: number | null;
  disabled: boolean;
  error: string | undefined;
  onChange: (form: { id: string | null; version: number | null }) => void;
}) {
  const { t } = useTranslation();
  const text = useBilingual();
  const forms = useQuery(formsQuery());
  const chosen = useQuery(formQuery(formId));
  const options = (forms.data?.items ?? []).map((f) => ({
    value: f.id,
    label: t('grants.editor.formOption', { title: text(f.title), n: f.questionCount }),
  }));
  if (formId && !options.some((o) => o.value === formId)) options.unshift({ value: formId, label: formId });
  const versions = chosen.data?.versions ?? (version ? [version] : []);
  return (
    <>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('grants.editor.form')}
          description={t('grants.editor.formHint')}
          disabled={disabled || forms.isPending}
          value={formId ?? ''}
          onChange={(e) => {
            const id = e.currentTarget.value || null;
            const summary = forms.data?.items.find((f) => f.id === id);
            onChange({ id, version: summary?.version ?? null });
          }}
          data={[{ value: '', label: t('grants.editor.noForm') }, ...options]}
          error={error}
          style={{ flex: '1 1 20rem' }}
        />
        {formId && (
          <NativeSelect
            label={t('grants.editor.formVersion')}
            disabled={disabled}
            value={version === null ? '' : String(version)}
            onChange={(e) => onChange({ id: formId, version: Number(e.currentTarget.value) || null })}
            data={versions.map((v) => ({ value: String(v), label: t('grants.editor.versionN', { n: v }) }))}
          />
        )}
      </Group>
      {forms.isError && (
        <Alert color="#8a4b00" variant="outline" role="status">
          <Text size="sm">{t('grants.editor.formsUnavailable')}</Text>
        </Alert>
      )}
    </>
  );
}
