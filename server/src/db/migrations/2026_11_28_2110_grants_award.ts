import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// Review, committee, award, disbursement and monitoring of grant applications. Application states
// used here (declared by the grants migration): screened_eligible → in_review (a reviewer is
// assigned) → reviewed (every required review is in) → approved | waiting_list | rejected (an
// approved committee decision) → awarded (an award is made) → closed (the award is closed).

export async function up(db: Kysely<any>): Promise<void> {
  // One reviewer on one application: first a declaration of conflict of interest (or none), then
  // scores. A recused reviewer keeps the row (the record of the declaration) and sees nothing.
  await db.schema
    .createTable('grant_review_assignments')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('call_id', 'uuid', (c) => c.notNull())
    .addColumn('application_id', 'uuid', (c) => c.notNull())
    .addColumn('reviewer_id', 'uuid', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('assigned', 'recused', 'submitted', 'withdrawn')`),
    )
    .addColumn('conflict', 'text', (c) =>
      c.notNull().defaultTo('undeclared').check(sql`conflict in ('undeclared', 'none', 'declared')`),
    )
    .addColumn('conflict_note', 'text')
    .addColumn('declared_at', 'timestamptz')
    .addColumn('weighted_total', 'double precision')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('assigned_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('grant_review_assignments_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('grant_review_assignments_call_fk', ['tenant_id', 'call_id'], 'grant_calls', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'grant_review_assignments_application_fk',
      ['tenant_id', 'application_id'],
      'grant_applications',
      ['tenant_id', 'id'],
    )
    .addForeignKeyConstraint('grant_review_assignments_reviewer_fk', ['tenant_id', 'reviewer_id'], 'users', [
      'tenant_id',
      'id',
    ])
    .addCheckConstraint(
      'grant_review_assignments_state_ck',
      sql`(status <> 'submitted' or (conflict = 'none' and weighted_total is not null and submitted_at is not null))
        and (status <> 'recused' or conflict = 'declared')
        and (weighted_total is null or weighted_total between 0 and 100)`,
    )
    .execute();
  await sql`create unique index grant_review_assignments_live_uq on grant_review_assignments
    (tenant_id, application_id, reviewer_id) where status <> 'withdrawn'`.execute(db);
  await db.schema
    .createIndex('grant_review_assignments_reviewer_idx')
    .on('grant_review_assignments')
    .columns(['tenant_id', 'reviewer_id', 'status'])
    .execute();
  await db.schema
    .createIndex('grant_review_assignments_call_idx')
    .on('grant_review_assignments')
    .columns(['tenant_id', 'call_id', 'application_id'])
    .execute();

  // A score per rubric criterion, with the reviewer's reason for it.
  await db.schema
    .createTable('grant_review_scores')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('assignment_id', 'uuid', (c) => c.notNull())
    .addColumn('criterion_key', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score between 0 and 100`))
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('grant_review_scores_pk', ['tenant_id', 'assignment_id', 'criterion_key'])
    .addForeignKeyConstraint(
      'grant_review_scores_assignment_fk',
      ['tenant_id', 'assignment_id'],
      'grant_review_assignments',
      ['tenant_id', 'id'],
    )
    .execute();

  // A sitting of the selection committee for one call, with its minutes.
  await db.schema
    .createTable('grant_committee_sessions')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('call_id', 'uuid', (c) => c.notNull())
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('attendees', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`),
    )
    .addColumn('closed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid')
    .addPrimaryKeyConstraint('grant_committee_sessions_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('grant_committee_sessions_call_fk', ['tenant_id', 'call_id'], 'grant_calls', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('grant_committee_sessions_call_idx')
    .on('grant_committee_sessions')
    .columns(['tenant_id', 'call_id', 'held_on'])
    .execute();

  // The committee's decision on one application: proposed in a session, then approved by a
  // programme manager. A later decision (a waiting-list application approved after all)
  // supersedes the earlier one; only one stands at a time.
  await db.schema
    .createTable('grant_decisions')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('session_id', 'uuid', (c) => c.notNull())
    .addColumn('call_id', 'uuid', (c) => c.notNull())
    .addColumn('application_id', 'uuid', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('approve', 'waiting_list', 'reject')`),
    )
    .addColumn('amount_minor', 'bigint')
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`currency ~ '^[A-Z]{3}$'`))
    .addColumn('reason', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('proposed')
        .check(sql`status in ('proposed', 'approved', 'superseded', 'withdrawn')`),
    )
    .addColumn('proposed_by', 'uuid')
    .addColumn('proposed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('approved_by', 'uuid')
    .addColumn('approved_at', 'timestamptz')
    // The message the approval wrote to the notification outbox.
    .addColumn('notification_id', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('grant_decisions_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'grant_decisions_session_fk',
      ['tenant_id', 'session_id'],
      'grant_committee_sessions',
      ['tenant_id', 'id'],
    )
    .addForeignKeyConstraint('grant_decisions_call_fk', ['tenant_id', 'call_id'], 'grant_calls', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'grant_decisions_application_fk',
      ['tenant_id', 'application_id'],
      'grant_applications',
      ['tenant_id', 'id'],
    )
    .addCheckConstraint(
      'grant_decisions_amount_ck',
      sql`(outcome = 'approve') = (amount_minor is not null) and (amount_minor is null or amount_minor > 0)`,
    )
    .addCheckConstraint('grant_decisions_reason_ck', sql`outcome <> 'reject' or reason is not null`)
    .addCheckConstraint('grant_decisions_approved_ck', sql`status <> 'approved' or approved_at is not null`)
    .execute();
  await sql`create unique index grant_decisions_proposed_uq on grant_decisions (tenant_id, application_id) where status = 'proposed'`.execute(
    db,
  );
  await sql`create unique index grant_decisions_standing_uq on grant_decisions (tenant_id, application_id) where status = 'approved'`.execute(
    db,
  );
  await db.schema
    .createIndex('grant_decisions_call_idx')
    .on('grant_decisions')
    .columns(['tenant_id', 'call_id', 'status'])
    .execute();

  // The award made from an approved decision; `paid_minor` is kept by the payments trigger
  // below and can never pass the amount.
  await db.schema
    .createTable('grant_awards')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('call_id', 'uuid', (c) => c.notNull())
    .addColumn('application_id', 'uuid', (c) => c.notNull())
    .addColumn('decision_id', 'uuid', (c) => c.notNull())
    // The organisation that grants (the mission, or the partner running the call).
    .addColumn('grantor_org_id', 'uuid', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`currency ~ '^[A-Z]{3}$'`))
    .addColumn('paid_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('uk', 'en')`))
    .addColumn('obligations', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('issued_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`status in ('active', 'closed')`),
    )
    .addColumn('closure_reason', 'text', (c) =>
      c.check(sql`closure_reason in ('completed', 'not_operating', 'terminated', 'other')`),
    )
    .addColumn('closure_note', 'text')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid')
    .addPrimaryKeyConstraint('grant_awards_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('grant_awards_call_fk', ['tenant_id', 'call_id'], 'grant_calls', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint(
      'grant_awards_application_fk',
      ['tenant_id', 'application_id'],
      'grant_applications',
      ['tenant_id', 'id'],
    )
    .addForeignKeyConstraint('grant_awards_decision_fk', ['tenant_id', 'decision_id'], 'grant_decisions', [
      'tenant_id',
      'id',
    ])
    .addForeignKeyConstraint('grant_awards_grantor_fk', ['tenant_id', 'grantor_org_id'], 'organisations', [
      'tenant_id',
      'id',
    ])
    .addUniqueConstraint('grant_awards_application_uq', ['tenant_id', 'application_id'])
    .addUniqueConstraint('grant_awards_decision_uq', ['tenant_id', 'decision_id'])
    .addCheckConstraint('grant_awards_paid_ck', sql`paid_minor between 0 and amount_minor`)
    .addCheckConstraint(
      'grant_awards_closed_ck',
      sql`(status = 'closed') = (closure_reason is not null and closed_at is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('grant_awards_call_idx')
    .on('grant_awards')
    .columns(['tenant_id', 'call_id'])
    .execute();

  // The disbursement plan: tranches that add up to the award (checked by the service), each
  // paid at most in full (checked here).
  await db.schema
    .createTable('grant_tranches')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('award_id', 'uuid', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('condition', 'text')
    .addColumn('modality', 'text', (c) => c.notNull().check(sql`modality in ('cash', 'in_kind')`))
    .addColumn('paid_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('grant_tranches_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('grant_tranches_award_fk', ['tenant_id', 'award_id'], 'grant_awards', [
      'tenant_id',
      'id',
    ])
    .addUniqueConstraint('grant_tranches_seq_uq', ['tenant_id', 'award_id', 'seq'])
    .addUniqueConstraint('grant_tranches_award_uq', ['tenant_id', 'award_id', 'id'])
    .addCheckConstraint('grant_tranches_paid_ck', sql`paid_minor between 0 and amount_minor`)
    .execute();

  // In-kind tranches: what is bought for the grantee, from whom, at what price.
  await db.schema
    .createTable('grant_tranche_items')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('tranche_id', 'uuid', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
    .addColumn('unit_cost_minor', 'bigint', (c) => c.notNull().check(sql`unit_cost_minor >= 0`))
    .addColumn('supplier', 'text')
    .addPrimaryKeyConstraint('grant_tranche_items_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'grant_tranche_items_tranche_fk',
      ['tenant_id', 'tranche_id'],
      'grant_tranches',
      ['tenant_id', 'id'],
    )
    .addUniqueConstraint('grant_tranche_items_seq_uq', ['tenant_id', 'tranche_id', 'seq'])
    .execute();

  // Payments: written once, never changed. Each adds to its tranche's and award's paid totals in
  // the same statement, so the check constraints above refuse an overpayment even when two
  // payments race (the second waits for the first's row lock, then sees its total).
  await db.schema
    .createTable('grant_payments')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('award_id', 'uuid', (c) => c.notNull())
    .addColumn('tranche_id', 'uuid', (c) => c.notNull())
    .addColumn('paid_on', 'date', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', 'text', (c) => c.notNull().check(sql`currency ~ '^[A-Z]{3}$'`))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('assistance_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addPrimaryKeyConstraint('grant_payments_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint(
      'grant_payments_tranche_fk',
      ['tenant_id', 'award_id', 'tranche_id'],
      'grant_tranches',
      ['tenant_id', 'award_id', 'id'],
    )
    .addForeignKeyConstraint('grant_payments_assistance_fk', ['tenant_id', 'assistance_id'], 'assistance', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('grant_payments_award_idx')
    .on('grant_payments')
    .columns(['tenant_id', 'award_id', 'paid_on'])
    .execute();
  await sql`
    create function grant_payments_add() returns trigger language plpgsql as $$
    begin
      update grant_tranches set paid_minor = paid_minor + new.amount_minor
        where tenant_id = new.tenant_id and id = new.tranche_id and award_id = new.award_id;
      update grant_awards set paid_minor = paid_minor + new.amount_minor, updated_at = now()
        where tenant_id = new.tenant_id and id = new.award_id;
      return new;
    end $$`.execute(db);
  await sql`create trigger grant_payments_add after insert on grant_payments
    for each row execute function grant_payments_add()`.execute(db);
  await sql`
    create function grant_payments_frozen() returns trigger language plpgsql as $$
    begin
      raise exception 'grant payments are never changed or deleted' using errcode = 'P0001';
    end $$`.execute(db);
  await sql`create trigger grant_payments_frozen before update or delete on grant_payments
    for each row execute function grant_payments_frozen()`.execute(db);

  // Monitoring visits; a visit may count as the 3-, 6- or 12-month follow-up.
  await db.schema
    .createTable('grant_monitoring_visits')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('award_id', 'uuid', (c) => c.notNull())
    .addColumn('visited_on', 'date', (c) => c.notNull())
    .addColumn('follow_up_month', 'integer', (c) => c.check(sql`follow_up_month in (3, 6, 12)`))
    .addColumn('operating', 'boolean', (c) => c.notNull())
    .addColumn('jobs_created', 'integer', (c) => c.notNull().defaultTo(0).check(sql`jobs_created >= 0`))
    .addColumn('jobs_kept', 'integer', (c) => c.notNull().defaultTo(0).check(sql`jobs_kept >= 0`))
    .addColumn('photo_file_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('notes', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('grant_monitoring_visits_pk', ['tenant_id', 'id'])
    .addForeignKeyConstraint('grant_monitoring_visits_award_fk', ['tenant_id', 'award_id'], 'grant_awards', [
      'tenant_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('grant_monitoring_visits_award_idx')
    .on('grant_monitoring_visits')
    .columns(['tenant_id', 'award_id', 'visited_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'grant_monitoring_visits',
    'grant_payments',
    'grant_tranche_items',
    'grant_tranches',
    'grant_awards',
    'grant_decisions',
    'grant_committee_sessions',
    'grant_review_scores',
    'grant_review_assignments',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop function if exists grant_payments_add()`.execute(db);
  await sql`drop function if exists grant_payments_frozen()`.execute(db);
}
