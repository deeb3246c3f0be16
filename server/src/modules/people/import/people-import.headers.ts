import { type ImportField, type ImportMapping, importField, importMapping } from '@oselia/contracts';
import { AppError } from '../../../shared/app-error.ts';

/**
 * From a file's column headings to the registration form's fields: which column feeds which
 * field, guessed from header names in Ukrainian or English, Kobo `group/field` names included.
 */

/** Header spellings per field, compared after `normaliseHeader`. */
const SYNONYMS: Record<ImportField, string[]> = {
  sourceId: ['_uuid', 'uuid', '_id', 'id', 'record_id', 'source_id', 'instanceid', 'meta_instanceid'],
  familyName: ['family_name', 'familyname', 'surname', 'last_name', 'lastname', 'прізвище'],
  givenName: ['given_name', 'givenname', 'first_name', 'firstname', 'name', 'імя', 'ім_я'],
  patronymic: ['patronymic', 'middle_name', 'middlename', 'father_name', 'по_батькові', 'побатькові'],
  birthDate: ['birth_date', 'birthdate', 'date_of_birth', 'dob', 'дата_народження', 'народження'],
  birthDatePrecision: ['birth_date_precision', 'dob_precision', 'точність_дати_народження'],
  sex: ['sex', 'gender', 'стать'],
  phone: ['phone', 'phone_number', 'phone1', 'telephone', 'tel', 'mobile', 'телефон', 'номер_телефону'],
  phone2: ['phone2', 'phone_2', 'second_phone', 'other_phone', 'телефон2', 'телефон_2', 'додатковий_телефон'],
  populationGroup: ['population_group', 'populationgroup', 'pop_group', 'status', 'категорія', 'статус'],
  originPcode: ['origin_pcode', 'origin', 'pcode_origin', 'from_pcode', 'звідки', 'місце_походження'],
  currentPcode: [
    'current_pcode',
    'pcode',
    'location_pcode',
    'current_location',
    'де_проживає',
    'місце_проживання',
  ],
  displacementDate: ['displacement_date', 'date_of_displacement', 'дата_переміщення', 'дата_виїзду'],
  taxNumber: [
    'tax_number',
    'tax_id',
    'taxid',
    'rnokpp',
    'ipn',
    'inn',
    'рнокпп',
    'іпн',
    'інн',
    'ідентифікаційний_код',
  ],
  passport: ['passport', 'passport_number', 'паспорт', 'номер_паспорта'],
  idpCertificate: ['idp_certificate', 'idp_cert', 'довідка_впо', 'довідка'],
  householdKey: [
    'household_key',
    'household_id',
    'household',
    'hh_id',
    'hhid',
    'hh',
    'домогосподарство',
    'родина',
  ],
  relationship: [
    'relationship',
    'relation',
    'relationship_to_head',
    'rel_to_head',
    'відношення_до_голови',
    'стосунок',
    'родинний_звязок',
  ],
  wgSeeing: ['wg_seeing', 'seeing', 'difficulty_seeing', 'зір'],
  wgHearing: ['wg_hearing', 'hearing', 'difficulty_hearing', 'слух'],
  wgWalking: ['wg_walking', 'walking', 'difficulty_walking', 'ходьба', 'мобільність'],
  wgCognition: [
    'wg_cognition',
    'cognition',
    'remembering',
    'difficulty_remembering',
    'памʼять',
    'пам_ять',
    'память',
  ],
  wgSelfCare: [
    'wg_self_care',
    'wg_selfcare',
    'self_care',
    'selfcare',
    'difficulty_selfcare',
    'самообслуговування',
  ],
  wgCommunication: [
    'wg_communication',
    'communication',
    'communicating',
    'difficulty_communicating',
    'спілкування',
  ],
  vulnerabilities: ['vulnerabilities', 'vulnerability', 'вразливості', 'вразливість'],
  consentAssistance: [
    'consent',
    'consent_assistance',
    'consent_for_assistance',
    'згода',
    'згода_на_допомогу',
  ],
};

/** Lower case, the last part of a Kobo group path, apostrophes dropped, separators as `_`. */
export function normaliseHeader(header: string): string {
  const last = header.split('/').pop() ?? header;
  const s = last
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}_]+/gu, '_')
    .replace(/_+/g, '_');
  // Kobo's own columns (_uuid, _id) keep their leading underscore.
  return (s.startsWith('_') ? '_' : '') + s.replace(/^_+|_+$/g, '');
}

const lookup = new Map<string, ImportField>();
for (const field of importField.options) {
  for (const s of SYNONYMS[field]) {
    const key = normaliseHeader(s);
    if (!lookup.has(key)) lookup.set(key, field);
    const squeezed = key.replace(/_/g, '');
    if (!lookup.has(squeezed)) lookup.set(squeezed, field);
  }
}

/** A first guess from the header names; each field takes the first column that fits it. */
export function suggestMapping(columns: string[]): ImportMapping {
  const out: ImportMapping = {};
  for (const column of columns) {
    const key = normaliseHeader(column);
    const field = lookup.get(key) ?? lookup.get(key.replace(/_/g, '')) ?? lookup.get(key.replace(/^_/, ''));
    if (field && out[field] === undefined) out[field] = column;
  }
  return out;
}

/** Mapping problems that make every row fail: name them once, before reading rows. */
export function checkMapping(mapping: ImportMapping, columns: string[]): string[] {
  const problems: string[] = [];
  for (const [field, column] of Object.entries(mapping)) {
    if (column !== undefined && !columns.includes(column))
      problems.push(`${field}: the file has no column "${column}"`);
  }
  if (!mapping.familyName) problems.push('familyName: map the column with the family name');
  if (!mapping.givenName) problems.push('givenName: map the column with the given name');
  if (mapping.householdKey && !mapping.relationship)
    problems.push('relationship: a household key needs the column that says who is the head');
  return problems;
}

/** An import's stored mapping, refused with a message per field when rows cannot be read with it. */
export function completeMappingOf(stored: unknown, columns: string[]): ImportMapping {
  const mapping = importMapping.parse(stored ?? {});
  const problems = checkMapping(mapping, columns);
  if (problems.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'the column mapping is not complete', {
      fields: problems.map((p) => {
        const [field, ...rest] = p.split(': ');
        return { field: `mapping.${field}`, message: rest.join(': ') };
      }),
    });
  }
  return mapping;
}
