import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRow } from '../../../db/schema.ts';
import { buildOrganisation, factoryActor } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import type { Actor } from '../../access/access.policy.ts';
import type { JobContext } from '../../jobs/jobs.runner.ts';
import {
  createPeopleImportService,
  type ImportJobPayload,
  type PeopleImportService,
} from './people-import.service.ts';

/**
 * How a large load avoids keeping indexes and checking foreign keys row by row. On a database no
 * other session can use, a load at least as large as the registry drops the secondary indexes of
 * the tables it writes and builds them again at the end, in the same transaction. A session that
 * may set `session_replication_role` checks each foreign key once as a set (and locks what the rows
 * refer to). Both run on both engines (the service is told which to use): the schema must come back
 * exactly, and a row the checks refuse must undo the whole file.
 */

const TABLES = ['households', 'persons', 'person_identifiers', 'consents', 'household_memberships'];

let t: TestApp;
let imports: PeopleImportService;
let actor: Actor;

beforeAll(async () => {
  t = await createTestApp();
  // Five people count as a large load here; the registry of this test file starts empty.
  imports = createPeopleImportService(t.db, {
    crypto: t.services.crypto,
    audit: t.services.audit,
    places: t.services.places,
    jobs: t.services.jobs,
    engine: 'pglite',
    rebuildFrom: 1,
    setChecksFrom: 1,
  });
  const org = await buildOrganisation(t);
  actor = factoryActor(t, org.id);
});
afterAll(() => t.close());

const csvOf = (p: string, place: string) =>
  [
    '_uuid,family_name,given_name,birth_date,sex,passport,current_pcode,household_id,relationship,consent',
    `a1,${p}енко,Олена,1981-03-14,F,АБ123456,${place},H1,head,yes`,
    `a2,${p}енко,Іван,1979-02-14,M,,${place},H1,spouse,yes`,
    `a3,${p}енко,Марко,2012-01-05,M,,${place},H1,child,yes`,
    `a4,${p}ук,Ганна,1990-05-05,F,,${place},,,yes`,
    `a5,${p}ич,Степан,1955-11-30,M,,${place},H2,head,no`,
  ].join('\n');

/** Every index and foreign key of the tables an import writes, as SQL. */
async function schemaOfTables() {
  const r = await sql<{ def: string }>`
    select pg_get_indexdef(indexrelid) as def from pg_index where indrelid = any(${TABLES}::regclass[])
    union all
    select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
    where contype = 'f' and conrelid = any(${TABLES}::regclass[])
    order by 1`.execute(t.db);
  return r.rows.map((x) => x.def);
}

async function count(prefix: string) {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from persons where family_name like ${`${prefix}%`}`.execute(t.db);
  return r.rows[0]!.n;
}

/** Upload, dry run and start through this service; returns the job to run by hand. */
async function prepare(csv: string, source: string) {
  const up = await imports.uploadImport(actor, { source, fileName: 'load.csv', content: Buffer.from(csv) });
  const report = await imports.dryRun(actor, up.importId);
  expect(report.invalidRows).toBe(0);
  const { jobId } = await imports.startImport(actor, up.importId, { skipInvalidRows: false });
  const job = (await sql<JobRow>`select * from jobs where id = ${jobId}`.execute(t.db)).rows[0]!;
  const messages: string[] = [];
  const ctx: JobContext<ImportJobPayload> = {
    job,
    payload: job.payload as ImportJobPayload,
    checkpoint: null,
    signal: new AbortController().signal,
    progress: async (_done, _total, message) => {
      if (message) messages.push(message);
    },
  };
  return { id: up.importId, messages, run: () => imports.runImport(ctx) };
}

describe('a large load on a database with one session', () => {
  it('drops the secondary indexes, writes, and builds them again as they were', async () => {
    const before = await schemaOfTables();
    expect(before.some((d) => d.includes('persons_import_key_uq'))).toBe(true);
    const { id, run, messages } = await prepare(csvOf('Реб', 'UA0502003'), 'rebuild');
    const result = (await run()) as { indexesRebuilt: boolean; imported: number; households: number };
    expect(result).toMatchObject({ indexesRebuilt: true, imported: 5, households: 2 });
    expect(messages).toContain('building the indexes again');
    expect(await schemaOfTables()).toEqual(before);
    expect((await imports.getImport(actor, id)).status).toBe('imported');
    expect(await count('Реб')).toBe(5);
    // Four of the five belong to a household (three in one, one alone in the other).
    const members = await sql<{ n: number }>`
      select count(*)::int as n from household_memberships m join persons p
        on p.tenant_id = m.tenant_id and p.id = m.person_id
      where p.family_name like 'Реб%'`.execute(t.db);
    expect(members.rows[0]!.n).toBe(4);
  });

  it('is still all or nothing: a row the foreign keys refuse undoes the whole file', async () => {
    const before = await schemaOfTables();
    // A settlement nothing else refers to, gone after the dry run accepted it.
    const { id, run } = await prepare(csvOf('Фкл', 'UA0502003002'), 'rebuild-fails');
    await sql`delete from admin_units where pcode = 'UA0502003002'`.execute(t.db);
    await expect(run()).rejects.toThrow(/not in the database/);
    expect((await imports.getImport(actor, id)).status).toBe('failed');
    expect(await count('Фкл')).toBe(0);
    expect(await schemaOfTables()).toEqual(before);
  });
});

describe('foreign keys checked as sets', () => {
  let sets: PeopleImportService;
  beforeAll(() => {
    // A server database (no rebuild), where this session may check foreign keys as sets.
    sets = createPeopleImportService(t.db, {
      crypto: t.services.crypto,
      audit: t.services.audit,
      places: t.services.places,
      jobs: t.services.jobs,
      engine: 'postgres',
      setChecksFrom: 1,
    });
  });

  async function prepareWith(service: PeopleImportService, csv: string, source: string) {
    const up = await service.uploadImport(actor, { source, fileName: 'sets.csv', content: Buffer.from(csv) });
    await service.dryRun(actor, up.importId);
    const { jobId } = await service.startImport(actor, up.importId, { skipInvalidRows: false });
    const job = (await sql<JobRow>`select * from jobs where id = ${jobId}`.execute(t.db)).rows[0]!;
    await sql`update jobs set status = 'succeeded' where id = ${jobId}`.execute(t.db);
    const ctx: JobContext<ImportJobPayload> = {
      job,
      payload: job.payload as ImportJobPayload,
      checkpoint: null,
      signal: new AbortController().signal,
      progress: async () => {},
    };
    return { id: up.importId, run: () => service.runImport(ctx) };
  }

  it('writes every table with its keys checked once per key', async () => {
    const before = await schemaOfTables();
    const { run } = await prepareWith(sets, csvOf('Мно', 'UA0502003'), 'sets');
    const result = (await run()) as { foreignKeysCheckedAsSets: boolean; imported: number };
    expect(result).toMatchObject({ foreignKeysCheckedAsSets: true, imported: 5 });
    expect(await count('Мно')).toBe(5);
    expect(await schemaOfTables()).toEqual(before);
    // The row checks are back for everyone else.
    const role = await sql<{ r: string }>`select current_setting('session_replication_role') as r`.execute(
      t.db,
    );
    expect(role.rows[0]!.r).toBe('origin');
  });

  it('refuses the whole file when a key refers to nothing', async () => {
    const { id, run } = await prepareWith(sets, csvOf('Нем', 'UA0502003001'), 'sets-fail');
    await sql`delete from admin_units where pcode = 'UA0502003001'`.execute(t.db);
    await expect(run()).rejects.toThrow(/households_current_pcode_fkey/);
    expect((await sets.getImport(actor, id)).status).toBe('failed');
    expect(await count('Нем')).toBe(0);
  });
});
