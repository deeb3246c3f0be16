import { Button, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  type CriterionDraft,
  type DocumentDraft,
  newCriterion,
  newDocument,
  weightTotal,
} from './callDraft.ts';
import { EditorCard } from './EditorCard.tsx';
import { ToneBadge } from './GrantsBits.tsx';

interface ListEditorProps<T> {
  items: T[];
  disabled: boolean;
  errorOf: (field: string) => string | undefined;
  onChange: (items: T[]) => void;
}

const replace = <T,>(items: T[], i: number, patch: Partial<T>) =>
  items.map((x, j) => (j === i ? { ...x, ...patch } : x));

/** The documents an application must (or may) carry. */
export function DocumentsEditor({ items, disabled, errorOf, onChange }: ListEditorProps<DocumentDraft>) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {items.length === 0 && <Text size="sm">{t('grants.editor.noDocuments')}</Text>}
      {items.map((d, i) => {
        const at = `documents.${i}`;
        const set = (patch: Partial<DocumentDraft>) => onChange(replace(items, i, patch));
        return (
          <EditorCard
            // biome-ignore lint/suspicious/noArrayIndexKey: documents are edited in place, by position
            key={i}
            legend={t('grants.editor.documentLegend', { n: i + 1 })}
            disabled={disabled}
            removeLabel={t('grants.editor.removeDocument', { n: i + 1 })}
            onRemove={() => onChange(items.filter((_, j) => j !== i))}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('grants.editor.documentKind')}
                description={t('grants.editor.slugHint')}
                required
                autoComplete="off"
                value={d.kind}
                onChange={(e) => set({ kind: e.currentTarget.value })}
                error={errorOf(`${at}.kind`)}
              />
              <TextInput
                label={t('grants.editor.maxFiles')}
                inputMode="numeric"
                required
                value={d.maxFiles}
                onChange={(e) => set({ maxFiles: e.currentTarget.value })}
                error={errorOf(`${at}.maxFiles`)}
              />
              <TextInput
                label={t('grants.editor.labelUk')}
                required
                value={d.labelUk}
                onChange={(e) => set({ labelUk: e.currentTarget.value })}
                error={errorOf(`${at}.labelUk`) ?? errorOf(`${at}.label`)}
              />
              <TextInput
                label={t('grants.editor.labelEn')}
                required
                value={d.labelEn}
                onChange={(e) => set({ labelEn: e.currentTarget.value })}
                error={errorOf(`${at}.labelEn`)}
              />
              <TextInput
                label={t('grants.editor.descriptionUkShort')}
                value={d.descriptionUk}
                onChange={(e) => set({ descriptionUk: e.currentTarget.value })}
              />
              <TextInput
                label={t('grants.editor.descriptionEnShort')}
                value={d.descriptionEn}
                onChange={(e) => set({ descriptionEn: e.currentTarget.value })}
              />
            </SimpleGrid>
            <Checkbox
              label={t('grants.editor.documentRequired')}
              checked={d.required}
              onChange={(e) => set({ required: e.currentTarget.checked })}
            />
          </EditorCard>
        );
      })}
      {!disabled && (
        <Group>
          <Button variant="light" onClick={() => onChange([...items, newDocument()])}>
            {t('grants.editor.addDocument')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The scoring rubric: criteria with a weight (adding up to 100) and a scale each. */
export function RubricEditor({ items, disabled, errorOf, onChange }: ListEditorProps<CriterionDraft>) {
  const { t } = useTranslation();
  const total = weightTotal(items);
  return (
    <Stack gap="sm">
      <Group gap="xs" role="status">
        <Text size="sm">{t('grants.editor.weightTotal')}</Text>
        <ToneBadge tone={total === 100 ? 'green' : 'orange'}>
          {t('grants.editor.weightTotalValue', { n: total })}
        </ToneBadge>
        {total !== 100 && items.length > 0 && <Text size="sm">{t('grants.editor.weightMustBe100')}</Text>}
      </Group>
      {items.length === 0 && <Text size="sm">{t('grants.editor.noCriteria')}</Text>}
      {items.map((c, i) => {
        const at = `criteria.${i}`;
        const set = (patch: Partial<CriterionDraft>) => onChange(replace(items, i, patch));
        return (
          <EditorCard
            // biome-ignore lint/suspicious/noArrayIndexKey: criteria are edited in place, by position
            key={i}
            legend={t('grants.editor.criterionLegend', { n: i + 1 })}
            disabled={disabled}
            removeLabel={t('grants.editor.removeCriterion', { n: i + 1 })}
            onRemove={() => onChange(items.filter((_, j) => j !== i))}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('grants.editor.criterionKey')}
                description={t('grants.editor.slugHint')}
                required
                autoComplete="off"
                value={c.key}
                onChange={(e) => set({ key: e.currentTarget.value })}
                error={errorOf(`${at}.key`)}
              />
              <TextInput
                label={t('grants.editor.weight')}
                inputMode="numeric"
                required
                value={c.weight}
                onChange={(e) => set({ weight: e.currentTarget.value })}
                error={errorOf(`${at}.weight`)}
              />
              <TextInput
                label={t('grants.editor.labelUk')}
                required
                value={c.labelUk}
                onChange={(e) => set({ labelUk: e.currentTarget.value })}
                error={errorOf(`${at}.labelUk`) ?? errorOf(`${at}.label`)}
              />
              <TextInput
                label={t('grants.editor.labelEn')}
                required
                value={c.labelEn}
                onChange={(e) => set({ labelEn: e.currentTarget.value })}
                error={errorOf(`${at}.labelEn`)}
              />
              <TextInput
                label={t('grants.editor.scaleMin')}
                inputMode="numeric"
                required
                value={c.min}
                onChange={(e) => set({ min: e.currentTarget.value })}
                error={errorOf(`${at}.min`)}
              />
              <TextInput
                label={t('grants.editor.scaleMax')}
                inputMode="numeric"
                required
                value={c.max}
                onChange={(e) => set({ max: e.currentTarget.value })}
                error={errorOf(`${at}.max`) ?? errorOf(`${at}.scale`)}
              />
            </SimpleGrid>
          </EditorCard>
        );
      })}
      {!disabled && (
        <Group>
          <Button variant="light" onClick={() => onChange([...items, newCriterion()])}>
            {t('grants.editor.addCriterion')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
