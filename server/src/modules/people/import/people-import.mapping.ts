import {
  type ImportField,
  type ImportMapping,
  importField,
  relationship as relationshipEnum,
  type wgDomains,
} from '@oselia/contracts';
import type { z } from 'zod';
import {
  NO,
  POPULATION_GROUP,
  PRECISION,
  parseDate,
  plain,
  RELATIONSHIP,
  SEX,
  VULNERABILITY,
  WG,
  WG_BLANK,
  YES,
} from './people-import.values.ts';

/**
 * From a file's row to a person as the registration form would send it, through a mapping of
 * columns to fields (see people-import.headers.ts) and the spreadsheet values the form accepts
 * (people-import.values.ts).
 */

export interface CompiledMapping {
  mapping: ImportMapping;
  /** Column index per mapped field. */
  index: Partial<Record<ImportField, number>>;
  /** Fields in a fixed order, for the content identity of a row. */
  identityFields: ImportField[];
}

export function compileMapping(mapping: ImportMapping, columns: string[]): CompiledMapping {
  const index: Partial<Record<ImportField, number>> = {};
  for (const field of importField.options) {
    const column = mapping[field];
    if (column !== undefined) {
      const i = columns.indexOf(column);
      if (i >= 0) index[field] = i;
    }
  }
  const identityFields = importField.options.filter((f) => index[f] !== undefined && f !== 'sourceId');
  return { mapping, index, identityFields };
}

export interface CellProblem {
  column: string | null;
  message: string;
}

const WG_FIELDS: [ImportField, (typeof wgDomains)[number]][] = [
  ['wgSeeing', 'seeing'],
  ['wgHearing', 'hearing'],
  ['wgWalking', 'walking'],
  ['wgCognition', 'cognition'],
  ['wgSelfCare', 'selfCare'],
  ['wgCommunication', 'communication'],
];

export interface MappedRow {
  /** The person as the registration form would send it (before its schema runs). */
  input: Record<string, unknown>;
  problems: CellProblem[];
  /** Which column each array entry came from, to name the column of a later problem. */
  phoneColumns: string[];
  identifierColumns: string[];
  householdKey: string | null;
  relationship: z.infer<typeof relationshipEnum> | null;
  /** What identifies the record within its source: the source id, else its mapped content. */
  identity: string;
}

/** A mapped field's cell, trimmed; '' when the field has no column. (Helpers live out here, not as
 * closures in mapRow: they would be made again for every row.) */
function cellOf(cells: string[], index: CompiledMapping['index'], f: ImportField): string {
  const i = index[f];
  return i === undefined ? '' : (cells[i] ?? '').trim();
}
const columnOf = (mapping: ImportMapping, f: ImportField) => mapping[f] ?? null;
const orNull = (v: string) => (v === '' ? null : v);

/** One file row → the registration form's input, plus the problems found on the way. */
export function mapRow(cells: string[], plan: CompiledMapping): MappedRow {
  const { index, mapping } = plan;
  const problems: CellProblem[] = [];

  const input: Record<string, unknown> = {
    familyName: cellOf(cells, index, 'familyName'),
    givenName: cellOf(cells, index, 'givenName'),
    patronymic: orNull(cellOf(cells, index, 'patronymic')),
  };

  const birth = cellOf(cells, index, 'birthDate');
  if (birth !== '') {
    const r = parseDate(birth);
    if ('error' in r) problems.push({ column: columnOf(mapping, 'birthDate'), message: r.error });
    else {
      input.birthDate = r.date;
      input.birthDatePrecision = r.precision;
    }
  }
  const precision = cellOf(cells, index, 'birthDatePrecision');
  if (precision !== '') {
    const p = PRECISION.get(plain(precision));
    if (p) input.birthDatePrecision = p;
    else
      problems.push({
        column: columnOf(mapping, 'birthDatePrecision'),
        message: `unknown precision "${precision}"`,
      });
  }

  const sex = cellOf(cells, index, 'sex');
  if (sex !== '') {
    const s = SEX.get(plain(sex));
    if (s) input.sex = s;
    else
      problems.push({
        column: columnOf(mapping, 'sex'),
        message: `unknown sex "${sex}" (F, M, other, unknown)`,
      });
  }

  const phones: string[] = [];
  const phoneColumns: string[] = [];
  for (const f of ['phone', 'phone2'] as const) {
    for (const p of cellOf(cells, index, f).split(/[,;/]|\s{2,}/)) {
      if (p.trim() === '') continue;
      phones.push(p.trim());
      phoneColumns.push(columnOf(mapping, f)!);
    }
  }
  if (phones.length > 0) input.phones = phones;

  const group = cellOf(cells, index, 'populationGroup');
  if (group !== '') {
    const g = POPULATION_GROUP.get(plain(group));
    if (g) input.populationGroup = g;
    else
      problems.push({
        column: columnOf(mapping, 'populationGroup'),
        message: `unknown population group "${group}" (idp, returnee, host_community, refugee_migrant)`,
      });
  }

  for (const f of ['originPcode', 'currentPcode'] as const) {
    const v = cellOf(cells, index, f);
    if (v !== '') input[f] = v.toUpperCase();
  }

  const displaced = cellOf(cells, index, 'displacementDate');
  if (displaced !== '') {
    const r = parseDate(displaced);
    if ('error' in r) problems.push({ column: columnOf(mapping, 'displacementDate'), message: r.error });
    else input.displacementDate = r.date;
  }

  const identifiers: { type: string; value: string }[] = [];
  const identifierColumns: string[] = [];
  for (const [f, type] of [
    ['taxNumber', 'tax_number'],
    ['passport', 'passport'],
    ['idpCertificate', 'idp_certificate'],
  ] as const) {
    const v = cellOf(cells, index, f);
    if (v !== '') {
      identifiers.push({ type, value: v });
      identifierColumns.push(columnOf(mapping, f)!);
    }
  }
  if (identifiers.length > 0) input.identifiers = identifiers;

  let wg: Record<string, string | null> | null = null;
  for (const [f, domain] of WG_FIELDS) {
    const v = cellOf(cells, index, f);
    if (v === '' || WG_BLANK.has(plain(v))) continue;
    const a = WG.get(plain(v));
    if (!a) {
      problems.push({
        column: columnOf(mapping, f),
        message: `unknown answer "${v}" (no_difficulty, some_difficulty, a_lot_of_difficulty, cannot_do)`,
      });
      continue;
    }
    wg ??= {};
    wg[domain] = a;
  }
  if (wg) input.washingtonGroup = wg;

  const vulns = cellOf(cells, index, 'vulnerabilities');
  if (vulns !== '') {
    const list: string[] = [];
    for (const token of vulns.split(/[\s,;]+/)) {
      if (token === '') continue;
      const v = VULNERABILITY.get(plain(token));
      if (v) list.push(v);
      else
        problems.push({
          column: columnOf(mapping, 'vulnerabilities'),
          message: `unknown vulnerability "${token}"`,
        });
    }
    input.vulnerabilities = list;
  }

  const consent = cellOf(cells, index, 'consentAssistance');
  if (consent !== '') {
    const c = plain(consent);
    if (YES.has(c)) input.consents = [{ purpose: 'assistance', status: 'given', method: 'verbal' }];
    else if (!NO.has(c))
      problems.push({
        column: columnOf(mapping, 'consentAssistance'),
        message: `not a yes or no answer: "${consent}"`,
      });
  }

  const householdKey = orNull(cellOf(cells, index, 'householdKey'));
  let relationship: MappedRow['relationship'] = null;
  if (householdKey !== null) {
    const r = cellOf(cells, index, 'relationship');
    relationship = r === '' ? null : (RELATIONSHIP.get(plain(r)) ?? null);
    if (r === '')
      problems.push({
        column: columnOf(mapping, 'relationship'),
        message: 'say how this person relates to the head',
      });
    else if (!relationship)
      problems.push({
        column: columnOf(mapping, 'relationship'),
        message: `unknown relationship "${r}" (${relationshipEnum.options.join(', ')})`,
      });
  }

  return {
    input,
    problems,
    phoneColumns,
    identifierColumns,
    householdKey,
    relationship,
    identity: rowIdentity(cells, plan),
  };
}

/** What identifies a row within its source: the source's own id, else the mapped cells. */
export function rowIdentity(cells: string[], plan: CompiledMapping): string {
  const sourceId = cellOf(cells, plan.index, 'sourceId');
  if (sourceId !== '') return `id:${sourceId}`;
  return `row:${plan.identityFields.map((f) => cellOf(cells, plan.index, f)).join('\u001f')}`;
}

/**
 * The column behind a field path of the registration rules (`phones.1`, `identifiers.0.value`,
 * `washingtonGroup.seeing`), so a problem names the cell the user must fix.
 */
export function columnOfField(path: string, row: MappedRow, mapping: ImportMapping): string | null {
  const [head, second] = path.split('.');
  switch (head) {
    case 'phones':
      return row.phoneColumns[Number(second)] ?? mapping.phone ?? null;
    case 'identifiers':
      return row.identifierColumns[Number(second)] ?? null;
    case 'washingtonGroup': {
      const f = WG_FIELDS.find(([, d]) => d === second)?.[0];
      return f ? (mapping[f] ?? null) : null;
    }
    case 'consents':
      return mapping.consentAssistance ?? null;
    case 'birthDatePrecision':
      return mapping.birthDatePrecision ?? mapping.birthDate ?? null;
    default:
      return (mapping as Record<string, string | undefined>)[head ?? ''] ?? null;
  }
}
