import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// Feedback and complaints: items from the public form or recorded by staff (contact encrypted,
// reference code + keyed hash of the secret), staff responses (public or internal notes), and the
// staff designated to see sensitive reports (fraud, abuse, exploitation).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feedback_items')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('reference_code', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('question', 'request', 'complaint', 'sensitive')`),
    )
    .addColumn('channel', 'text', (c) =>
      c.notNull().check(sql`channel in ('web', 'hotline', 'in_person', 'email', 'letter', 'other')`),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('new').check(sql`status in ('new', 'in_progress', 'answered', 'closed')`),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'boolean', (c) => c.notNull())
    .addColumn('contact_enc', 'text')
    .addColumn('place_pcode', 'text', (c) => c.references('admin_units.pcode'))
    .addColumn('programme', 'text')
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('uk', 'en')`))
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalation_reason', 'text')
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    .addColumn('assignee_id', 'uuid')
    .addColumn('resolution', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('feedback_items_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('feedback_items_reference_uq', ['tenant_id', 'reference_code'])
    .addForeignKeyConstraint('feedback_items_assignee_fk', ['tenant_id', 'assignee_id'], 'users', [
      'tenant_id',
      'id',
    ])
    .addCheckConstraint('feedback_items_anonymous_ck', sql`not anonymous or contact_enc is null`)
    .addCheckConstraint('feedback_items_closed_ck', sql`(status = 'closed') = (closed_at is not null)`)
    .execute();
  await db.schema
    .createIndex('feedback_items_queue_idx')
    .on('feedback_items')
    .columns(['tenant_id', 'category', 'status', 'due_at'])
    .execute();

  await db.schema
    .createTable('feedback_responses')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('item_id', 'uuid', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().check(sql`visibility in ('public', 'internal')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('feedback_responses_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('feedback_responses_item_fk', ['tenant_id', 'item_id'], 'feedback_items', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('feedback_responses_author_fk', ['tenant_id', 'created_by'], 'users', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('feedback_responses_item_idx')
    .on('feedback_responses')
    .columns(['tenant_id', 'item_id', 'created_at'])
    .execute();

  // The sensitive designation: granted to specific users by an admin, on top of their role.
  await db.schema
    .createTable('feedback_sensitive_handlers')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('granted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('granted_by', 'uuid')
    .addPrimaryKeyConstraint('feedback_sensitive_handlers_pk', ['tenant_id', 'user_id'])
    .addForeignKeyConstraint('feedback_sensitive_handlers_user_fk', ['tenant_id', 'user_id'], 'users', [
      'tenant_id',
      'id',
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feedback_sensitive_handlers').execute();
  await db.schema.dropTable('feedback_responses').execute();
  await db.schema.dropTable('feedback_items').execute();
}
