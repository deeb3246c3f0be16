import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n/index.ts';
import { useFormat } from '../../ui/format.ts';
import { formatMoney } from './money.ts';

/** Dates (calendar days, no time zone shift), date-times and money in the reader's language. */
export function usePeopleFormat() {
  const { i18n } = useTranslation();
  const base = useFormat();
  const locale = intlLocale(i18n.language);
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return {
      ...base,
      /** A calendar date (yyyy-mm-dd). */
      date: (isoDay: string | null | undefined) =>
        isoDay ? day.format(new Date(`${isoDay.slice(0, 10)}T00:00:00Z`)) : '',
      /** A birth date as precisely as it is known. */
      birthDate: (isoDay: string | null, precision: string) => {
        if (!isoDay) return '';
        const d = new Date(`${isoDay.slice(0, 10)}T00:00:00Z`);
        if (precision === 'month') return month.format(d);
        if (precision === 'year') return isoDay.slice(0, 4);
        if (precision === 'estimated') return `≈ ${isoDay.slice(0, 4)}`;
        return day.format(d);
      },
      money: (minor: number | null, currency: string | null) =>
        minor === null || currency === null ? '' : formatMoney(minor, currency, locale),
    };
  }, [base, locale]);
}

/** "Yes" / "No" / "Not asked" for a WG-SS disability flag. */
export function useDisabilityText() {
  const { t } = useTranslation();
  return (value: boolean | null) =>
    value === null
      ? t('people.disabilityUnknown')
      : value
        ? t('people.disabilityYes')
        : t('people.disabilityNo');
}
