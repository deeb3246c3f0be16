import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  const audit = (t: any) =>
    t
      .addColumn('created_at', 'timestamptz', (c: any) => c.notNull().defaultTo(sql`now()`))
      .addColumn('created_by', 'uuid')
      .addColumn('updated_at', 'timestamptz', (c: any) => c.notNull().defaultTo(sql`now()`))
      .addColumn('updated_by', 'uuid');

  await audit(
    db.schema
      .createTable('households')
      .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
      .addColumn('id', 'uuid', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('address', 'text')
      .addColumn('current_pcode', 'text', (c) => c.references('admin_units.pcode'))
      .addColumn('head_person_id', 'uuid')
      .addColumn('registered_by_org', 'uuid', (c) => c.notNull()),
  )
    .addPrimaryKeyConstraint('households_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('households_org_fk', ['tenant_id', 'registered_by_org'], 'organisations', [
      'tenant_id',
      'id',
    ])
    .execute();

  await audit(
    db.schema
      .createTable('persons')
      .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
      .addColumn('id', 'uuid', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('family_name', 'text', (c) => c.notNull())
      .addColumn('given_name', 'text', (c) => c.notNull())
      .addColumn('patronymic', 'text')
      .addColumn('family_name_latin', 'text', (c) => c.notNull())
      .addColumn('given_name_latin', 'text', (c) => c.notNull())
      .addColumn('patronymic_latin', 'text')
      .addColumn('birth_date', 'date')
      .addColumn('birth_date_precision', 'text', (c) =>
        c.notNull().check(sql`birth_date_precision in ('day', 'month', 'year', 'estimated')`),
      )
      .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('F', 'M', 'other', 'unknown')`))
      .addColumn('phones', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('population_group', 'text', (c) =>
        c.check(sql`population_group in ('idp', 'returnee', 'host_community', 'refugee_migrant')`),
      )
      .addColumn('origin_pcode', 'text', (c) => c.references('admin_units.pcode'))
      .addColumn('current_pcode', 'text', (c) => c.references('admin_units.pcode'))
      .addColumn('displacement_date', 'date')
      .addColumn('washington_group', 'jsonb')
      .addColumn('disability', 'boolean')
      .addColumn('vulnerabilities', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('household_id', 'uuid')
      .addColumn('relationship_to_head', 'text')
      .addColumn('registered_by_org', 'uuid', (c) => c.notNull())
      // Phonetic keys of every name part (see packages/matching), for spelling-proof search.
      .addColumn('search_keys', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('import_key', 'text'),
  )
    .addPrimaryKeyConstraint('persons_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('persons_org_fk', ['tenant_id', 'registered_by_org'], 'organisations', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('persons_household_fk', ['tenant_id', 'household_id'], 'households', [
      'tenant_id',
      'id',
    ])
    .execute();
  await sql`create index persons_search_keys_idx on persons using gin (search_keys)`.execute(db);
  await sql`create index persons_search_text_idx on persons using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index persons_phones_idx on persons using gin (phones)`.execute(db);
  await db.schema
    .createIndex('persons_place_idx')
    .on('persons')
    .columns(['tenant_id', 'current_pcode'])
    .execute();
  await db.schema
    .createIndex('persons_household_idx')
    .on('persons')
    .columns(['tenant_id', 'household_id'])
    .execute();
  await sql`create unique index persons_import_key_uq on persons (tenant_id, import_key) where import_key is not null`.execute(
    db,
  );

  await db.schema
    .createTable('household_memberships')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('household_id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('valid_to', 'timestamptz')
    .addColumn('recorded_by', 'uuid')
    .addPrimaryKeyConstraint('household_memberships_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('hm_household_fk', ['tenant_id', 'household_id'], 'households', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('hm_person_fk', ['tenant_id', 'person_id'], 'persons', ['tenant_id', 'id'])
    .execute();
  await sql`create index hm_current_idx on household_memberships (tenant_id, household_id) where valid_to is null`.execute(
    db,
  );
  await sql`create unique index hm_one_current_uq on household_memberships (tenant_id, person_id) where valid_to is null`.execute(
    db,
  );

  await db.schema
    .createTable('person_identifiers')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('tax_number', 'passport', 'idp_certificate', 'birth_certificate')`),
    )
    .addColumn('value_encrypted', 'text', (c) => c.notNull())
    .addColumn('value_hash', 'text', (c) => c.notNull())
    .addColumn('masked', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addPrimaryKeyConstraint('person_identifiers_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('pi_person_fk', ['tenant_id', 'person_id'], 'persons', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('pi_hash_idx')
    .on('person_identifiers')
    .columns(['tenant_id', 'value_hash'])
    .execute();
  await db.schema
    .createIndex('pi_person_idx')
    .on('person_identifiers')
    .columns(['tenant_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('consents')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) =>
      c
        .notNull()
        .check(sql`purpose in ('assistance', 'referral', 'data_sharing', 'story_publication', 'follow_up')`),
    )
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('given', 'withdrawn')`))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('signed', 'verbal', 'digital')`))
    .addColumn('organisation_id', 'uuid')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'uuid')
    .addColumn('recorded_by_label', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addPrimaryKeyConstraint('consents_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('consents_person_fk', ['tenant_id', 'person_id'], 'persons', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('consents_person_idx')
    .on('consents')
    .columns(['tenant_id', 'person_id', 'purpose', 'recorded_at'])
    .execute();

  // The assistance ledger: one row per thing a person or household received.
  await db.schema
    .createTable('assistance')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('person_id', 'uuid')
    .addColumn('household_id', 'uuid')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('project_code', 'text')
    .addColumn('place_pcode', 'text', (c) => c.references('admin_units.pcode'))
    .addColumn('value_minor', 'bigint', (c) => c.check(sql`value_minor >= 0`))
    .addColumn('currency', 'text', (c) => c.check(sql`currency ~ '^[A-Z]{3}$'`))
    .addColumn('modality', 'text', (c) =>
      c.notNull().check(sql`modality in ('cash', 'voucher', 'in_kind', 'service')`),
    )
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addPrimaryKeyConstraint('assistance_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('assistance_person_fk', ['tenant_id', 'person_id'], 'persons', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('assistance_household_fk', ['tenant_id', 'household_id'], 'households', [
      'tenant_id',
      'id',
    ])
    .addCheckConstraint('assistance_recipient_ck', sql`person_id is not null or household_id is not null`)
    .addCheckConstraint('assistance_money_ck', sql`value_minor is null or currency is not null`)
    .execute();
  await db.schema
    .createIndex('assistance_person_idx')
    .on('assistance')
    .columns(['tenant_id', 'person_id', 'date'])
    .execute();
  await db.schema
    .createIndex('assistance_household_idx')
    .on('assistance')
    .columns(['tenant_id', 'household_id', 'date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'assistance',
    'consents',
    'person_identifiers',
    'household_memberships',
    'persons',
    'households',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
