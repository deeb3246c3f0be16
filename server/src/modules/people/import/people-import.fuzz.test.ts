import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, signedInAs } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';

/**
 * Files as they come from the field, broken in any way (quotes left open, cells of any text, rows of
 * any length, stray bytes): the upload and the dry run answer with a verdict or a report, never a
 * server error. `OSELIA_FUZZ_RUNS` tries more than the usual 60.
 */

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '1000' });
  officer = (await signedInAs(t, ['registration_officer'])).session;
});
afterAll(() => t.close());

const header =
  'id,family_name,given_name,patronymic,birth_date,sex,phone,tax_number,current_pcode,household_id,relationship';
const cell = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '',
    '"',
    '""',
    '"a,b"',
    '\r',
    ';',
    'Олена',
    '1990-02-30',
    '31.12.1990',
    'UA0502003',
    'head',
    'H1',
  ),
  fc.constantFrom('067 123 45 67', '3012345670', '3012345671', 'F', 'чоловіча', '=cmd()', '\uFEFF'),
);
const row = fc.array(cell, { minLength: 0, maxLength: 13 }).map((cells) => cells.join(','));
const file = fc
  .tuple(fc.boolean(), fc.array(row, { minLength: 0, maxLength: 8 }))
  .map(([withHeader, rows]) => [...(withHeader ? [header] : []), ...rows].join('\n'));

describe('random files to the import', () => {
  it('upload and dry run: never a server error', async () => {
    const answered = new Map<string, number>();
    const count = (key: string) => answered.set(key, (answered.get(key) ?? 0) + 1);
    await fc.assert(
      fc.asyncProperty(file, async (csv) => {
        const up = await t.app.inject({
          method: 'POST',
          url: '/api/v1/people/imports?source=fuzz&fileName=fuzz.csv',
          payload: csv,
          headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/csv' },
        });
        count(`upload ${up.statusCode}`);
        expect(up.statusCode, up.body.slice(0, 300)).toBeLessThan(500);
        if (up.statusCode !== 201) return;
        const dry = await call(t, officer, 'POST', `/api/v1/people/imports/${up.json().importId}/dry-run`);
        count(`dry run ${dry.statusCode}`);
        expect(dry.statusCode, dry.body.slice(0, 300)).toBeLessThan(500);
      }),
      { numRuns: Number(process.env.OSELIA_FUZZ_RUNS ?? 60) },
    );
    console.log('import fuzz answers', Object.fromEntries(answered));
  });
});
