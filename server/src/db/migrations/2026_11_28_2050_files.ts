import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // Uploaded files: the bytes live on disk under DATA_DIR/files/<tenant>/<id>, outside the web root;
  // this row says what they are and who they belong to.
  await db.schema
    .createTable('files')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('size_bytes', 'bigint', (c) => c.notNull().check(sql`size_bytes > 0`))
    .addColumn('media_type', 'text', (c) =>
      c.notNull().check(sql`media_type in ('application/pdf', 'image/jpeg', 'image/png')`),
    )
    .addColumn('original_name', 'text', (c) => c.notNull())
    // What the file belongs to (e.g. 'grant_application' + its id); a staff upload not yet
    // attached to anything has kind 'staff_upload' and no owner id.
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'uuid')
    .addColumn('uploaded_by_org', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('deleted_at', 'timestamptz')
    .addPrimaryKeyConstraint('files_pk', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('files_owner_idx')
    .on('files')
    .columns(['tenant_id', 'owner_kind', 'owner_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('files').ifExists().execute();
}
