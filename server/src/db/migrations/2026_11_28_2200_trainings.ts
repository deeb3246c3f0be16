import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// Trainings: events with their sessions and facilitators, public applications (each tied to a
// person in the registry), attendance per session, knowledge tests and the answers scored against
// their key, certificates with a public verification code, alumni's links to grant applications,
// and the awareness sessions alumni (or staff) run, whose audiences are aggregate counts only.

const TOPICS = sql.raw(
  [
    'counter_trafficking',
    'safe_migration',
    'gbv_prevention',
    'digital_safety',
    'psychosocial_support',
    'social_cohesion',
    'livelihoods',
    'youth_leadership',
  ]
    .map((v) => `'${v}'`)
    .join(', '),
);
const GROUPS = sql.raw(`'idp', 'returnee', 'host_community', 'refugee_migrant'`);

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_events')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'open', 'closed', 'cancelled')`),
    )
    // {uk, en}
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('description', 'jsonb', (c) => c.notNull())
    .addColumn('topics', sql`text[]`, (c) => c.notNull())
    .addColumn('project_code', 'text', (c) => c.notNull())
    .addColumn('place_pcode', 'text', (c) => c.notNull().references('admin_units.pcode'))
    .addColumn('venue', 'text')
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity between 1 and 1000`))
    .addColumn('target_groups', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('age_min', 'integer')
    .addColumn('age_max', 'integer')
    // [{code, label, populationGroups, percent}] (see the trainings contract)
    .addColumn('quotas', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('fill_unused_quotas', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('completion_min_percent', 'integer', (c) =>
      c.notNull().defaultTo(80).check(sql`completion_min_percent between 1 and 100`),
    )
    .addColumn('form_id', 'uuid')
    .addColumn('form_version', 'integer')
    .addColumn('enrolment_closes_on', 'date')
    // The organiser: applicants who are new to the registry are registered in its name.
    .addColumn('organisation_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid')
    .addPrimaryKeyConstraint('training_events_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('training_events_org_fk', ['tenant_id', 'organisation_id'], 'organisations', [
      'tenant_id',
      'id',
    ])
    .addCheckConstraint('training_events_dates_ck', sql`ends_on >= starts_on`)
    .addCheckConstraint('training_events_topics_ck', sql`topics <@ array[${TOPICS}]::text[]`)
    .addCheckConstraint('training_events_groups_ck', sql`target_groups <@ array[${GROUPS}]::text[]`)
    .addCheckConstraint('training_events_form_ck', sql`(form_id is null) = (form_version is null)`)
    .addCheckConstraint(
      'training_events_ages_ck',
      sql`age_min is null or age_max is null or age_min <= age_max`,
    )
    .execute();
  await db.schema
    .createIndex('training_events_project_idx')
    .on('training_events')
    .columns(['tenant_id', 'project_code'])
    .execute();
  await db.schema
    .createIndex('training_events_starts_idx')
    .on('training_events')
    .columns(['tenant_id', 'starts_on', 'id'])
    .execute();

  await db.schema
    .createTable('training_sessions')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('title', 'jsonb')
    .addColumn('minutes', 'integer', (c) => c.notNull().check(sql`minutes between 15 and 720`))
    .addPrimaryKeyConstraint('training_sessions_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('training_sessions_event_fk', ['tenant_id', 'event_id'], 'training_events', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('training_sessions_event_idx')
    .on('training_sessions')
    .columns(['tenant_id', 'event_id', 'seq'])
    .execute();

  await db.schema
    .createTable('training_facilitators')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('user_id', 'uuid')
    // A staff user's display name when added, or an outside facilitator's name as written.
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_facilitators_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('training_facilitators_event_fk', ['tenant_id', 'event_id'], 'training_events', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('training_facilitators_user_fk', ['tenant_id', 'user_id'], 'users', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('training_facilitators_event_idx')
    .on('training_facilitators')
    .columns(['tenant_id', 'event_id'])
    .execute();
  await sql`create index training_facilitators_user_idx on training_facilitators (tenant_id, user_id) where user_id is not null`.execute(
    db,
  );

  // An application from the public form. The person is in the registry; here are only what
  // selection and reporting need (sex, age band, group, place, as given) and, encrypted, the
  // answers and the contact address for confirmations.
  await db.schema
    .createTable('training_applications')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('reference_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('applied')
        .check(sql`status in ('applied', 'selected', 'waitlisted', 'not_selected', 'declined', 'withdrawn')`),
    )
    // Why: {kind: quota|open|unused_quota|waitlist|not_eligible, ...}
    .addColumn('basis', 'jsonb')
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('uk', 'en')`))
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('F', 'M', 'other', 'unknown')`))
    .addColumn('age_band', 'text', (c) => c.check(sql`age_band in ('0-17', '18-59', '60+')`))
    .addColumn('age', 'integer')
    .addColumn('population_group', 'text', (c) => c.check(sql`population_group in (${GROUPS})`))
    .addColumn('place_pcode', 'text', (c) => c.references('admin_units.pcode'))
    .addColumn('answers_encrypted', 'text', (c) => c.notNull())
    .addColumn('contact_encrypted', 'text')
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('declined_reason', 'text')
    // The assistance-ledger rows this participation wrote (through the people service).
    .addColumn('ledger_participation_id', 'uuid')
    .addColumn('ledger_completion_id', 'uuid')
    // The alumnus's own link for reporting awareness sessions: a keyed hash to find it, the
    // token encrypted so staff can show it again.
    .addColumn('reporter_token_hash', 'text')
    .addColumn('reporter_token_encrypted', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid')
    .addPrimaryKeyConstraint('training_applications_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('training_applications_event_fk', ['tenant_id', 'event_id'], 'training_events', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('training_applications_person_fk', ['tenant_id', 'person_id'], 'persons', [
      'tenant_id',
      'id',
    ])
    .addUniqueConstraint('training_applications_person_uq', ['tenant_id', 'event_id', 'person_id'])
    .addCheckConstraint(
      'training_applications_token_ck',
      sql`(reporter_token_hash is null) = (reporter_token_encrypted is null)`,
    )
    .execute();
  await sql`create unique index training_applications_reference_uq on training_applications (tenant_id, reference_code)`.execute(
    db,
  );
  await sql`create unique index training_applications_token_uq on training_applications (tenant_id, reporter_token_hash) where reporter_token_hash is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('training_applications_event_idx')
    .on('training_applications')
    .columns(['tenant_id', 'event_id', 'status'])
    .execute();

  await db.schema
    .createTable('training_attendance')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('session_id', 'uuid', (c) => c.notNull())
    .addColumn('application_id', 'uuid', (c) => c.notNull())
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('present', 'boolean', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('recorded_by', 'uuid')
    .addPrimaryKeyConstraint('training_attendance_pk', ['tenant_id', 'session_id', 'application_id'])
    .addForeignKeyConstraint(
      'training_attendance_session_fk',
      ['tenant_id', 'session_id'],
      'training_sessions',
      ['tenant_id', 'id'],
    )
    .addForeignKeyConstraint(
      'training_attendance_application_fk',
      ['tenant_id', 'application_id'],
      'training_applications',
      ['tenant_id', 'id'],
    )
    .addForeignKeyConstraint('training_attendance_event_fk', ['tenant_id', 'event_id'], 'training_events', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('training_attendance_event_idx')
    .on('training_attendance')
    .columns(['tenant_id', 'event_id', 'application_id'])
    .execute();

  await db.schema
    .createTable('training_tests')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('pre', 'post')`))
    // [{id, text, choices, correct, points}]: the questions with their answer key.
    .addColumn('questions', 'jsonb', (c) => c.notNull())
    .addColumn('max_score', 'integer', (c) => c.notNull().check(sql`max_score > 0`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid')
    .addPrimaryKeyConstraint('training_tests_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('training_tests_event_fk', ['tenant_id', 'event_id'], 'training_events', [
      'tenant_id',
      'id',
    ])
    .addUniqueConstraint('training_tests_kind_uq', ['tenant_id', 'event_id', 'kind'])
    .execute();

  await db.schema
    .createTable('training_test_answers')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('test_id', 'uuid', (c) => c.notNull())
    .addColumn('application_id', 'uuid', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('max_score', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('recorded_by', 'uuid')
    .addPrimaryKeyConstraint('training_test_answers_pk', ['tenant_id', 'test_id', 'application_id'])
    .addForeignKeyConstraint('training_test_answers_test_fk', ['tenant_id', 'test_id'], 'training_tests', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'training_test_answers_application_fk',
      ['tenant_id', 'application_id'],
      'training_applications',
      ['tenant_id', 'id'],
    )
    .addCheckConstraint('training_test_answers_score_ck', sql`score between 0 and max_score`)
    .execute();

  await db.schema
    .createTable('training_certificates')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('application_id', 'uuid', (c) => c.notNull())
    // 10 characters of Crockford base32 (50 random bits), stored without dashes, upper case.
    .addColumn('code', 'text', (c) => c.notNull().check(sql`code ~ '^[0-9A-HJKMNP-TV-Z]{10}$'`))
    // The name as written when the certificate was issued.
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('issued_by', 'uuid')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid')
    .addColumn('revoke_reason', 'text')
    .addPrimaryKeyConstraint('training_certificates_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('training_certificates_event_fk', ['tenant_id', 'event_id'], 'training_events', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'training_certificates_application_fk',
      ['tenant_id', 'application_id'],
      'training_applications',
      ['tenant_id', 'id'],
    )
    .addUniqueConstraint('training_certificates_application_uq', ['tenant_id', 'application_id'])
    .addUniqueConstraint('training_certificates_code_uq', ['tenant_id', 'code'])
    .addCheckConstraint(
      'training_certificates_revoke_ck',
      sql`(revoked_at is null) = (revoke_reason is null)`,
    )
    .execute();

  // A youth initiative grant application an alumnus submitted: the id the grants service gives.
  await db.schema
    .createTable('training_alumni_grants')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('application_id', 'uuid', (c) => c.notNull())
    .addColumn('grant_application_id', 'uuid', (c) => c.notNull())
    .addColumn('linked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('linked_by', 'uuid')
    .addPrimaryKeyConstraint('training_alumni_grants_pk', [
      'tenant_id',
      'application_id',
      'grant_application_id',
    ])
    .addForeignKeyConstraint(
      'training_alumni_grants_application_fk',
      ['tenant_id', 'application_id'],
      'training_applications',
      ['tenant_id', 'id'],
    )
    .execute();

  // Audiences are counted, never named: six cells (sex × age band) that add up to the total.
  await db.schema
    .createTable('awareness_sessions')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull().check(sql`topic in (${TOPICS})`))
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('place_pcode', 'text', (c) => c.notNull().references('admin_units.pcode'))
    .addColumn('f_0_17', 'integer', (c) => c.notNull().check(sql`f_0_17 >= 0`))
    .addColumn('f_18_59', 'integer', (c) => c.notNull().check(sql`f_18_59 >= 0`))
    .addColumn('f_60_plus', 'integer', (c) => c.notNull().check(sql`f_60_plus >= 0`))
    .addColumn('m_0_17', 'integer', (c) => c.notNull().check(sql`m_0_17 >= 0`))
    .addColumn('m_18_59', 'integer', (c) => c.notNull().check(sql`m_18_59 >= 0`))
    .addColumn('m_60_plus', 'integer', (c) => c.notNull().check(sql`m_60_plus >= 0`))
    .addColumn('total', 'integer', (c) => c.notNull().check(sql`total > 0`))
    .addColumn('materials', 'text')
    .addColumn('photo_file_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    // Run by a staff user, or by an alumnus (their participation in a training).
    .addColumn('facilitator_user_id', 'uuid')
    .addColumn('facilitator_name', 'text')
    .addColumn('alumnus_application_id', 'uuid')
    .addColumn('event_id', 'uuid')
    .addColumn('project_code', 'text')
    .addColumn('recorded_via', 'text', (c) =>
      c.notNull().check(sql`recorded_via in ('staff', 'reporting_link')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('awareness_sessions_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'awareness_sessions_alumnus_fk',
      ['tenant_id', 'alumnus_application_id'],
      'training_applications',
      ['tenant_id', 'id'],
    )
    .addForeignKeyConstraint('awareness_sessions_event_fk', ['tenant_id', 'event_id'], 'training_events', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('awareness_sessions_user_fk', ['tenant_id', 'facilitator_user_id'], 'users', [
      'tenant_id',
      'id',
    ])
    .addCheckConstraint(
      'awareness_sessions_total_ck',
      sql`total = f_0_17 + f_18_59 + f_60_plus + m_0_17 + m_18_59 + m_60_plus`,
    )
    .addCheckConstraint(
      'awareness_sessions_facilitator_ck',
      sql`(alumnus_application_id is null) = (event_id is null) and (alumnus_application_id is not null or facilitator_name is not null)`,
    )
    .execute();
  await sql`create index awareness_sessions_event_idx on awareness_sessions (tenant_id, event_id) where event_id is not null`.execute(
    db,
  );
  await sql`create index awareness_sessions_alumnus_idx on awareness_sessions (tenant_id, alumnus_application_id) where alumnus_application_id is not null`.execute(
    db,
  );
  await db.schema
    .createIndex('awareness_sessions_date_idx')
    .on('awareness_sessions')
    .columns(['tenant_id', 'date', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'awareness_sessions',
    'training_alumni_grants',
    'training_certificates',
    'training_test_answers',
    'training_tests',
    'training_attendance',
    'training_applications',
    'training_facilitators',
    'training_sessions',
    'training_events',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
