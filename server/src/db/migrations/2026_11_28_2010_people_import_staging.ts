import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// What a dry run of a people import checked and prepared (names normalised, phones in E.164,
// identifiers encrypted with their keyed hashes), kept so that the import job writes it without
// checking every row again. Derived data, pinned to the file and mapping it came from; it goes
// when the import is written (or the import is deleted).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('people_import_stages')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('import_id', 'uuid', (c) => c.notNull())
    // The layout of the staged rows; a server that writes another layout checks the file again.
    .addColumn('format_version', 'integer', (c) => c.notNull())
    // The file (its SHA-256 as uploaded, and the digest of the bytes stored) and the mapping it
    // was checked with, and which secret key encrypted it: any change makes the stage stale.
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('content_digest', 'text', (c) => c.notNull())
    .addColumn('mapping_hash', 'text', (c) => c.notNull())
    .addColumn('key_check', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull())
    // The file's rows that are not valid (skipped if the user chooses so), by row number.
    .addColumn('invalid_rows', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'`))
    .addColumn('parts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addPrimaryKeyConstraint('people_import_stages_pk', ['tenant_id', 'import_id'])
    .addForeignKeyConstraint(
      'people_import_stages_import_fk',
      ['tenant_id', 'import_id'],
      'people_imports',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  // The staged rows in parts of a few thousand, as text (see people-import.stage.ts).
  await db.schema
    .createTable('people_import_stage_parts')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('import_id', 'uuid', (c) => c.notNull())
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('people_import_stage_parts_pk', ['tenant_id', 'import_id', 'part'])
    .addForeignKeyConstraint(
      'people_import_stage_parts_stage_fk',
      ['tenant_id', 'import_id'],
      'people_import_stages',
      ['tenant_id', 'import_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  // Mostly keyed hashes and ciphertexts, which do not compress: stored as they are, not compressed
  // on the way in for nothing.
  await sql`alter table people_import_stage_parts alter column data set storage external`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('people_import_stage_parts').ifExists().execute();
  await db.schema.dropTable('people_import_stages').ifExists().execute();
}
