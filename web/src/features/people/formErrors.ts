import type { TFunction } from 'i18next';
import { isApiError } from '../../api/errors.ts';
import { serverMessage } from '../access/forms.ts';

type T = TFunction<'translation'>;

export type ErrorMap = Record<string, string>;

/** The server's English field messages this feature knows, in the reader's language. */
const KNOWN: [RegExp, string][] = [
  [/birth date is in the future/, 'people.serverMessages.birthFuture'],
  [/birth date is before 1900/, 'people.serverMessages.birthBefore1900'],
  [/displacement date is in the future/, 'people.serverMessages.displacementFuture'],
  [/displacement date is before 2014/, 'people.serverMessages.displacementBefore2014'],
  [/displaced before being born/, 'people.serverMessages.displacedBeforeBorn'],
  [/not a Ukrainian phone number/, 'people.serverMessages.phone'],
  [/tax number/, 'people.serverMessages.taxNumber'],
  [/passport number/, 'people.serverMessages.passport'],
  [/IDP certificate/, 'people.serverMessages.idpCertificate'],
  [/birth certificate/, 'people.serverMessages.birthCertificate'],
  [/unknown P-code/, 'people.serverMessages.unknownPlace'],
  [/members marked as head/, 'people.oneHead'],
  [/the date is in the future/, 'people.serverMessages.dateFuture'],
  [/value needs its currency/, 'people.serverMessages.valueCurrency'],
];

export function peopleMessage(t: T, message: string): string {
  for (const [pattern, key] of KNOWN) if (pattern.test(message)) return t(key as 'people.oneHead');
  return serverMessage(t, message);
}

/** `details.fields` of a 400 answer, keyed by the server's dotted paths (`members.2.person.birthDate`). */
export function apiFieldErrors(t: T, error: unknown): ErrorMap {
  if (!isApiError(error)) return {};
  const details = error.details as { fields?: { field?: unknown; message?: unknown }[] } | undefined;
  const errors: ErrorMap = {};
  for (const f of details?.fields ?? []) {
    if (typeof f.field !== 'string') continue;
    const path = f.field.replace(/^body\./, '');
    errors[path] ??= peopleMessage(t, typeof f.message === 'string' ? f.message : '');
  }
  return errors;
}

/** The label of a person field, for error summaries. */
export function fieldLabel(t: T, field: string): string {
  const [head, index, sub] = field.split('.');
  switch (head) {
    case 'familyName':
    case 'givenName':
    case 'patronymic':
    case 'birthDate':
    case 'sex':
    case 'populationGroup':
    case 'displacementDate':
    case 'relationship':
      return t(`people.${head}`);
    case 'birthDatePrecision':
      return t('people.birthDatePrecision');
    case 'phones':
      return t('people.phone');
    case 'originPcode':
      return t('people.originPlace');
    case 'currentPcode':
      return t('people.personCurrentPlace');
    case 'washingtonGroup':
      return t('people.wgLegend');
    case 'vulnerabilities':
      return t('people.vulnerabilitiesLegend');
    case 'identifiers':
      return index === undefined
        ? t('people.identifiersLegend')
        : `${t('people.identifiersLegend')} ${Number(index) + 1}${sub ? ` · ${t('people.identifierValue')}` : ''}`;
    case 'consents':
      return t('people.consentLegend');
    default:
      return field;
  }
}
