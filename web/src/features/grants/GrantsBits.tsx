import { Alert, Badge, type BadgeProps, Text, TextInput, type TextInputProps } from '@mantine/core';
import type { ApplicantGroup, ApplicationStatus, GrantCallStatus } from '@oselia/contracts';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import type { DefinitionItem } from '../../ui/DefinitionList.tsx';
import { minorDigits, minorToDecimalText, parseAmountToMinor } from '../people/money.ts';
import { oblastListQuery } from '../people/peopleApi.ts';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';
import { usePlaceName } from '../places/usePlaceName.ts';

export interface Bilingual {
  uk: string;
  en: string;
}

/** A text kept in both languages, shown in the reader's (the other one when it is empty). */
export function useBilingual() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return useCallback(
    (text: Bilingual | null | undefined) => {
      if (!text) return '';
      return (language === 'uk' ? text.uk || text.en : text.en || text.uk) ?? '';
    },
    [language],
  );
}

/**
 * Filled badge colours dark enough for white text (WCAG AA), as the jobs and dedup badges; the
 * light variants of Mantine fall below 4.5:1 at badge size.
 */
const TONES: Record<string, string> = {
  green: '#1b6e31',
  teal: '#0b6b5f',
  red: '#b02525',
  orange: '#8a4b00',
  yellow: '#8a4b00',
  blue: '#1864ab',
  indigo: '#364fc7',
  gray: '#495057',
  dark: '#343a40',
};

/** A status badge in one of the named tones (green, red, orange, blue, gray, …). */
export function ToneBadge({
  tone = 'blue',
  children,
  ...rest
}: { tone?: string; children: ReactNode } & Omit<BadgeProps, 'color' | 'variant' | 'children'>) {
  return (
    <Badge
      color={TONES[tone] ?? TONES.gray}
      variant="filled"
      radius="sm"
      tt="none"
      style={{ minWidth: 'max-content' }}
      {...rest}
    >
      {children}
    </Badge>
  );
}

const CALL_COLOURS: Record<GrantCallStatus, string> = { draft: 'gray', open: 'green', closed: 'dark' };

export function CallStatusBadge({ status }: { status: GrantCallStatus }) {
  const { t } = useTranslation();
  return <ToneBadge tone={CALL_COLOURS[status]}>{t(`grants.callStatus.${status}`)}</ToneBadge>;
}

const APPLICATION_COLOURS: Partial<Record<ApplicationStatus, string>> = {
  screened_eligible: 'teal',
  screened_ineligible: 'red',
  in_review: 'blue',
  reviewed: 'indigo',
  approved: 'green',
  awarded: 'green',
  waiting_list: 'yellow',
  rejected: 'red',
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <ToneBadge tone={APPLICATION_COLOURS[status] ?? 'gray'}>
      {t(`grants.applicationStatus.${status}`)}
    </ToneBadge>
  );
}

/** An oblast's name for its P-code (the P-code itself until the list has loaded). */
export function useOblastName() {
  const name = usePlaceName();
  const oblasts = useQuery(oblastListQuery());
  return useCallback(
    (pcode: string | null | undefined) => {
      if (!pcode) return '';
      const oblast = oblasts.data?.find((o) => o.pcode === pcode.slice(0, 4));
      return oblast ? name(oblast) : pcode;
    },
    [oblasts.data, name],
  );
}

/** The oblasts as options for a select, in the reader's language. */
export function useOblastOptions() {
  const name = usePlaceName();
  const oblasts = useQuery(oblastListQuery());
  return (oblasts.data ?? [])
    .map((o) => ({ value: o.pcode, label: name(o) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

interface MoneyFieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  /** Integer minor units, or null when empty. */
  value: number | null;
  currency: string;
  /** Called with the amount in minor units; null when empty or not an amount. */
  onChange: (minor: number | null) => void;
  error?: string | undefined;
}

/**
 * An amount typed in main units ("7 000" or "1234,56") and kept as integer minor units. The text
 * is parsed as decimal digits, never through a floating-point number.
 */
export function MoneyField({ value, currency, onChange, error, description, ...rest }: MoneyFieldProps) {
  const { t } = useTranslation();
  const digits = minorDigits(currency);
  const [text, setText] = useState(value === null ? '' : minorToDecimalText(value, digits));
  const [invalid, setInvalid] = useState(false);

  // A value set from outside (a reload, another field) replaces what is shown.
  useEffect(() => {
    setText((shown) => {
      const parsed = parseAmountToMinor(shown, digits);
      if (parsed === value || (value === null && shown.trim() === '')) return shown;
      return value === null ? '' : minorToDecimalText(value, digits);
    });
  }, [value, digits]);

  return (
    <TextInput
      {...rest}
      inputMode="decimal"
      autoComplete="off"
      value={text}
      rightSection={<span aria-hidden>{currency}</span>}
      rightSectionWidth={52}
      description={description ?? t('grants.money.description', { currency })}
      error={error ?? (invalid ? t('grants.money.invalid') : undefined)}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        if (next.trim() === '') {
          setInvalid(false);
          onChange(null);
          return;
        }
        const minor = parseAmountToMinor(next, digits);
        setInvalid(minor === null);
        onChange(minor);
      }}
    />
  );
}

/**
 * A refused request: for a 409/422/400 the server's own reason is the useful part, so it is shown
 * under a plain title; anything else goes to the shared alert.
 */
export function RefusalAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error) && [400, 409, 413, 415, 422].includes(error.status)) {
    return (
      <Alert color="#b02525" variant="outline" role="alert" title={t('grants.refused')}>
        <Text size="sm">{error.message}</Text>
      </Alert>
    );
  }
  return <ApiErrorAlert error={error} />;
}

/** What every reader of an application sees of it: where, who for, how much, in which language. */
export function useApplicationFacts() {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  const oblastName = useOblastName();
  return (a: {
    oblastPcode: string | null;
    groups: readonly ApplicantGroup[];
    requestedAmountMinor: number | null;
    currency: string;
    language: 'uk' | 'en';
  }): DefinitionItem[] => [
    { term: t('grants.applications.oblast'), description: oblastName(a.oblastPcode) || t('common.none') },
    {
      term: t('grants.apply.groups'),
      description: a.groups.map((g) => t(`grants.groups.${g}`)).join(', ') || t('common.none'),
    },
    {
      term: t('grants.applications.requested'),
      description: format.money(a.requestedAmountMinor, a.currency) || t('common.none'),
    },
    { term: t('grants.apply.language'), description: a.language === 'uk' ? 'Українська' : 'English' },
  ];
}
