import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { Answers, Question } from '@oselia/contracts';
import { isVisible } from '@oselia/forms';
import { fieldId, useFormContext } from './formContext.ts';
import { itemsOf, pickText, setAnswer } from './formHelpers.ts';
import { QuestionField, useFieldProps } from './QuestionField.tsx';

interface RepeatFieldProps {
  question: Question;
  answers: Answers;
  /** The cleaned answers of the questions outside the group, for the items' conditions. */
  scope: Answers;
  /** Cleaned items (hidden answers dropped), index for index with the items shown. */
  cleanItems: Answers[];
  onChange: (items: Answers[]) => void;
}

/** A repeat group: its items one after another, each with the group's questions; add and remove. */
export function RepeatField({ question, answers, scope, cleanItems, onChange }: RepeatFieldProps) {
  const ctx = useFormContext();
  const common = useFieldProps(question, question.name);
  const items = itemsOf(answers, question.name);
  const max = question.repeat?.maxItems;
  const min = question.repeat?.minItems ?? 0;
  const label = common.label;
  const setItem = (index: number, item: Answers) => onChange(items.map((it, i) => (i === index ? item : it)));
  return (
    <Fieldset
      id={common.id}
      legend={common.required ? `${label} *` : label}
      aria-describedby={common.error ? `${common.id}-error` : undefined}
      aria-invalid={common.error ? true : undefined}
      variant="unstyled"
    >
      {common.description && (
        <Text size="sm" c="dimmed" mb="xs">
          {common.description}
        </Text>
      )}
      {max !== undefined && (
        <Text size="sm" c="dimmed" mb="xs">
          {ctx.t('formDefs.renderer.itemsLimit', { min, max })}
        </Text>
      )}
      <Stack gap="sm">
        {items.length === 0 && (
          <Text size="sm" c="dimmed">
            {ctx.t('formDefs.renderer.noItems')}
          </Text>
        )}
        {items.map((item, index) => {
          const itemScope = { ...scope, ...(cleanItems[index] ?? {}) };
          const n = index + 1;
          const headingId = `${fieldId(ctx.idPrefix, `${question.name}.${index}`)}-title`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity but their place
            <section key={index} aria-labelledby={headingId} className="oselia-repeat-item">
              <Group justify="space-between" mb={4} wrap="nowrap">
                <Text component="h3" fw={600} size="md" id={headingId}>
                  {ctx.t('formDefs.renderer.itemN', { n })}
                </Text>
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  disabled={common.disabled}
                  onClick={() => onChange(items.filter((_, i) => i !== index))}
                >
                  {ctx.t('formDefs.renderer.removeItem', { n })}
                </Button>
              </Group>
              <Stack gap="sm">
                {(question.repeat?.questions ?? [])
                  .filter((child) => isVisible(child.showIf, itemScope))
                  .map((child) => (
                    <QuestionField
                      key={child.name}
                      question={child}
                      path={`${question.name}.${index}.${child.name}`}
                      value={item[child.name]}
                      onChange={(v) => setItem(index, setAnswer(item, child.name, v))}
                    />
                  ))}
              </Stack>
            </section>
          );
        })}
      </Stack>
      <Button
        mt="sm"
        variant="light"
        disabled={common.disabled || (max !== undefined && items.length >= max)}
        onClick={() => onChange([...items, {}])}
      >
        {ctx.t('formDefs.renderer.addItem', { label: pickText(question.label, ctx.language) })}
      </Button>
      {common.error && (
        <Text size="sm" c="red" mt={4} id={`${common.id}-error`}>
          {common.error}
        </Text>
      )}
    </Fieldset>
  );
}
