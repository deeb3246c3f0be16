import {
  Button,
  Group,
  MultiSelect,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANSWER_OPS,
  type AnswerOp,
  newRule,
  RULE_TYPES,
  type RuleDraft,
  type RuleType,
} from './callRules.ts';
import { EditorCard } from './EditorCard.tsx';
import { MoneyField, useOblastOptions } from './GrantsBits.tsx';

interface RulesEditorProps {
  rules: RuleDraft[];
  currency: string;
  disabled: boolean;
  errorOf: (field: string) => string | undefined;
  onChange: (rules: RuleDraft[]) => void;
}

/** Eligibility rules as data: one card per rule, its fields by its type. */
export function RulesEditor({ rules, currency, disabled, errorOf, onChange }: RulesEditorProps) {
  const { t } = useTranslation();
  const oblastOptions = useOblastOptions();
  const [adding, setAdding] = useState<RuleType>('registered_at_least_months');
  const update = (i: number, patch: Partial<RuleDraft>) =>
    onChange(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  return (
    <Stack gap="sm">
      {rules.length === 0 && <Text size="sm">{t('grants.editor.noRules')}</Text>}
      {rules.map((rule, i) => {
        const at = `rules.${i}`;
        const legend = t('grants.editor.ruleLegend', { n: i + 1, type: t(`grants.ruleTypes.${rule.type}`) });
        return (
          <EditorCard
            // biome-ignore lint/suspicious/noArrayIndexKey: rules are edited in place, by position
            key={i}
            legend={legend}
            disabled={disabled}
            removeLabel={t('grants.editor.removeRule', { n: i + 1 })}
            onRemove={() => onChange(rules.filter((_, j) => j !== i))}
          >
            <Text size="sm" c="dimmed">
              {t(`grants.ruleHints.${rule.type}`)}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {(rule.type === 'registered_at_least_months' ||
                rule.type === 'no_grant_within_months' ||
                rule.type === 'staff_at_most') && (
                <TextInput
                  label={t(rule.type === 'staff_at_most' ? 'grants.editor.maxStaff' : 'grants.editor.months')}
                  inputMode="numeric"
                  required
                  value={rule.number}
                  onChange={(e) => update(i, { number: e.currentTarget.value })}
                  error={errorOf(`${at}.number`) ?? errorOf(`${at}.months`) ?? errorOf(`${at}.max`)}
                />
              )}
              {(rule.type === 'registered_at_least_months' ||
                rule.type === 'staff_at_most' ||
                rule.type === 'sector_not_in' ||
                rule.type === 'answer') && (
                <TextInput
                  label={t('grants.editor.question')}
                  description={
                    rule.type === 'answer'
                      ? t('grants.editor.questionHint')
                      : t('grants.editor.questionDefault', {
                          name:
                            rule.type === 'registered_at_least_months'
                              ? 'registration_date'
                              : rule.type === 'staff_at_most'
                                ? 'staff_count'
                                : 'sector',
                        })
                  }
                  required={rule.type === 'answer'}
                  autoComplete="off"
                  value={rule.question}
                  onChange={(e) => update(i, { question: e.currentTarget.value })}
                  error={errorOf(`${at}.question`)}
                />
              )}
              {rule.type === 'answer' && (
                <>
                  <NativeSelect
                    label={t('grants.editor.op')}
                    value={rule.op}
                    onChange={(e) => update(i, { op: e.currentTarget.value as AnswerOp })}
                    data={ANSWER_OPS.map((op) => ({ value: op, label: t(`grants.ops.${op}`) }))}
                  />
                  {rule.op !== 'answered' && (
                    <TextInput
                      label={t('grants.editor.value')}
                      description={t('grants.editor.valueHint')}
                      required
                      value={rule.value}
                      onChange={(e) => update(i, { value: e.currentTarget.value })}
                      error={errorOf(`${at}.value`)}
                    />
                  )}
                </>
              )}
              {rule.type === 'amount_at_most' && (
                <MoneyField
                  label={t('grants.editor.maxAmount')}
                  description={t('grants.editor.maxAmountHint')}
                  currency={currency}
                  value={rule.maxMinor}
                  onChange={(v) => update(i, { maxMinor: v })}
                  error={errorOf(`${at}.maxMinor`)}
                />
              )}
            </SimpleGrid>
            {rule.type === 'sector_not_in' && (
              <Textarea
                label={t('grants.editor.sectors')}
                description={t('grants.editor.listHint')}
                required
                autosize
                minRows={2}
                value={rule.list}
                onChange={(e) => update(i, { list: e.currentTarget.value })}
                error={errorOf(`${at}.list`) ?? errorOf(`${at}.sectors`)}
              />
            )}
            {rule.type === 'no_grant_within_months' && (
              <Textarea
                label={t('grants.editor.assistanceTypes')}
                description={t('grants.editor.assistanceTypesHint')}
                autosize
                minRows={1}
                value={rule.list}
                onChange={(e) => update(i, { list: e.currentTarget.value })}
              />
            )}
            {rule.type === 'oblast_in' && (
              <MultiSelect
                label={t('grants.editor.oblasts')}
                required
                searchable
                data={oblastOptions}
                value={rule.oblasts}
                onChange={(v) => update(i, { oblasts: v })}
                error={errorOf(`${at}.oblasts`)}
                hidePickedOptions
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('grants.editor.ruleLabelUk')}
                description={
                  rule.type === 'answer'
                    ? t('grants.editor.answerLabelHint')
                    : t('grants.editor.ruleLabelHint')
                }
                required={rule.type === 'answer'}
                value={rule.labelUk}
                onChange={(e) => update(i, { labelUk: e.currentTarget.value })}
                error={errorOf(`${at}.labelUk`) ?? errorOf(`${at}.label`)}
              />
              <TextInput
                label={t('grants.editor.ruleLabelEn')}
                required={rule.type === 'answer'}
                value={rule.labelEn}
                onChange={(e) => update(i, { labelEn: e.currentTarget.value })}
                error={errorOf(`${at}.labelEn`)}
              />
            </SimpleGrid>
          </EditorCard>
        );
      })}
      {!disabled && (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('grants.editor.ruleType')}
            value={adding}
            onChange={(e) => setAdding(e.currentTarget.value as RuleType)}
            data={RULE_TYPES.map((type) => ({ value: type, label: t(`grants.ruleTypes.${type}`) }))}
          />
          <Button variant="light" onClick={() => onChange([...rules, newRule(adding)])}>
            {t('grants.editor.addRule')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
