import { gzipSync } from 'node:zlib';
import { peopleImport } from '@oselia/contracts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRow } from '../../../db/schema.ts';
import { call, type Session, signedInAs } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { JobContext } from '../../jobs/jobs.runner.ts';
import { columnLiteral } from './people-import.bulk.repository.ts';
import type { ImportJobPayload } from './people-import.service.ts';

/**
 * The import job over what the dry run staged: reused when it still holds, checked again when
 * not, refused when the stored file changed; interrupted, resumed and cancelled without leaving
 * half a file in the registry.
 */

let t: TestApp;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp({ OSELIA_SIGNIN_RATE_PER_MINUTE: '1000' });
  officer = (await signedInAs(t, ['registration_officer'])).session;
});
afterAll(() => t.close());

const header =
  '_uuid,family_name,given_name,birth_date,sex,phone,passport,current_pcode,household_id,relationship';
/** Five people, two households; family names start with a per-test prefix. */
const csvOf = (p: string, place = 'UA0502003') =>
  [
    header,
    `a1,${p}енко,Олена,1981-03-14,F,067 123 45 67,АБ123456,${place},H1,head`,
    `a2,${p}енко,Іван,1979-02-14,M,,,${place},H1,spouse`,
    `a3,${p}енко,Марко,2012-01-05,M,,,${place},H1,child`,
    `a4,${p}ук,Ганна,1990-05-05,F,050 111 22 33,,${place},,`,
    `a5,${p}ич,Степан,1955-11-30,M,,,${place},H2,head`,
  ].join('\n');

async function count(prefix: string) {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from persons where family_name like ${`${prefix}%`}`.execute(t.db);
  return r.rows[0]!.n;
}

async function uploadAndCheck(csv: string, source: string) {
  const up = await t.app.inject({
    method: 'POST',
    url: `/api/v1/people/imports?source=${source}&fileName=people.csv`,
    payload: csv,
    headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'text/csv' },
  });
  expect(up.statusCode, up.body).toBe(201);
  const id = up.json().importId as string;
  const dry = await call(t, officer, 'POST', `/api/v1/people/imports/${id}/dry-run`);
  expect(dry.statusCode, dry.body).toBe(200);
  return id;
}

async function start(id: string) {
  const res = await call(t, officer, 'POST', `/api/v1/people/imports/${id}/start`, {});
  expect(res.statusCode, res.body).toBe(202);
  return res.json().jobId as string;
}

async function getImport(id: string) {
  return peopleImport.parse((await call(t, officer, 'GET', `/api/v1/people/imports/${id}`)).json());
}

async function jobRow(jobId: string) {
  return (await sql<JobRow>`select * from jobs where id = ${jobId}`.execute(t.db)).rows[0]!;
}

async function stageOf(id: string) {
  return (
    await sql<{ rows: number; parts: number }>`
      select rows, (select count(*)::int from people_import_stage_parts p where p.import_id = s.import_id) as parts
      from people_import_stages s where import_id = ${id}`.execute(t.db)
  ).rows[0];
}

/** Where the finished job says its time went, in milliseconds (`check` only when it checked again). */
async function jobPhases(jobId: string) {
  return ((await jobRow(jobId)).result as { milliseconds: Record<string, number> }).milliseconds;
}

/** Replaces the stored parts of an import's stage with text that cannot be decoded. */
async function damageStoredStage(id: string) {
  await sql`update people_import_stage_parts set data = 'not a stage' where import_id = ${id}`.execute(t.db);
}

/** The single-part search keys of these persons (family name LIKE), and those with no search term. */
async function termsOf(familyName: string) {
  const { rows } = await sql<{ term: string; stored: boolean }>`
    select distinct k as term,
      exists (select 1 from person_search_terms s where s.tenant_id = p.tenant_id and s.term = k) as stored
    from persons p, unnest(p.search_keys) as k
    where p.family_name like ${familyName} and k ~ '^[sgp]:'`.execute(t.db);
  return { needed: rows.length, missing: rows.filter((r) => !r.stored).map((r) => r.term) };
}

/** A job context as the runner would give it, with a signal the test controls. */
function contextFor(job: JobRow, onProgress: (message: string | null | undefined) => void = () => {}) {
  const controller = new AbortController();
  const ctx: JobContext<ImportJobPayload> = {
    job,
    payload: job.payload as ImportJobPayload,
    checkpoint: null,
    signal: controller.signal,
    progress: async (_done, _total, message) => onProgress(message),
  };
  return { ctx, controller };
}

describe('the import job and the dry run’s stage', () => {
  it('writes the rows the dry run staged without checking them again, then lets the stage go', async () => {
    const id = await uploadAndCheck(csvOf('Ста'), 'stage-reuse');
    expect(await stageOf(id)).toMatchObject({ rows: 5, parts: 1 });
    const jobId = await start(id);
    await t.services.runner.drain();
    const done = await getImport(id);
    expect(done.status, done.error ?? '').toBe('imported');
    expect(done.counts).toMatchObject({ imported: 5, households: 2 });
    expect(await count('Ста')).toBe(5);
    expect((await jobPhases(jobId)).check).toBeUndefined();
    expect(await stageOf(id)).toBeUndefined();
  });

  it('takes the stage its own dry run just stored from memory, without reading it back', async () => {
    const id = await uploadAndCheck(csvOf('Пам'), 'stage-memory');
    // The stored copy is damaged: only the one in memory can be written.
    await damageStoredStage(id);
    const jobId = await start(id);
    await t.services.runner.drain();
    expect((await getImport(id)).counts).toMatchObject({ imported: 5, households: 2 });
    expect(await count('Пам')).toBe(5);
    expect((await jobPhases(jobId)).check).toBeUndefined();
  });

  it('reads a stage made since by another dry run, and checks the rows again if it is damaged', async () => {
    const id = await uploadAndCheck(csvOf('Інс'), 'stage-other-instance');
    // As if another server's dry run stored a stage of its own later, and it came back damaged.
    await sql`update people_import_stages set created_at = created_at + interval '1 second' where import_id = ${id}`.execute(
      t.db,
    );
    await damageStoredStage(id);
    const jobId = await start(id);
    await t.services.runner.drain();
    expect((await getImport(id)).counts).toMatchObject({ imported: 5, households: 2 });
    expect(await count('Інс')).toBe(5);
    expect((await jobPhases(jobId)).check).toBeGreaterThanOrEqual(0);
  });

  it('checks the rows again when the stage no longer matches the mapping it was made with', async () => {
    const id = await uploadAndCheck(csvOf('Мап'), 'stage-stale');
    await sql`update people_import_stages set mapping_hash = 'another mapping' where import_id = ${id}`.execute(
      t.db,
    );
    const jobId = await start(id);
    await t.services.runner.drain();
    expect((await getImport(id)).status).toBe('imported');
    expect(await count('Мап')).toBe(5);
    expect((await jobPhases(jobId)).check).toBeGreaterThanOrEqual(0);
  });

  it('refuses a file whose stored bytes changed after the dry run, and imports nothing', async () => {
    const id = await uploadAndCheck(csvOf('Змі'), 'stage-changed');
    const other = gzipSync(Buffer.from(csvOf('Інш'))).toString('base64');
    await sql`update people_imports set content = decode(${other}, 'base64') where id = ${id}`.execute(t.db);
    await start(id);
    await t.services.runner.drain();
    const failed = await getImport(id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/does not match the file uploaded/);
    expect(await count('Змі')).toBe(0);
    expect(await count('Інш')).toBe(0);
  });

  it('stopped by a shutdown in the middle of writing, leaves nothing and resumes from the stage', async () => {
    const id = await uploadAndCheck(csvOf('Рес'), 'stage-resume');
    const jobId = await start(id);
    const job = await jobRow(jobId);
    // The first attempt: the server shuts down once the people are written, before the commit.
    const first = contextFor(job, (message) => {
      if (message?.includes('people written')) first.controller.abort(new Error('shutdown'));
    });
    await expect(t.services.peopleImport.runImport(first.ctx)).rejects.toThrow(/shutdown/);
    expect((await getImport(id)).status).toBe('importing');
    expect(await count('Рес')).toBe(0);
    expect(await stageOf(id)).toMatchObject({ rows: 5 });
    // After the restart the queued job runs again, from the stage.
    await t.services.runner.drain();
    const done = await getImport(id);
    expect(done.status).toBe('imported');
    expect(done.counts).toMatchObject({ imported: 5, alreadyPresent: 0 });
    expect(await count('Рес')).toBe(5);
    expect((await jobPhases(jobId)).check).toBeUndefined();
  });

  it('cancelled in the middle of writing, imports nothing and says so', async () => {
    const id = await uploadAndCheck(csvOf('Скс'), 'stage-cancel');
    const job = await jobRow(await start(id));
    const run = contextFor(job, (message) => {
      if (message?.includes('people written')) run.controller.abort(new Error('cancelled'));
    });
    await expect(t.services.peopleImport.runImport(run.ctx)).rejects.toThrow();
    await sql`update jobs set status = 'cancelled' where id = ${job.id}`.execute(t.db);
    const failed = await getImport(id);
    expect(failed.error).toMatch(/cancelled; nothing was imported/);
    expect(await count('Скс')).toBe(0);
  });
});

describe('a file of a few hundred people', () => {
  it('is written as it was read: names, places, dates, answers and households', async () => {
    const wg = ['no_difficulty', 'some_difficulty', 'a_lot_of_difficulty', 'cannot_do'];
    const given = ['Олена', 'Іван', 'Марія', 'Тарас', 'Ганна'];
    const places = ['UA0502003', 'UA4606001', 'UA6504', null];
    const head =
      'id,family_name,given_name,patronymic,birth_date,sex,current_pcode,wg_seeing,wg_walking,household_id,relationship';
    const rows = Array.from({ length: 300 }, (_, i) => {
      const household = Math.floor(i / 3);
      return [
        `r${i}`,
        `Сот${['енко', 'ук', 'ич'][household % 3]}`,
        given[i % 5],
        i % 7 === 0 ? '' : 'Петрівна',
        `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
        i % 2 === 0 ? 'F' : 'M',
        places[i % 4] ?? '',
        wg[i % 4],
        wg[(i + 1) % 4],
        `SH${household}`,
        i % 3 === 0 ? 'head' : 'child',
      ].join(',');
    });
    const id = await uploadAndCheck([head, ...rows].join('\n'), 'few-hundred');
    await start(id);
    await t.services.runner.drain();
    expect((await getImport(id)).counts).toMatchObject({ imported: 300, households: 100 });
    const { rows: written } = await sql<{
      given_name: string;
      patronymic: string | null;
      birth_date: string;
      current_pcode: string | null;
      washington_group: Record<string, string>;
      disability: boolean;
      relationship_to_head: string;
      members: number;
    }>`
      select p.given_name, p.patronymic, p.birth_date, p.current_pcode, p.washington_group, p.disability,
        p.relationship_to_head,
        (select count(*)::int from household_memberships m where m.household_id = p.household_id) as members
      from persons p where p.family_name like 'Сот%' order by p.birth_date, p.given_name`.execute(t.db);
    expect(written).toHaveLength(300);
    const expected = rows
      .map((_, i) => ({
        given_name: given[i % 5],
        patronymic: i % 7 === 0 ? null : 'Петрівна',
        birth_date: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
        current_pcode: places[i % 4],
        washington_group: expect.objectContaining({ seeing: wg[i % 4], walking: wg[(i + 1) % 4] }),
        disability: i % 4 >= 1 && (i % 4 >= 2 || (i + 1) % 4 >= 2),
        relationship_to_head: i % 3 === 0 ? 'head' : 'child',
        members: 3,
      }))
      .sort((a, b) => (a.birth_date + a.given_name < b.birth_date + b.given_name ? -1 : 1));
    expect(written).toEqual(expected);
  });

  it('adds the search terms of its persons itself, and leaves them to the trigger elsewhere', async () => {
    const head = 'id,family_name,given_name,patronymic,birth_date,sex';
    const rows = Array.from({ length: 40 }, (_, i) =>
      [
        `t${i}`,
        `Термін${'абвгд'[i % 5]}енко`,
        ['Олена', 'Їжак', 'Юрій', 'Явдоха'][i % 4],
        i % 2 ? 'Петрович' : '',
        `1980-01-${10 + (i % 9)}`,
        i % 2 ? 'M' : 'F',
      ].join(','),
    );
    const jobId = await start(await uploadAndCheck([head, ...rows].join('\n'), 'terms'));
    await t.services.runner.drain();
    expect(await jobPhases(jobId)).toHaveProperty('terms');
    // Every single-part key of the new persons has its term, as the trigger would have made it.
    expect(await termsOf('Термін%')).toEqual({ needed: 5 + 4 + 1, missing: [] });

    // A person registered one by one afterwards still gets hers from the trigger.
    const res = await call(t, officer, 'POST', '/api/v1/people', {
      familyName: 'Зумерченко',
      givenName: 'Мирослава',
      birthDate: '1990-02-03',
      sex: 'F',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await termsOf('Зумерченко')).toEqual({ needed: 2, missing: [] });
  });
});

describe('column literals', () => {
  it('carry any text to the database and back unchanged', async () => {
    const values = [
      'plain',
      'with "quotes" and \\backslashes\\',
      '{braces},commas',
      'NULL',
      '',
      ' spaces ',
      'Ім’я — «лапки»',
      null,
    ];
    const { rows } = await sql<{
      v: (string | null)[];
    }>`select ${columnLiteral('text', values)}::text[] as v`.execute(t.db);
    expect(rows[0]!.v).toEqual(values);
    const nested = [['a', 'b "c"'], [], ['\\', '{x}', 'NULL']];
    const back = await sql<{ v: string[] }>`
      select x::text[] as v from unnest(${columnLiteral('text[]', nested)}::text[]) with ordinality u(x, n)
      order by n`.execute(t.db);
    expect(back.rows.map((r) => r.v)).toEqual(nested);
  });
});
