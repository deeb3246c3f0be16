import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // One uploaded file of people, kept until it is imported (or abandoned), with its report.
  await db.schema
    .createTable('people_imports')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('csv', 'xlsx')`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('columns', 'jsonb', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'validated', 'importing', 'imported', 'failed')`),
    )
    .addColumn('mapping', 'jsonb')
    .addColumn('report', 'jsonb')
    .addColumn('skip_invalid_rows', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('counts', 'jsonb')
    .addColumn('job_id', 'uuid')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('people_imports_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('people_imports_job_fk', ['tenant_id', 'job_id'], 'jobs', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('people_imports_created_idx')
    .on('people_imports')
    .columns(['tenant_id', 'created_at'])
    .execute();

  // The column mapping last used for a source (a Kobo form, a partner's spreadsheet), reused next time.
  await db.schema
    .createTable('import_mappings')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('mapping', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid')
    .addPrimaryKeyConstraint('import_mappings_pk', ['tenant_id', 'source'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_mappings').ifExists().execute();
  await db.schema.dropTable('people_imports').ifExists().execute();
}
