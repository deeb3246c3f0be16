import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // Form definitions (grant applications, training enrolment, feedback), as immutable versions:
  // editing a form adds version n + 1, so a published call that pinned version n keeps it exactly.
  await db.schema
    .createTable('form_definitions')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('title_uk', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    /** Where the version came from: written as JSON, or imported from an XLSForm (its file name). */
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('json', 'xlsform')`))
    .addColumn('source_name', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addPrimaryKeyConstraint('form_definitions_pk', ['tenant_id', 'id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('form_definitions').ifExists().execute();
}
