import { Alert, Button, Group, List, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ImportField, ImportMapping, PeopleImport } from '@oselia/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../ui/ApiErrorAlert.tsx';
import { useFormat } from '../../../ui/format.ts';
import { apiFieldErrors } from '../formErrors.ts';
import { STEP_HEADING_ID } from './ImportSteps.tsx';
import classes from './import.module.css';
import { dryRunImport, fetchImport, importKeys, setImportMapping } from './importApi.ts';
import { exampleOf, FIELD_GROUPS, mappingProblems, REQUIRED_FIELDS } from './importRules.ts';

interface MappingStepProps {
  imp: PeopleImport;
  /** The first rows of the file, when the upload happened in this tab; they show what a column holds. */
  sampleRows: Record<string, string>[];
  mappingSaved: boolean;
  onChecked: () => void;
  /** Offered when the officer came back from the report to change the mapping. */
  onCancel?: () => void;
}

const fieldId = (field: ImportField) => `import-map-${field}`;

/** Step 2: which column feeds which field; saving it runs the dry run over every row. */
export function MappingStep({ imp, sampleRows, mappingSaved, onChecked, onCancel }: MappingStepProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [mapping, setMapping] = useState<ImportMapping>(() => ({ ...(imp.mapping ?? {}) }));
  const [showProblems, setShowProblems] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const problems = mappingProblems(mapping);
  const problemFields = Object.keys(problems) as ImportField[];

  const check = useMutation({
    mutationFn: async () => {
      await setImportMapping(imp.id, mapping);
      await dryRunImport(imp.id);
      // The import with its report, so that the next step shows at once and never the old report.
      return fetchImport(imp.id);
    },
    onSuccess: (fresh) => {
      queryClient.setQueryData(importKeys.one(imp.id), fresh);
      onChecked();
    },
    // The mapping may have been saved before the check failed: read the import's state again.
    onError: () => queryClient.invalidateQueries({ queryKey: importKeys.one(imp.id) }),
  });

  // Keyed by field: the dry run names them `mapping.<field>`, setting the mapping `<field>`.
  const serverErrors: Partial<Record<string, string>> = Object.fromEntries(
    Object.entries(apiFieldErrors(t, check.error)).map(([path, message]) => [
      path.replace(/^mapping\./, ''),
      message,
    ]),
  );

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (problemFields.length > 0) {
      setShowProblems(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    check.mutate();
  }

  const columnOptions = [
    { value: '', label: t('peopleImport.notInFile') },
    ...imp.columns.map((c) => ({ value: c, label: c })),
  ];
  // Whether the mapping was remembered or guessed is known only just after the upload.
  const intro =
    onCancel || sampleRows.length === 0
      ? t('peopleImport.mappingIntro')
      : mappingSaved
        ? t('peopleImport.mappingSaved')
        : t('peopleImport.mappingGuessed');

  return (
    <section aria-labelledby={STEP_HEADING_ID}>
      <Title order={2} size="h3" id={STEP_HEADING_ID} tabIndex={-1} mb="xs">
        {t('peopleImport.mappingTitle')}
      </Title>
      <Text mb="xs">{intro}</Text>
      <Text size="sm" c="dimmed" mb="md">
        {t('peopleImport.valuesHelp')}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {showProblems && problemFields.length > 0 && (
            <Alert color="red" variant="outline" role="alert" ref={summaryRef} tabIndex={-1}>
              <Text size="sm">{t('peopleImport.mappingErrors')}</Text>
              <List size="sm">
                {problemFields.map((f) => (
                  <List.Item key={f}>
                    <a href={`#${fieldId(f)}`}>{t(`peopleImport.fields.${f}`)}</a>:{' '}
                    {t(`peopleImport.${problems[f]!}`)}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {FIELD_GROUPS.map(({ group, fields }) => (
              <fieldset key={group} className={classes.mappingGroup}>
                <legend>{t(`peopleImport.groups.${group}`)}</legend>
                <Stack gap="sm">
                  {fields.map((field) => {
                    const column = mapping[field];
                    const example = column ? exampleOf(sampleRows, column) : null;
                    const hint =
                      field === 'sourceId' || field === 'householdKey'
                        ? t(`peopleImport.fieldHints.${field}`)
                        : undefined;
                    const description =
                      column && sampleRows.length > 0
                        ? example
                          ? t('peopleImport.example', { value: example })
                          : t('peopleImport.exampleEmpty')
                        : hint;
                    const problem = showProblems ? problems[field] : undefined;
                    return (
                      <NativeSelect
                        key={field}
                        id={fieldId(field)}
                        label={t(`peopleImport.fields.${field}`)}
                        required={REQUIRED_FIELDS.includes(field)}
                        description={description}
                        data={columnOptions}
                        value={column ?? ''}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setMapping((m) => ({ ...m, [field]: value === '' ? undefined : value }));
                        }}
                        error={problem ? t(`peopleImport.${problem}`) : serverErrors[field]}
                      />
                    );
                  })}
                </Stack>
              </fieldset>
            ))}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={check.isPending}>
              {t('peopleImport.check')}
            </Button>
            {onCancel && (
              <Button variant="subtle" onClick={onCancel} disabled={check.isPending}>
                {t('peopleImport.cancelMapping')}
              </Button>
            )}
          </Group>
          {check.isPending && (
            <Text size="sm" role="status">
              {t('peopleImport.checking', { rows: format.number(imp.rowCount) })}
            </Text>
          )}
          {check.isError && Object.keys(serverErrors).length === 0 && <ApiErrorAlert error={check.error} />}
        </Stack>
      </form>
    </section>
  );
}
