import { Alert, Badge, List, Text } from '@mantine/core';
import type { TrainingStatus } from '@oselia/contracts';
import { type ReactNode, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { usePeopleFormat } from '../people/usePeopleFormat.ts';

export interface Bilingual {
  uk: string;
  en: string;
}

/** A text kept in both languages, in the reader's (the other one when it is empty). */
export function useText() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return useCallback(
    (text: Bilingual | null | undefined) =>
      text ? (language === 'uk' ? text.uk || text.en : text.en || text.uk) : '',
    [language],
  );
}

/** Filled badges in shades dark enough for white text (WCAG AA). */
export const TONES = {
  grey: '#495057',
  green: '#1b6e31',
  amber: '#8a4b00',
  red: '#b02525',
  dark: '#343a40',
  blue: '#1864ab',
} as const;

export function ToneBadge({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return (
    <Badge color={TONES[tone]} variant="filled" radius="sm" tt="none">
      {children}
    </Badge>
  );
}

const STATUS_TONES: Record<TrainingStatus, keyof typeof TONES> = {
  draft: 'grey',
  open: 'green',
  closed: 'dark',
  cancelled: 'red',
};

export function StatusBadge({ status }: { status: TrainingStatus }) {
  const { t } = useTranslation();
  return <ToneBadge tone={STATUS_TONES[status]}>{t(`trainings.statuses.${status}`)}</ToneBadge>;
}

/** "12–16 Jul 2026": the first and last day of a training. */
export function useDateRange() {
  const format = usePeopleFormat();
  return (from: string, to: string) =>
    from === to ? format.date(from) : `${format.date(from)} – ${format.date(to)}`;
}

/** 90 → "1.5": hours from minutes, in the reader's number format. */
export function useHours() {
  const { i18n } = useTranslation();
  return (minutes: number) =>
    new Intl.NumberFormat(i18n.language === 'uk' ? 'uk-UA' : 'en-GB', { maximumFractionDigits: 1 }).format(
      minutes / 60,
    );
}

/**
 * A refused request, said plainly: the server's message and, for a form, each field it named.
 * Known reasons (audience counts that do not add up) are said in the reader's language.
 */
export function Refusal({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error) || ![400, 409, 422].includes(error.status)) return <ApiErrorAlert error={error} />;
  const details = error.details as
    | {
        reason?: string;
        fields?: { field: string; message: string }[];
        problems?: { path: string; message: Bilingual }[];
      }
    | undefined;
  const known =
    details?.reason === 'audience_total_mismatch'
      ? t('trainings.awareness.mismatch')
      : error.status === 409
        ? t('trainings.conflict')
        : null;
  return (
    <Alert color="#b02525" variant="outline" role="alert" title={t('trainings.refused')}>
      <Text size="sm">{known ?? error.message}</Text>
      {!known && details?.fields && details.fields.length > 0 && (
        <List size="sm" mt={4}>
          {details.fields.slice(0, 12).map((f) => (
            <List.Item key={`${f.field}:${f.message}`}>
              {f.field}: {f.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
