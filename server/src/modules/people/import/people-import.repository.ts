import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Insertable, sql, type Updateable } from 'kysely';
import type { Database } from '../../../db/database.ts';
import type { PeopleImportStagesTable, PeopleImportsTable } from '../../../db/schema.ts';

/** Stage parts sent in one INSERT (each is well under a megabyte). */
const STAGE_PARTS_PER_INSERT = 4;

/** Bytes of the stored file per row when it is read back. */
const CONTENT_PIECE = 256 * 1024;

/** Uploaded files, saved mappings and staged rows of an import. */
export function createPeopleImportRepository(db: Database) {
  return {
    /**
     * The file is kept gzip-compressed, and crosses the driver as base64 text: a large bytea
     * parameter is slow to pass to the embedded database.
     */
    async insertImport(row: Omit<Insertable<PeopleImportsTable>, 'content'> & { content: Buffer }) {
      const packed = gzipSync(row.content, { level: 1 });
      await db
        .insertInto('people_imports')
        .values({ ...row, content: sql<Buffer>`decode(${packed.toString('base64')}, 'base64')` })
        .execute();
      // The digest of the bytes as stored, which `contentDigest` reads back without reading them.
      return { contentDigest: createHash('sha256').update(packed).digest('hex') };
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

    /** The stored file, read in pieces: one large value is slow to take from the embedded database. */
    async findContent(tenantId: string, id: string): Promise<Buffer | undefined> {
      const { rows } = await sql<{ packed: string }>`
        select encode(substring(i.content from s.at for ${CONTENT_PIECE}), 'base64') as packed
        from people_imports i, generate_series(1, greatest(length(i.content), 1), ${CONTENT_PIECE}) as s(at)
        where i.tenant_id = ${tenantId} and i.id = ${id}
        order by s.at`.execute(db);
      if (rows.length === 0) return undefined;
      return gunzipSync(Buffer.concat(rows.map((r) => Buffer.from(r.packed, 'base64'))));
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

    /**
     * Persons an earlier import of this source brought in under these keys, with their household.
     * An import key is a keyed hash of the source and the row, and only a written import of the
     * same source puts such keys in the registry: without one, there is nothing to look up.
     */
    async findByImportKeys(tenantId: string, source: string, keys: string[]) {
      const out: { import_key: string; id: string; household_id: string | null }[] = [];
      const before = await db
        .selectFrom('people_imports')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('source', '=', source)
        .where('status', '=', 'imported')
        .limit(1)
        .executeTakeFirst();
      if (!before) return out;
      for (let i = 0; i < keys.length; i += 20_000) {
        const rows = await db
          .selectFrom('persons')
          .select(['import_key', 'id', 'household_id'])
          .where('tenant_id', '=', tenantId)
          .where(sql<boolean>`import_key = any(${sql.val(keys.slice(i, i + 20_000))}::text[])`)
          .execute();
        for (const r of rows) out.push({ import_key: r.import_key!, id: r.id, household_id: r.household_id });
      }
      return out;
    },

    /** The database's own digest of the stored file, to notice a change without reading it. */
    async contentDigest(tenantId: string, id: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('people_imports')
        .select(sql<string>`encode(sha256(content), 'hex')`.as('digest'))
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.digest;
    },

    /** Replaces the stage of an import: its pins, then its parts, a few to a statement. */
    async saveStage(header: Insertable<PeopleImportStagesTable>, parts: string[]) {
      await db
        .deleteFrom('people_import_stages')
        .where('tenant_id', '=', header.tenant_id)
        .where('import_id', '=', header.import_id)
        .execute();
      const saved = await db
        .insertInto('people_import_stages')
        .values(header)
        .returning('created_at')
        .executeTakeFirstOrThrow();
      for (let i = 0; i < parts.length; i += STAGE_PARTS_PER_INSERT) {
        await db
          .insertInto('people_import_stage_parts')
          .values(
            parts.slice(i, i + STAGE_PARTS_PER_INSERT).map((data, k) => ({
              tenant_id: header.tenant_id,
              import_id: header.import_id,
              part: i + k,
              data,
            })),
          )
          .execute();
      }
      // Tells this stage from another of the same import made later with the same pins.
      return { createdAt: new Date(saved.created_at).getTime() };
    },

    findStage(tenantId: string, importId: string) {
      return db
        .selectFrom('people_import_stages')
        .select([
          'format_version',
          'file_sha256',
          'content_digest',
          'mapping_hash',
          'key_check',
          'rows',
          'invalid_rows',
          'parts',
          'created_at',
        ])
        .where('tenant_id', '=', tenantId)
        .where('import_id', '=', importId)
        .executeTakeFirst();
    },

    async findStageParts(tenantId: string, importId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('people_import_stage_parts')
        .select(['part', 'data'])
        .where('tenant_id', '=', tenantId)
        .where('import_id', '=', importId)
        .orderBy('part')
        .execute();
      return rows.map((r) => r.data);
    },

    async deleteStage(tenantId: string, importId: string) {
      await db
        .deleteFrom('people_import_stages')
        .where('tenant_id', '=', tenantId)
        .where('import_id', '=', importId)
        .execute();
    },
  };
}

export type PeopleImportRepository = ReturnType<typeof createPeopleImportRepository>;
