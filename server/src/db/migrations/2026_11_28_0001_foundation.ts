import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await db.schema
    .createTable('tenants')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_uk', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('organisations')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('mission', 'partner_ngo', 'donor', 'government', 'other')`),
    )
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_uk', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('organisations_pk', ['tenant_id', 'id'])
    .execute();
  await sql`create unique index organisations_name_en_uq on organisations (tenant_id, lower(name_en))`.execute(
    db,
  );

  // Reference table (replicated under Citus): no tenant.
  await db.schema
    .createTable('admin_units')
    .addColumn('pcode', 'text', (c) => c.primaryKey())
    .addColumn('level', 'smallint', (c) => c.notNull().check(sql`level between 1 and 4`))
    .addColumn('parent_pcode', 'text', (c) => c.references('admin_units.pcode'))
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_uk', 'text', (c) => c.notNull())
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .execute();
  await db.schema
    .createIndex('admin_units_parent_idx')
    .on('admin_units')
    .columns(['parent_pcode', 'pcode'])
    .execute();
  await db.schema
    .createIndex('admin_units_level_idx')
    .on('admin_units')
    .columns(['level', 'pcode'])
    .execute();
  await sql`create index admin_units_search_idx on admin_units using gin ((lower(name_en || ' ' || name_uk)) gin_trgm_ops)`.execute(
    db,
  );

  await db.schema
    .createTable('jobs')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
    )
    .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', 'integer')
    .addColumn('message', 'text')
    .addColumn('error', 'text')
    .addColumn('result', 'jsonb')
    .addColumn('checkpoint', 'jsonb')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('run_after', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('locked_by', 'text')
    .addColumn('heartbeat_at', 'timestamptz')
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('jobs_pk', ['tenant_id', 'id'])
    .execute();
  await sql`create index jobs_claim_idx on jobs (run_after) where status = 'queued'`.execute(db);
  await db.schema
    .createIndex('jobs_list_idx')
    .on('jobs')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['jobs', 'admin_units', 'organisations', 'tenants']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
