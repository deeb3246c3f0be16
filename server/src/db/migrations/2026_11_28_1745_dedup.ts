import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // A merged record stays, pointing at the one it was merged into, so a merge can be undone and
  // nothing it carried (identifiers, consent, assistance) is lost.
  await db.schema
    .alterTable('persons')
    .addColumn('merged_into', 'uuid')
    .addColumn('merged_at', 'timestamptz')
    .execute();
  await sql`create index persons_merged_idx on persons (tenant_id, merged_into) where merged_into is not null`.execute(
    db,
  );

  await db.schema
    .createTable('dedup_pairs')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('job_id', 'uuid')
    .addColumn('person_a', 'uuid', (c) => c.notNull())
    .addColumn('person_b', 'uuid', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('probability', 'double precision', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('link', 'review')`))
    .addColumn('reason', 'text')
    .addColumn('explanation', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'merged', 'not_same', 'skipped', 'undone')`),
    )
    .addColumn('decided_by', 'uuid')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('dedup_pairs_pk', ['tenant_id', 'id'])
    .addCheckConstraint('dedup_pairs_order_ck', sql`person_a < person_b`)
    .execute();
  await sql`create unique index dedup_pairs_open_uq on dedup_pairs (tenant_id, person_a, person_b) where status = 'pending'`.execute(
    db,
  );
  await db.schema
    .createIndex('dedup_pairs_queue_idx')
    .on('dedup_pairs')
    .columns(['tenant_id', 'status', 'weight'])
    .execute();

  // "Not the same person": remembered, so no later run proposes the pair again.
  await db.schema
    .createTable('dedup_distinct_pairs')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('person_a', 'uuid', (c) => c.notNull())
    .addColumn('person_b', 'uuid', (c) => c.notNull())
    .addColumn('decided_by', 'uuid')
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('dedup_distinct_pairs_pk', ['tenant_id', 'person_a', 'person_b'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('dedup_distinct_pairs').ifExists().execute();
  await db.schema.dropTable('dedup_pairs').ifExists().execute();
  await db.schema.alterTable('persons').dropColumn('merged_at').dropColumn('merged_into').execute();
}
