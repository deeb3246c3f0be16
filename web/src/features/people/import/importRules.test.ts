import type { ImportMapping } from '@oselia/contracts';
import fc from 'fast-check';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
// The server's own row mapping, so that the messages checked below are the ones it really writes.
import {
  compileMapping,
  mapRow,
} from '../../../../../server/src/modules/people/import/people-import.mapping.ts';
import {
  errorsByColumn,
  exampleOf,
  FIELD_GROUPS,
  mappingProblems,
  rowMessage,
  stepOf,
} from './importRules.ts';

/** The translation function as the pure helpers see it: the key and its values, as text. */
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction<'translation'>;

describe('import mapping rules', () => {
  it('offers every importable field exactly once', () => {
    const fields = FIELD_GROUPS.flatMap((g) => g.fields);
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields).toHaveLength(26);
  });

  it('asks for both names, and for the head column when households are mapped', () => {
    expect(mappingProblems({})).toEqual({ familyName: 'needFamilyName', givenName: 'needGivenName' });
    expect(mappingProblems({ familyName: 'a', givenName: 'b' })).toEqual({});
    expect(mappingProblems({ familyName: 'a', givenName: 'b', householdKey: 'hh' })).toEqual({
      relationship: 'needRelationship',
    });
    expect(
      mappingProblems({ familyName: 'a', givenName: 'b', householdKey: 'hh', relationship: 'r' }),
    ).toEqual({});
  });

  it('shows the first non-empty value of a column, shortened', () => {
    const rows: Record<string, string>[] = [{ a: ' ', b: 'x' }, { a: 'Шевченко' }, { a: 'Коваль' }];
    expect(exampleOf(rows, 'a')).toBe('Шевченко');
    expect(exampleOf(rows, 'c')).toBeNull();
    expect(exampleOf([{ a: 'я'.repeat(100) }], 'a')).toHaveLength(58);
  });

  it('counts errors per column, most first, whatever their order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ row: fc.integer(), column: fc.constantFrom('a', 'b', null), message: fc.string() }),
        ),
        (errors) => {
          const counts = errorsByColumn(errors);
          expect(counts.reduce((n, c) => n + c.count, 0)).toBe(errors.length);
          for (let i = 1; i < counts.length; i++)
            expect(counts[i - 1]!.count).toBeGreaterThanOrEqual(counts[i]!.count);
          expect(errorsByColumn([...errors].reverse())).toEqual(counts);
        },
      ),
    );
  });

  it('puts the officer on the step the import has reached', () => {
    expect(stepOf({ status: 'draft' })).toBe(2);
    expect(stepOf({ status: 'validated' })).toBe(3);
    expect(stepOf({ status: 'failed' })).toBe(3);
    expect(stepOf({ status: 'importing' })).toBe(4);
    expect(stepOf({ status: 'imported' })).toBe(4);
  });
});

describe('row messages', () => {
  const columns = [
    'family',
    'given',
    'birth',
    'precision',
    'sex',
    'group',
    'seeing',
    'vuln',
    'consent',
    'hh',
    'rel',
  ];
  const mapping: ImportMapping = {
    familyName: 'family',
    givenName: 'given',
    birthDate: 'birth',
    birthDatePrecision: 'precision',
    sex: 'sex',
    populationGroup: 'group',
    wgSeeing: 'seeing',
    vulnerabilities: 'vuln',
    consentAssistance: 'consent',
    householdKey: 'hh',
    relationship: 'rel',
  };
  const plan = compileMapping(mapping, columns);
  const problemsOf = (cells: Partial<Record<(typeof columns)[number], string>>) =>
    mapRow(
      columns.map((c) => cells[c] ?? ''),
      plan,
    ).problems.map((p) => p.message);

  it('translates every message the server writes for a bad cell', () => {
    const messages = [
      ...problemsOf({ family: 'Шевченко', given: 'Тарас', birth: 'вчора', sex: 'x', group: 'tourist' }),
      ...problemsOf({ family: 'Шевченко', given: 'Тарас', birth: '31.02.1990', precision: 'century' }),
      ...problemsOf({
        family: 'Шевченко',
        given: 'Тарас',
        seeing: 'maybe',
        vuln: 'bored',
        consent: 'perhaps',
      }),
      ...problemsOf({ family: 'Шевченко', given: 'Тарас', hh: 'H1' }),
      ...problemsOf({ family: 'Шевченко', given: 'Тарас', hh: 'H1', rel: 'neighbour-ish' }),
    ];
    expect(messages.length).toBeGreaterThanOrEqual(9);
    for (const message of messages) expect(rowMessage(t, message)).toMatch(/^peopleImport\.messages\./);
  });

  it('keeps the value the officer typed in the translation', () => {
    const [message] = problemsOf({ family: 'Шевченко', given: 'Тарас', sex: 'x' });
    expect(rowMessage(t, message!)).toBe('peopleImport.messages.unknownSex {"value":"x"}');
    expect(rowMessage(t, 'household "H7" has 2 rows marked as head (rows 3, 9)')).toBe(
      'peopleImport.messages.manyHeads {"key":"H7","rows":"3, 9"}',
    );
    expect(rowMessage(t, 'household "H7" has no valid row marked as head')).toBe(
      'peopleImport.messages.noHead {"key":"H7"}',
    );
    expect(rowMessage(t, 'at most 100 characters')).toBe('forms.maxLength {"n":100}');
  });

  it('falls back to the registration messages, then to the server’s own words', () => {
    expect(rowMessage(t, 'the birth date is in the future')).toBe('people.serverMessages.birthFuture');
    expect(rowMessage(t, 'something new')).toBe('something new');
  });
});
