import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // The notification outbox: every message the system owes someone, written in the same
  // transaction as the decision it reports, sent later (by email when SMTP is configured) and
  // always visible to staff. The address is encrypted; only a masked form is shown.
  await db.schema
    .createTable('notifications')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('recipient_kind', 'text', (c) => c.notNull().check(sql`recipient_kind in ('email', 'none')`))
    .addColumn('recipient_encrypted', 'text')
    .addColumn('recipient_masked', 'text')
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('uk', 'en')`))
    .addColumn('template_key', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'uuid', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'sent', 'failed')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('job_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('notifications_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('notifications_job_fk', ['tenant_id', 'job_id'], 'jobs', ['tenant_id', 'id'])
    .addCheckConstraint(
      'notifications_recipient_ck',
      sql`(recipient_kind = 'none') = (recipient_encrypted is null)`,
    )
    .execute();
  await db.schema
    .createIndex('notifications_entity_idx')
    .on('notifications')
    .columns(['tenant_id', 'entity_type', 'entity_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('notifications_created_idx')
    .on('notifications')
    .columns(['tenant_id', 'created_at'])
    .execute();
  await sql`create index notifications_queued_idx on notifications (tenant_id, created_at) where status = 'queued'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').ifExists().execute();
}
