import { Checkbox, Group, NativeSelect, Paper, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { AnswerValue, MoneyAnswer, Question } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { minorDigits, minorToDecimalText, parseAmountToMinor } from '../../features/people/money.ts';
import { PlacePicker } from '../../features/people/PlacePicker.tsx';
import { oblastListQuery } from '../../features/people/peopleApi.ts';
import { FileField } from './FileField.tsx';
import { fieldId, useFormContext } from './formContext.ts';
import { numberText, pickText } from './formHelpers.ts';

/** Radio buttons up to this many options; a native select (good on phones) beyond. */
const MAX_RADIOS = 6;
const CURRENCIES = ['UAH', 'EUR', 'USD'];

/**
 * Browser autofill for the questions whose name says what they hold (XLSForm names are free, but
 * these are the ones our forms and Kobo exports use): a phone fills a long form faster with them.
 */
const AUTOFILL: Record<string, { autoComplete: string; type?: string; inputMode?: 'tel' | 'email' }> = {
  family_name: { autoComplete: 'family-name' },
  surname: { autoComplete: 'family-name' },
  given_name: { autoComplete: 'given-name' },
  first_name: { autoComplete: 'given-name' },
  email: { autoComplete: 'email', type: 'email', inputMode: 'email' },
  phone: { autoComplete: 'tel', type: 'tel', inputMode: 'tel' },
  phone_number: { autoComplete: 'tel', type: 'tel', inputMode: 'tel' },
};

export interface FieldProps {
  question: Question;
  /** Where the answer lives: the question name, or `repeat.<i>.name` inside a repeat group. */
  path: string;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}

/** The labels, hint, error and ids every field shares. */
export function useFieldProps(question: Question, path: string) {
  const ctx = useFormContext();
  const problems = ctx.problems.get(path) ?? [];
  const error = problems.length ? problems.map((p) => p.message[ctx.language]).join(' ') : undefined;
  return {
    id: fieldId(ctx.idPrefix, path),
    label: pickText(question.label, ctx.language),
    description: pickText(question.hint, ctx.language) || undefined,
    error,
    required: question.required ?? false,
    disabled: ctx.disabled,
  };
}

function MoneyField({ question, path, value, onChange }: FieldProps) {
  const ctx = useFormContext();
  const common = useFieldProps(question, path);
  const money = value && typeof value === 'object' && !Array.isArray(value) ? (value as MoneyAnswer) : null;
  const currency = question.currency ?? money?.currency ?? 'UAH';
  const digits = minorDigits(currency);
  // A typed text that is not an amount yet stays as text, so validation can say what is wrong.
  const text = money ? minorToDecimalText(money.amountMinor, digits) : typeof value === 'string' ? value : '';
  const update = (nextText: string, nextCurrency: string) => {
    if (nextText.trim() === '') return onChange(undefined);
    const minor = parseAmountToMinor(nextText.trim(), minorDigits(nextCurrency));
    onChange(minor === null ? nextText : { amountMinor: minor, currency: nextCurrency });
  };
  const hint = ctx.t('formDefs.renderer.amountHint', { currency });
  return (
    <Group align="flex-start" gap="xs" wrap="nowrap">
      <TextInput
        {...common}
        description={[common.description, hint].filter(Boolean).join(' · ')}
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(e) => update(e.currentTarget.value, currency)}
        rightSection={question.currency ? <Text size="sm">{currency}</Text> : undefined}
        rightSectionWidth={question.currency ? 48 : undefined}
        style={{ flex: 1 }}
      />
      {!question.currency && (
        <NativeSelect
          id={`${common.id}-currency`}
          label={ctx.t('formDefs.renderer.currency')}
          disabled={common.disabled}
          value={currency}
          data={CURRENCIES}
          onChange={(e) => update(text, e.currentTarget.value)}
        />
      )}
    </Group>
  );
}

function ChoiceField({ question, path, value, onChange }: FieldProps) {
  const ctx = useFormContext();
  const common = useFieldProps(question, path);
  const choices = question.choices ?? [];
  const selected = typeof value === 'string' ? value : '';
  if (choices.length > MAX_RADIOS) {
    return (
      <NativeSelect
        {...common}
        value={selected}
        onChange={(e) => onChange(e.currentTarget.value || undefined)}
        data={[
          { value: '', label: ctx.t('formDefs.renderer.choose') },
          ...choices.map((c) => ({ value: c.value, label: pickText(c.label, ctx.language) })),
        ]}
      />
    );
  }
  return (
    <Radio.Group {...common} value={selected} onChange={(v) => onChange(v || undefined)}>
      <Stack gap="xs" mt={4}>
        {choices.map((c) => (
          <Radio
            key={c.value}
            id={`${common.id}-${c.value}`}
            value={c.value}
            label={pickText(c.label, ctx.language)}
            disabled={common.disabled}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}

/** An oblast is one of 27: a plain list is quicker than a search, and native on phones. */
function OblastField({ question, path, value, onChange }: FieldProps) {
  const ctx = useFormContext();
  const common = useFieldProps(question, path);
  const oblasts = useQuery(oblastListQuery());
  const nameOf = (o: { nameUk: string; nameEn: string }) => (ctx.language === 'uk' ? o.nameUk : o.nameEn);
  return (
    <NativeSelect
      {...common}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.currentTarget.value || undefined)}
      data={[
        { value: '', label: ctx.t('formDefs.renderer.choose') },
        ...(oblasts.data ?? [])
          .map((o) => ({ value: o.pcode, label: nameOf(o) }))
          .sort((a, b) => a.label.localeCompare(b.label, ctx.language)),
      ]}
    />
  );
}

function MultiChoiceField({ question, path, value, onChange }: FieldProps) {
  const ctx = useFormContext();
  const common = useFieldProps(question, path);
  const selected = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  return (
    <Checkbox.Group {...common} value={selected} onChange={(v) => onChange(v)}>
      <Stack gap="xs" mt={4}>
        {(question.choices ?? []).map((c) => (
          <Checkbox
            key={c.value}
            id={`${common.id}-${c.value}`}
            value={c.value}
            label={pickText(c.label, ctx.language)}
            disabled={common.disabled}
          />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** One question that is not a repeat group, in the form's language. */
export function QuestionField(props: FieldProps) {
  const { question, path, value, onChange } = props;
  const common = useFieldProps(question, path);
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  switch (question.type) {
    case 'note':
      return (
        <Paper withBorder p="sm" radius="sm" id={common.id}>
          <Text fw={500}>{common.label}</Text>
          {common.description && (
            <Text size="sm" c="dimmed">
              {common.description}
            </Text>
          )}
        </Paper>
      );
    case 'text':
      return (
        <TextInput
          {...common}
          {...AUTOFILL[question.name]}
          value={text}
          maxLength={question.validation?.maxLength}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'long_text':
      return (
        <Textarea
          {...common}
          value={text}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={question.validation?.maxLength}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <TextInput
          {...common}
          value={numberText(value)}
          inputMode={question.validation?.integer ? 'numeric' : 'decimal'}
          autoComplete="off"
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={text}
          min={question.validation?.minDate}
          max={question.validation?.maxDate}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'money':
      return <MoneyField {...props} />;
    case 'choice':
      return <ChoiceField {...props} />;
    case 'multi_choice':
      return <MultiChoiceField {...props} />;
    case 'place':
      return question.placeLevel === 'oblast' ? (
        <OblastField {...props} />
      ) : (
        <PlacePicker
          id={common.id}
          label={common.required ? `${common.label} *` : common.label}
          description={common.description}
          error={common.error}
          value={typeof value === 'string' ? value : null}
          onChange={(pcode) => onChange(pcode ?? undefined)}
        />
      );
    case 'file':
      return <FileField {...props} />;
    default:
      // Repeat groups are drawn by RepeatField.
      return null;
  }
}
