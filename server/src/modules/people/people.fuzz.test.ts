import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, signedInAs } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';

/**
 * Whatever a form or a script sends, the people API answers with a verdict (2xx, or 4xx with a
 * reason), never a server error: random bodies built from the person's own field names, with
 * values of any shape, valid ones mixed in. `OSELIA_FUZZ_RUNS=3000` tries more than the usual 150.
 */

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '1000' });
  officer = (await signedInAs(t, ['registration_officer'])).session;
});
afterAll(() => t.close());

const anyValue = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom('', ' ', 'Олена', 'Шевченко', "О'Коннор", '1990-02-30', '2099-01-01', 'UA0502003', 'UA99'),
  fc.constantFrom('067 123 45 67', '+380671234567', '12-34', '3012345670', '3012345671', 'F', 'M', 'idp'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null)), { maxLength: 6 }),
  fc.dictionary(
    fc.constantFrom('type', 'value', 'purpose', 'status', 'method', 'seeing'),
    fc.string({ maxLength: 20 }),
  ),
);
const personKeys = [
  'familyName',
  'givenName',
  'patronymic',
  'birthDate',
  'birthDatePrecision',
  'sex',
  'phones',
  'populationGroup',
  'originPcode',
  'currentPcode',
  'displacementDate',
  'washingtonGroup',
  'vulnerabilities',
  'identifiers',
  'consents',
] as const;
const someFields = fc.record(
  Object.fromEntries(personKeys.map((k) => [k, anyValue])) as Record<
    (typeof personKeys)[number],
    typeof anyValue
  >,
  { requiredKeys: [] },
);
/**
 * Anything at all, or a valid name with one or two fields of any value: the second kind passes the
 * form's schema often enough for the service's own rules (places, phones, identifiers) to run.
 */
const personBody = fc.oneof(
  someFields,
  fc
    .tuple(fc.subarray([...personKeys], { maxLength: 2 }), fc.array(anyValue, { minLength: 2, maxLength: 2 }))
    .map(([keys, values]) => ({
      familyName: 'Коваль',
      givenName: 'Олена',
      ...Object.fromEntries(keys.map((k, i) => [k, values[i]])),
    })),
);

/** A valid value four times in five. */
const mostly = (valid: string[], invalid: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...valid), weight: 4 },
    { arbitrary: fc.constantFrom(...invalid), weight: 1 },
  );

/** What the API answered, by status, over both properties: printed so a run shows how deep it went. */
const answered = new Map<number, number>();
afterAll(() => console.log('people fuzz answers by status', Object.fromEntries(answered)));

describe('random input to the people API', () => {
  it('registering a person: never a server error', async () => {
    await fc.assert(
      fc.asyncProperty(personBody, async (body) => {
        const res = await call(t, officer, 'POST', '/api/v1/people', body);
        answered.set(res.statusCode, (answered.get(res.statusCode) ?? 0) + 1);
        expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
        if (res.statusCode === 400) expect(res.json().error.code).toBe('VALIDATION_FAILED');
      }),
      { numRuns: Number(process.env.OSELIA_FUZZ_RUNS ?? 150) },
    );
  });

  it('searching: never a server error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.record(
          {
            oblast: mostly(['UA05', 'UA0502003'], ['nonsense', '']),
            populationGroup: mostly(['idp', 'host_community'], ['x']),
            minHouseholdSize: mostly(['1', '4'], ['0', '-1', 'many', '1e9']),
            limit: mostly(['1', '100'], ['101', 'all']),
          },
          { requiredKeys: [] },
        ),
        async (q, filters) => {
          const query = new URLSearchParams({ q, ...filters });
          const res = await call(t, officer, 'GET', `/api/v1/people?${query}`);
          answered.set(res.statusCode, (answered.get(res.statusCode) ?? 0) + 1);
          expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
        },
      ),
      { numRuns: Number(process.env.OSELIA_FUZZ_RUNS ?? 150) },
    );
  });
});
