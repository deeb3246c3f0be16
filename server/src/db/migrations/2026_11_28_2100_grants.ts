import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// Application states. This migration knows the intake and screening states; review, committee and
// award states are listed too so later modules need no new constraint for them. A later migration
// that needs another state drops and re-creates `grant_applications_status_ck`.
//   draft → submitted → screened_eligible | screened_ineligible
//   → in_review → reviewed → approved | waiting_list | rejected → awarded → closed; withdrawn any time.
export const APPLICATION_STATES = [
  'draft',
  'submitted',
  'screened_eligible',
  'screened_ineligible',
  'in_review',
  'reviewed',
  'approved',
  'waiting_list',
  'rejected',
  'awarded',
  'closed',
  'withdrawn',
] as const;

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('grant_calls')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('business', 'youth', 'community')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft', 'open', 'closed')`),
    )
    // {uk, en}
    .addColumn('title', 'jsonb', (c) => c.notNull())
    .addColumn('description', 'jsonb', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`currency ~ '^[A-Z]{3}$'`))
    .addColumn('budget_minor', 'bigint', (c) => c.notNull().check(sql`budget_minor > 0`))
    .addColumn('max_per_grant_minor', 'bigint', (c) => c.notNull().check(sql`max_per_grant_minor > 0`))
    .addColumn('opens_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closes_at', 'timestamptz', (c) => c.notNull())
    // Declared as data (see packages/contracts grants.contract.ts): rules, documents, rubric.
    .addColumn('eligibility_rules', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('required_documents', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('scoring_rubric', 'jsonb', (c) => c.notNull().defaultTo(sql`'{"criteria":[]}'::jsonb`))
    .addColumn('form_id', 'uuid')
    .addColumn('form_version', 'integer')
    .addColumn('reviewers_per_application', 'integer', (c) =>
      c.notNull().defaultTo(2).check(sql`reviewers_per_application between 1 and 10`),
    )
    .addColumn('project_id', 'uuid')
    .addColumn('opened_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid')
    .addPrimaryKeyConstraint('grant_calls_pk', ['tenant_id', 'id'])
    .addCheckConstraint('grant_calls_max_ck', sql`max_per_grant_minor <= budget_minor`)
    .addCheckConstraint('grant_calls_dates_ck', sql`closes_at > opens_at`)
    .addCheckConstraint('grant_calls_form_ck', sql`(form_id is null) = (form_version is null)`)
    .execute();
  await db.schema
    .createIndex('grant_calls_status_idx')
    .on('grant_calls')
    .columns(['tenant_id', 'status'])
    .execute();

  await db.schema
    .createTable('grant_applications')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('call_id', 'uuid', (c) => c.notNull())
    // Short and easy to read aloud (e.g. GR-7K3M-9QXP); the secret is kept only as a keyed hash.
    .addColumn('reference_code', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('uk', 'en')`))
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // Name, contact and business name: personal data, encrypted (AES-256-GCM) as one JSON value.
    .addColumn('applicant_encrypted', 'text')
    // ЄДРПОУ (legal entity) or РНОКПП (sole trader): keyed hash for "one per business per call".
    .addColumn('business_id_kind', 'text', (c) => c.check(sql`business_id_kind in ('edrpou', 'rnokpp')`))
    .addColumn('business_id_hash', 'text')
    .addColumn('business_id_masked', 'text')
    .addColumn('oblast_pcode', 'text', (c) => c.references('admin_units.pcode'))
    .addColumn('groups', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('requested_minor', 'bigint', (c) => c.check(sql`requested_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`currency ~ '^[A-Z]{3}$'`))
    .addColumn('person_id', 'uuid')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid')
    .addPrimaryKeyConstraint('grant_applications_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('grant_applications_call_fk', ['tenant_id', 'call_id'], 'grant_calls', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('grant_applications_person_fk', ['tenant_id', 'person_id'], 'persons', [
      'tenant_id',
      'id',
    ])
    .addCheckConstraint('grant_applications_status_ck', sql`status in (${list(APPLICATION_STATES)})`)
    .addCheckConstraint(
      'grant_applications_groups_ck',
      sql`groups <@ array['idp', 'host', 'women_led', 'youth', 'veteran']::text[]`,
    )
    .addCheckConstraint(
      'grant_applications_business_ck',
      sql`(business_id_hash is null) = (business_id_kind is null)`,
    )
    .addCheckConstraint(
      'grant_applications_submitted_ck',
      sql`status = 'draft' or status = 'withdrawn' or submitted_at is not null`,
    )
    .execute();
  await sql`create unique index grant_applications_reference_uq on grant_applications (tenant_id, reference_code)`.execute(
    db,
  );
  // One application per business per call, whatever the service checks first.
  await sql`create unique index grant_applications_business_uq on grant_applications (tenant_id, call_id, business_id_hash)
    where business_id_hash is not null and status not in ('draft', 'withdrawn')`.execute(db);
  await db.schema
    .createIndex('grant_applications_call_idx')
    .on('grant_applications')
    .columns(['tenant_id', 'call_id', 'status'])
    .execute();
  await sql`create index grant_applications_person_idx on grant_applications (tenant_id, person_id) where person_id is not null`.execute(
    db,
  );

  await db.schema
    .createTable('grant_application_documents')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('application_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('grant_application_documents_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'grant_application_documents_application_fk',
      ['tenant_id', 'application_id'],
      'grant_applications',
      ['tenant_id', 'id'],
    )
    .addForeignKeyConstraint('grant_application_documents_file_fk', ['tenant_id', 'file_id'], 'files', [
      'tenant_id',
      'id',
    ])
    .addUniqueConstraint('grant_application_documents_file_uq', ['tenant_id', 'file_id'])
    .execute();
  await db.schema
    .createIndex('grant_application_documents_app_idx')
    .on('grant_application_documents')
    .columns(['tenant_id', 'application_id'])
    .execute();

  // The latest screening of an application: the automatic result per rule, what the registry
  // said, and a person's override with its reason.
  await db.schema
    .createTable('grant_screenings')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('application_id', 'uuid', (c) => c.notNull())
    .addColumn('automatic_result', 'text', (c) =>
      c.notNull().check(sql`automatic_result in ('eligible', 'ineligible', 'needs_review')`),
    )
    .addColumn('rule_results', 'jsonb', (c) => c.notNull())
    .addColumn('prior_assistance', 'jsonb', (c) => c.notNull())
    .addColumn('duplicates', 'jsonb', (c) => c.notNull())
    .addColumn('screened_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('screened_by', 'uuid')
    .addColumn('override_result', 'text', (c) => c.check(sql`override_result in ('eligible', 'ineligible')`))
    .addColumn('override_reason', 'text')
    .addColumn('overridden_by', 'uuid')
    .addColumn('overridden_at', 'timestamptz')
    .addPrimaryKeyConstraint('grant_screenings_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'grant_screenings_application_fk',
      ['tenant_id', 'application_id'],
      'grant_applications',
      ['tenant_id', 'id'],
    )
    .addUniqueConstraint('grant_screenings_application_uq', ['tenant_id', 'application_id'])
    .addCheckConstraint(
      'grant_screenings_override_ck',
      sql`(override_result is null) = (override_reason is null)`,
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['grant_screenings', 'grant_application_documents', 'grant_applications', 'grant_calls']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
