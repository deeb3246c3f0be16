import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../i18n/index.ts';

/** Number and date formatting in the current language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return useMemo(() => {
    const numberFormat = new Intl.NumberFormat(locale);
    const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' });
    return {
      locale,
      number: (value: number) => numberFormat.format(value),
      dateTime: (iso: string | null | undefined) => (iso ? dateTimeFormat.format(new Date(iso)) : null),
      coordinate: (value: number) =>
        new Intl.NumberFormat(locale, { minimumFractionDigits: 5, maximumFractionDigits: 5 }).format(value),
    };
  }, [locale]);
}

/** A short human duration such as "2 d 3 h" or "5 min 12 s", in the current language. */
export function formatDuration(totalSeconds: number, locale: string): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const parts: [Intl.NumberFormatOptions['unit'], number][] = [
    ['day', Math.floor(seconds / 86_400)],
    ['hour', Math.floor((seconds % 86_400) / 3600)],
    ['minute', Math.floor((seconds % 3600) / 60)],
    ['second', seconds % 60],
  ];
  const firstNonZero = parts.findIndex(([, value]) => value > 0);
  const shown = firstNonZero === -1 ? parts.slice(3) : parts.slice(firstNonZero, firstNonZero + 2);
  return shown
    .map(([unit, value]) =>
      new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value),
    )
    .join(' ');
}
