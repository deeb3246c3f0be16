import { household, importReport, peopleImport, uploadImportResult } from '@oselia/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type Session, signedInAs } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { writeSimpleXlsx } from './people-import.file.ts';

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '1000' });
  officer = (await signedInAs(t, ['registration_officer'])).session;
});
afterAll(() => t.close());

function upload(body: string | Buffer, query: string, contentType = 'text/csv', session = officer) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/people/imports?${query}`,
    payload: body,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': contentType },
  });
}

async function importedCount(source: string) {
  // The import keys are keyed hashes; count the persons the test's source brought in through the audit.
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from persons where import_key is not null and family_name like ${`${source}%`}`.execute(
    t.db,
  );
  return r.rows[0]!.n;
}

/** Upload, dry run, start, run the job; returns the final import. */
async function runWhole(id: string, skipInvalidRows = false) {
  const dry = await call(t, officer, 'POST', `/api/v1/people/imports/${id}/dry-run`);
  expect(dry.statusCode, dry.body).toBe(200);
  const start = await call(t, officer, 'POST', `/api/v1/people/imports/${id}/start`, { skipInvalidRows });
  expect(start.statusCode, start.body).toBe(202);
  await t.services.runner.drain();
  const res = await call(t, officer, 'GET', `/api/v1/people/imports/${id}`);
  expect(res.statusCode).toBe(200);
  return peopleImport.parse(res.json());
}

// Family names carry a per-test prefix in Latin-free Cyrillic, so counts never mix between tests.
const header =
  '_uuid,group_person/family_name,group_person/given_name,patronymic,birth_date,sex,phone,tax_number,current_pcode,household_id,relationship,consent';
const goodRows = (p: string) => [
  `a1,${p}ченко,Олена,Петрівна,1981-03-14,F,067 123 45 67,3012345670,UA0502003,H1,head,yes`,
  `a2,${p}ченко,Іван,Петрович,14.02.1979,M,,,UA0502003,H1,spouse,так`,
  `a3,${p}ченко,Марко,Іванович,2012-01-05,M,,,UA0502003,H1,child,yes`,
  `a4,"${p}ук",Ганна,,1990,F,"+380 50 111 22 33",,UA4606001,,,yes`,
  `a5,${p}енко,Степан,Ігорович,1955-11-30,M,0931112233,,UA6504,H2,head,ні`,
];

describe('people import', () => {
  it('imports a good file wholly, with households and consent', async () => {
    const csv = `\uFEFF${[header, ...goodRows('Бер')].join('\r\n')}\r\n`;
    const up = await upload(csv, 'source=kobo-lviv&fileName=persons.csv');
    expect(up.statusCode, up.body).toBe(201);
    const u = uploadImportResult.parse(up.json());
    expect(u.format).toBe('csv');
    expect(u.rowCount).toBe(5);
    expect(u.suggestedMapping).toMatchObject({
      sourceId: '_uuid',
      familyName: 'group_person/family_name',
      givenName: 'group_person/given_name',
      birthDate: 'birth_date',
      taxNumber: 'tax_number',
      householdKey: 'household_id',
      relationship: 'relationship',
      consentAssistance: 'consent',
    });
    expect(u.sampleRows[0]!['group_person/given_name']).toBe('Олена');

    const done = await runWhole(u.importId);
    expect(done.status).toBe('imported');
    expect(done.counts).toEqual({
      imported: 5,
      alreadyPresent: 0,
      skippedInvalid: 0,
      duplicatesInFile: 0,
      households: 2,
    });
    expect(done.job?.status).toBe('succeeded');
    expect(await importedCount('Бер')).toBe(5);

    const found = await call(t, officer, 'GET', '/api/v1/people?q=Olena Berchenko');
    const olena = found.json().items.find((h: { givenName: string }) => h.givenName === 'Олена');
    expect(olena.householdSize).toBe(3);
    const person = (await call(t, officer, 'GET', `/api/v1/people/${olena.id}`)).json();
    expect(person.phones).toEqual(['+380671234567']);
    expect(person.identifiers[0].masked).toMatch(/670$/);
    const hh = household.parse(
      (await call(t, officer, 'GET', `/api/v1/households/${person.householdId}`)).json(),
    );
    expect(hh.headPersonId).toBe(olena.id);
    expect(hh.members.map((m) => m.relationship).sort()).toEqual(['child', 'head', 'spouse']);

    const ivan = (await call(t, officer, 'GET', '/api/v1/people?q=Ivan Berchenko')).json().items[0];
    expect(ivan.birthDate).toBe('1979-02-14');
    const hanna = (await call(t, officer, 'GET', '/api/v1/people?q=Hanna Beruk')).json().items[0];
    const hannaRecord = (await call(t, officer, 'GET', `/api/v1/people/${hanna.id}`)).json();
    expect(hannaRecord).toMatchObject({
      birthDate: '1990-01-01',
      birthDatePrecision: 'year',
      householdId: null,
    });
    const consents = (await call(t, officer, 'GET', `/api/v1/people/${hanna.id}/consents`)).json();
    expect(consents.current.find((c: { purpose: string }) => c.purpose === 'assistance').holds).toBe(true);

    // One audit entry for the whole file, naming its hash.
    const audit = await sql<{
      meta: { sha256: string; imported: number };
    }>`select meta from audit_log where action = 'people.imported' and entity_id = ${u.importId}`.execute(
      t.db,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.meta.imported).toBe(5);
    expect(audit.rows[0]!.meta.sha256).toBe(done.sha256);
  });

  it('refuses a file with three bad rows, naming each row and column, and imports nothing', async () => {
    const rows = [
      ...goodRows('Вес'),
      'b1,Весенко,Ірина,,1990-02-30,F,,,UA0502003,,,yes', // no such day: row 7
      'b2,Весюк,Петро,,1980-01-01,X,,1234567890,UA0502003,,,yes', // sex and tax number: row 8
      'b3,Вес123,Оля,,1985-05-05,F,12,,UA9999999,,,yes', // name, phone, unknown place: row 9
    ];
    const up = await upload([header, ...rows].join('\n'), 'source=partner-a&fileName=bad.csv');
    expect(up.statusCode, up.body).toBe(201);
    const id = up.json().importId;
    const dry = await call(t, officer, 'POST', `/api/v1/people/imports/${id}/dry-run`);
    const report = importReport.parse(dry.json());
    expect(report).toMatchObject({ totalRows: 8, validRows: 5, invalidRows: 3 });
    const cells = report.errors.map((e) => `${e.row}:${e.column}`);
    expect(cells).toEqual(
      expect.arrayContaining([
        '7:birth_date',
        '8:sex',
        '8:tax_number',
        '9:group_person/family_name',
        '9:phone',
        '9:current_pcode',
      ]),
    );
    expect(report.errors.every((e) => e.row >= 7 && e.message.length > 0)).toBe(true);

    const start = await call(t, officer, 'POST', `/api/v1/people/imports/${id}/start`, {});
    expect(start.statusCode).toBe(409);
    expect(start.json().error.message).toMatch(/3 rows are not valid/);
    await t.services.runner.drain();
    expect(await importedCount('Вес')).toBe(0);

    // Skipping them imports the valid rows and lists what was left out.
    const skipped = await call(t, officer, 'POST', `/api/v1/people/imports/${id}/start`, {
      skipInvalidRows: true,
    });
    expect(skipped.statusCode, skipped.body).toBe(202);
    await t.services.runner.drain();
    const done = peopleImport.parse((await call(t, officer, 'GET', `/api/v1/people/imports/${id}`)).json());
    expect(done.status).toBe('imported');
    expect(done.counts).toMatchObject({ imported: 5, skippedInvalid: 3 });
    expect(done.report?.skippedRows).toEqual([7, 8, 9]);
    expect(await importedCount('Вес')).toBe(5);
  });

  it('reports a name of ten megabytes on its row and column, as any other bad cell', async () => {
    const rows = [`m1,${'Я'.repeat(5_000_000)},Ірина,,1990-02-03,F,,,UA0502003,,,yes`, ...goodRows('Мег')];
    const up = await upload([header, ...rows].join('\n'), 'source=partner-m&fileName=huge.csv');
    expect(up.statusCode, up.body.slice(0, 300)).toBe(201);
    // The examples beside the mapping show the start of such a cell, not all of it.
    expect(up.body.length).toBeLessThan(10_000);
    expect(up.json().sampleRows[0]['group_person/family_name']).toBe(`${'Я'.repeat(200)}…`);
    const dry = await call(t, officer, 'POST', `/api/v1/people/imports/${up.json().importId}/dry-run`);
    expect(dry.statusCode, dry.body.slice(0, 300)).toBe(200);
    const report = importReport.parse(dry.json());
    expect(report).toMatchObject({ totalRows: 6, validRows: 5, invalidRows: 1 });
    expect(report.errors).toEqual([
      { row: 2, column: 'group_person/family_name', message: 'at most 100 characters' },
    ]);
  });

  it('adds nobody twice when the same file comes again', async () => {
    const csv = [header, ...goodRows('Гор')].join('\n');
    const first = await runWhole((await upload(csv, 'source=kobo-kyiv')).json().importId);
    expect(first.counts?.imported).toBe(5);
    const again = (await upload(csv, 'source=kobo-kyiv&fileName=again.csv')).json();
    expect(again.mappingSavedForSource).toBe(true);
    const dry = importReport.parse(
      (await call(t, officer, 'POST', `/api/v1/people/imports/${again.importId}/dry-run`)).json(),
    );
    expect(dry.alreadyPresent).toBe(5);
    const second = await runWhole(again.importId);
    expect(second.counts).toMatchObject({ imported: 0, alreadyPresent: 5 });
    expect(await importedCount('Гор')).toBe(5);

    // A repeated row inside one file is imported once and reported once: as the same row, not also
    // as a second holder of its tax number, nor as a second head of its household.
    const dup = await upload(
      [header, ...goodRows('Дуб'), goodRows('Дуб')[0]!].join('\n'),
      'source=kobo-odesa',
    );
    const dupDone = await runWhole(dup.json().importId);
    expect(dupDone.report?.duplicates).toEqual([{ row: 7, sameAsRow: 2, reason: 'same_row' }]);
    expect(dupDone.counts).toMatchObject({ imported: 5, duplicatesInFile: 1 });
  });

  it('reads XLSX workbooks', async () => {
    const xlsx = writeSimpleXlsx([
      ['Прізвище', "Ім'я", 'По батькові', 'Дата народження', 'Стать', 'Телефон', 'РНОКПП'],
      ['Жовтенко', 'Оксана', 'Василівна', '1988-06-01', 'жіноча', 380671112233, 3012345670],
      ['Жовтюк', 'Тарас', '', '05.07.1970', 'Ч', '', ''],
    ]);
    const up = await upload(xlsx, 'source=partner-xlsx&fileName=people.xlsx', 'application/octet-stream');
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ format: 'xlsx', rowCount: 2 });
    expect(up.json().suggestedMapping).toMatchObject({
      familyName: 'Прізвище',
      givenName: "Ім'я",
      patronymic: 'По батькові',
      birthDate: 'Дата народження',
      sex: 'Стать',
      phone: 'Телефон',
      taxNumber: 'РНОКПП',
    });
    const done = await runWhole(up.json().importId);
    expect(done.counts?.imported).toBe(2);
    expect(await importedCount('Жовт')).toBe(2);
  });

  it('reads semicolon-separated CSV with Ukrainian headers', async () => {
    const csv = [
      'Прізвище;Ім’я;Дата народження;Стать;Категорія;Громада',
      'Зеленко;Оксана;01.02.1990;Ж;ВПО;UA0502003',
      '"Зелен; Мирна";Ліна;1991-03-04;F;idp;UA0502003',
      ';Ірина;1992-01-01;F;idp;UA0502003',
    ].join('\n');
    const up = await upload(csv, 'source=semicolon&fileName=export.csv', 'application/vnd.ms-excel');
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().columns).toHaveLength(6);
    expect(up.json().rowCount).toBe(3);
    const id = up.json().importId;
    // The place column has a name the guess does not know: map it.
    const mapping = { ...up.json().suggestedMapping, currentPcode: 'Громада' };
    const put = await call(t, officer, 'PUT', `/api/v1/people/imports/${id}/mapping`, mapping);
    expect(put.statusCode, put.body).toBe(200);
    const dry = importReport.parse(
      (await call(t, officer, 'POST', `/api/v1/people/imports/${id}/dry-run`)).json(),
    );
    expect(dry.errors).toEqual([
      { row: 3, column: 'Прізвище', message: 'letters, spaces, hyphens and apostrophes only' },
      // An empty name is "required" and nothing else.
      { row: 4, column: 'Прізвище', message: 'required' },
    ]);
    const skipped = await call(t, officer, 'POST', `/api/v1/people/imports/${id}/start`, {
      skipInvalidRows: true,
    });
    expect(skipped.statusCode).toBe(202);
    await t.services.runner.drain();
    expect(await importedCount('Зелен')).toBe(1);
  });

  it('refuses what is not CSV or XLSX with 415, whatever the declared type', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n', 'latin1');
    const res = await upload(pdf, 'source=x&fileName=people.csv', 'text/csv');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.message).toMatch(/PDF/);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(
      (await upload(png, 'source=x', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))
        .statusCode,
    ).toBe(415);
    const latin1 = Buffer.from('Прізвище,Ім’я\nБондар,Олена\n', 'utf16le');
    expect((await upload(latin1, 'source=x')).statusCode).toBe(415);
  });

  it('is only for roles that may import', async () => {
    const { session } = await signedInAs(t, ['partner_staff']);
    expect((await upload('a,b\n1,2\n', 'source=x', 'text/csv', session)).statusCode).toBe(403);
  });
});
