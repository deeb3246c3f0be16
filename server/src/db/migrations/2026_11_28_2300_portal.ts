import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// The public portal: the pages communications officers write (a draft and the published version),
// stories with their photos (resized copies; originals, with their metadata, never kept) and the
// registered people a story features, whose consent it depends on.

const PROGRAMMES = sql.raw(
  ['protection', 'livelihoods', 'youth', 'counter_trafficking', 'community'].map((v) => `'${v}'`).join(', '),
);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_pages')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    // {title: {uk, en}, description: {uk, en}, body: {uk, en}} — body is Markdown
    .addColumn('draft', 'jsonb', (c) => c.notNull())
    .addColumn('published', 'jsonb')
    .addColumn('published_at', 'timestamptz')
    .addColumn('published_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid')
    .addPrimaryKeyConstraint('portal_pages_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('portal_pages_key_uq', ['tenant_id', 'key'])
    .addCheckConstraint(
      'portal_pages_key_ck',
      sql`key in ('home', 'about', 'our_work', 'where_we_work', 'data', 'take_action', 'agenda_2030')`,
    )
    .execute();

  await db.schema
    .createTable('portal_stories')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'review', 'scheduled', 'published', 'unpublished')`),
    )
    // {uk, en}; body is Markdown
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('place_pcode', 'text', (c) => c.references('admin_units.pcode'))
    .addColumn('programme', 'text', (c) => c.notNull().check(sql`programme in (${PROGRAMMES})`))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    // When a scheduled story goes public; read-time check, so no job is needed to publish it.
    .addColumn('publish_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addColumn('published_by', 'uuid')
    .addColumn('unpublished_reason', 'text')
    .addColumn('review_note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid')
    .addPrimaryKeyConstraint('portal_stories_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('portal_stories_slug_uq', ['tenant_id', 'slug'])
    .addCheckConstraint('portal_stories_schedule_ck', sql`status <> 'scheduled' or publish_at is not null`)
    .execute();
  await db.schema
    .createIndex('portal_stories_public_idx')
    .on('portal_stories')
    .columns(['tenant_id', 'status', 'publish_at'])
    .execute();

  await db.schema
    .createTable('portal_story_people')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('story_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_story_people_pk', ['tenant_id', 'story_id', 'person_id'])
    .addForeignKeyConstraint(
      'portal_story_people_story_fk',
      ['tenant_id', 'story_id'],
      'portal_stories',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('portal_story_people_person_fk', ['tenant_id', 'person_id'], 'persons', [
      'tenant_id',
      'id',
    ])
    .execute();
  // Consent withdrawal looks up the stories of one person.
  await db.schema
    .createIndex('portal_story_people_person_idx')
    .on('portal_story_people')
    .columns(['tenant_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('portal_story_photos')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('story_id', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    // {uk, en}
    .addColumn('alt', 'jsonb', (c) => c.notNull())
    // The published versions only (JPEG, no metadata); the uploaded original is never stored.
    .addColumn('large', 'bytea', (c) => c.notNull())
    .addColumn('thumb', 'bytea', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('thumb_width', 'integer', (c) => c.notNull())
    .addColumn('thumb_height', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addPrimaryKeyConstraint('portal_story_photos_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'portal_story_photos_story_fk',
      ['tenant_id', 'story_id'],
      'portal_stories',
      ['tenant_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('portal_story_photos_story_idx')
    .on('portal_story_photos')
    .columns(['tenant_id', 'story_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_story_photos').execute();
  await db.schema.dropTable('portal_story_people').execute();
  await db.schema.dropTable('portal_stories').execute();
  await db.schema.dropTable('portal_pages').execute();
}
