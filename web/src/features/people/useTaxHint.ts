import { useTranslation } from 'react-i18next';
import { checkTaxNumber, taxNumberBirthDate } from './taxNumber.ts';
import { usePeopleFormat } from './usePeopleFormat.ts';

/** A hint for a tax number while it is typed: check digit, and the birth date it encodes. */
export function useTaxHint() {
  const { t } = useTranslation();
  const format = usePeopleFormat();
  return (value: string, birthDate: string | null): { text?: string; bad: boolean } => {
    const check = checkTaxNumber(value);
    if (check === 'empty') return { bad: false };
    if (check === 'incomplete') return { text: t('people.taxIncomplete'), bad: false };
    if (check === 'invalid') return { text: t('people.taxInvalid'), bad: true };
    const encoded = taxNumberBirthDate(value);
    if (encoded && birthDate && encoded !== birthDate)
      return { text: t('people.taxBirthMismatch', { date: format.date(encoded) }), bad: false };
    return { text: t('people.taxValid'), bad: false };
  };
}
