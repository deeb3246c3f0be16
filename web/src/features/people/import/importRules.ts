import type { ImportField, ImportMapping, ImportRowError, PeopleImport } from '@oselia/contracts';
import type { TFunction } from 'i18next';
import type { Messages } from '../../../i18n/uk.ts';
import { peopleMessage } from '../formErrors.ts';

type T = TFunction<'translation'>;

/** The person fields a column can feed, in the groups the mapping step shows them in. */
export const FIELD_GROUPS: { group: keyof Messages['peopleImport']['groups']; fields: ImportField[] }[] = [
  { group: 'record', fields: ['sourceId'] },
  { group: 'names', fields: ['familyName', 'givenName', 'patronymic'] },
  { group: 'birth', fields: ['birthDate', 'birthDatePrecision', 'sex'] },
  { group: 'contact', fields: ['phone', 'phone2'] },
  { group: 'displacement', fields: ['populationGroup', 'originPcode', 'currentPcode', 'displacementDate'] },
  { group: 'documents', fields: ['taxNumber', 'passport', 'idpCertificate'] },
  { group: 'household', fields: ['householdKey', 'relationship'] },
  {
    group: 'disability',
    fields: ['wgSeeing', 'wgHearing', 'wgWalking', 'wgCognition', 'wgSelfCare', 'wgCommunication'],
  },
  { group: 'other', fields: ['vulnerabilities', 'consentAssistance'] },
];

export const REQUIRED_FIELDS: readonly ImportField[] = ['familyName', 'givenName'];

/** Where the wizard stands: 1 upload, 2 map, 3 check, 4 import. */
export function stepOf(imp: Pick<PeopleImport, 'status'>): 2 | 3 | 4 {
  switch (imp.status) {
    case 'draft':
      return 2;
    case 'validated':
    case 'failed':
      return 3;
    default:
      return 4;
  }
}

/**
 * What the mapping still lacks, by field; the server checks the same before a dry run.
 * Values are message keys under `peopleImport`.
 */
export function mappingProblems(
  mapping: ImportMapping,
): Partial<Record<ImportField, 'needFamilyName' | 'needGivenName' | 'needRelationship'>> {
  const problems: ReturnType<typeof mappingProblems> = {};
  if (!mapping.familyName) problems.familyName = 'needFamilyName';
  if (!mapping.givenName) problems.givenName = 'needGivenName';
  if (mapping.householdKey && !mapping.relationship) problems.relationship = 'needRelationship';
  return problems;
}

/** The first non-empty value of a column in the sample rows, to show what it holds. */
export function exampleOf(sampleRows: Record<string, string>[], column: string): string | null {
  for (const row of sampleRows) {
    const value = row[column]?.trim();
    if (value) return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  }
  return null;
}

/** How many errors each column has, most first; row-level errors count under `null`. */
export function errorsByColumn(errors: ImportRowError[]): { column: string | null; count: number }[] {
  const counts = new Map<string | null, number>();
  for (const e of errors) counts.set(e.column, (counts.get(e.column) ?? 0) + 1);
  return [...counts]
    .map(([column, count]) => ({ column, count }))
    .sort((a, b) => b.count - a.count || String(a.column).localeCompare(String(b.column)));
}

/** The server's English messages for a row, in the reader's language where this screen knows them. */
const ROW_MESSAGES: [RegExp, (m: RegExpExecArray, t: T) => string][] = [
  [/^letters, spaces, hyphens and apostrophes only$/, (_, t) => t('peopleImport.messages.letters')],
  [/^not a date/, (_, t) => t('peopleImport.messages.notDate')],
  [/^no such day: (.*)$/, (m, t) => t('peopleImport.messages.noSuchDay', { value: m[1] })],
  [/^unknown precision "(.*)"$/, (m, t) => t('peopleImport.messages.unknownPrecision', { value: m[1] })],
  [/^unknown sex "(.*)" \(/, (m, t) => t('peopleImport.messages.unknownSex', { value: m[1] })],
  [/^unknown population group "(.*)" \(/, (m, t) => t('peopleImport.messages.unknownGroup', { value: m[1] })],
  [/^unknown answer "(.*)" \(/, (m, t) => t('peopleImport.messages.unknownAnswer', { value: m[1] })],
  [
    /^unknown vulnerability "(.*)"$/,
    (m, t) => t('peopleImport.messages.unknownVulnerability', { value: m[1] }),
  ],
  [/^not a yes or no answer: "(.*)"$/, (m, t) => t('peopleImport.messages.notYesNo', { value: m[1] })],
  [/^say how this person relates to the head/, (_, t) => t('peopleImport.messages.noRelationship')],
  [
    /^unknown relationship "(.*)" \(/,
    (m, t) => t('peopleImport.messages.unknownRelationship', { value: m[1] }),
  ],
  [
    /^household "(.*)" has \d+ rows marked as head \(rows (.*)\)$/,
    (m, t) => t('peopleImport.messages.manyHeads', { key: m[1], rows: m[2] }),
  ],
  [
    /^household "(.*)" has no valid row marked as head$/,
    (m, t) => t('peopleImport.messages.noHead', { key: m[1] }),
  ],
  [/^required$/, (_, t) => t('peopleImport.messages.required')],
  [/^at most (\d+) characters$/, (m, t) => t('forms.maxLength', { n: Number(m[1]) })],
];

export function rowMessage(t: T, message: string): string {
  for (const [pattern, render] of ROW_MESSAGES) {
    const m = pattern.exec(message);
    if (m) return render(m, t);
  }
  return peopleMessage(t, message);
}
