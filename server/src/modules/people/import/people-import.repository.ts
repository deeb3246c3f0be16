import { gunzipSync, gzipSync } from 'node:zlib';
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type {
  ConsentsTable,
  HouseholdMembershipsTable,
  HouseholdsTable,
  PeopleImportsTable,
  PersonIdentifiersTable,
  PersonsTable,
} from '../../../db/schema.ts';

/** Rows per INSERT: well under PostgreSQL's 65,535 parameters for the widest table (persons). */
export const INSERT_BATCH = 2000;

/** Uploaded files, saved mappings, and the bulk writes of an import. */
export function createPeopleImportRepository(db: Database) {
  async function insertInBatches<T>(
    rows: T[],
    insert: (batch: T[]) => Promise<unknown>,
    size = INSERT_BATCH,
  ) {
    for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
  }

  return {
    /**
     * The file is kept gzip-compressed, and crosses the driver as base64 text: a large bytea
     * parameter is slow to pass to the embedded database.
     */
    insertImport(row: Omit<Insertable<PeopleImportsTable>, 'content'> & { content: Buffer }) {
      const packed = gzipSync(row.content, { level: 1 }).toString('base64');
      return db
        .insertInto('people_imports')
        .values({ ...row, content: sql<Buffer>`decode(${packed}, 'base64')` })
        .returning(['id'])
        .executeTakeFirstOrThrow();
    },

    /** Everything but the file itself. */
    findImport(tenantId: string, id: string) {
      return db
        .selectFrom('people_imports')
        .select([
          'tenant_id',
          'id',
          'source',
          'file_name',
          'format',
          'sha256',
          'size_bytes',
          'columns',
          'row_count',
          'status',
          'mapping',
          'report',
          'skip_invalid_rows',
          'counts',
          'job_id',
          'error',
          'created_at',
          'created_by',
          'updated_at',
          'version',
        ])
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async findContent(tenantId: string, id: string): Promise<Buffer | undefined> {
      const row = await db
        .selectFrom('people_imports')
        .select(sql<string>`encode(content, 'base64')`.as('packed'))
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? gunzipSync(Buffer.from(row.packed, 'base64')) : undefined;
    },

    /** Changes an import only from the statuses given; undefined when it was in another. */
    updateImport(
      tenantId: string,
      id: string,
      from: PeopleImportsTable['status'][],
      patch: Updateable<PeopleImportsTable>,
    ) {
      return db
        .updateTable('people_imports')
        .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('status', 'in', from)
        .returning(['id', 'status'])
        .executeTakeFirst();
    },

    async findMapping(tenantId: string, source: string) {
      const row = await db
        .selectFrom('import_mappings')
        .select('mapping')
        .where('tenant_id', '=', tenantId)
        .where('source', '=', source)
        .executeTakeFirst();
      return row?.mapping;
    },

    saveMapping(tenantId: string, source: string, mapping: unknown, userId: string | null) {
      return db
        .insertInto('import_mappings')
        .values({ tenant_id: tenantId, source, mapping: JSON.stringify(mapping), updated_by: userId })
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'source']).doUpdateSet({
            mapping: JSON.stringify(mapping),
            updated_by: userId,
            updated_at: sql`now()`,
          }),
        )
        .execute();
    },

    /** Persons already imported under these keys, with their household. */
    async findByImportKeys(tenantId: string, keys: string[]) {
      const out: { import_key: string; id: string; household_id: string | null }[] = [];
      for (let i = 0; i < keys.length; i += 10_000) {
        const rows = await db
          .selectFrom('persons')
          .select(['import_key', 'id', 'household_id'])
          .where('tenant_id', '=', tenantId)
          .where(sql<boolean>`import_key = any(${sql.val(keys.slice(i, i + 10_000))}::text[])`)
          .execute();
        for (const r of rows) out.push({ import_key: r.import_key!, id: r.id, household_id: r.household_id });
      }
      return out;
    },

    insertHouseholds(rows: Insertable<HouseholdsTable>[]) {
      return insertInBatches(rows, (b) => db.insertInto('households').values(b).execute(), 5000);
    },

    insertPersons(rows: Insertable<PersonsTable>[]) {
      return insertInBatches(rows, (b) => db.insertInto('persons').values(b).execute());
    },

    insertIdentifiers(rows: Insertable<PersonIdentifiersTable>[]) {
      return insertInBatches(rows, (b) => db.insertInto('person_identifiers').values(b).execute(), 5000);
    },

    insertConsents(rows: Insertable<ConsentsTable>[]) {
      return insertInBatches(rows, (b) => db.insertInto('consents').values(b).execute(), 5000);
    },

    insertMemberships(rows: Insertable<HouseholdMembershipsTable>[]) {
      return insertInBatches(rows, (b) => db.insertInto('household_memberships').values(b).execute(), 5000);
    },
  };
}

export type PeopleImportRepository = ReturnType<typeof createPeopleImportRepository>;
