import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// A large people import may switch a session to `session_replication_role = replica` while it
// inserts, to check foreign keys once per key instead of once per row (people-import.repository.ts).
// That role silences ordinary triggers. The triggers below keep data correct (the search terms of
// new persons, payments within their award, an append-only audit log), so they fire in every role.
const ALWAYS: [table: string, trigger: string][] = [
  ['persons', 'persons_search_terms_insert'],
  ['persons', 'persons_search_terms_update'],
  ['grant_payments', 'grant_payments_add'],
  ['grant_payments', 'grant_payments_frozen'],
  ['audit_log', 'audit_log_append_only'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, trigger] of ALWAYS)
    await sql`alter table ${sql.table(table)} enable always trigger ${sql.id(trigger)}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, trigger] of ALWAYS)
    await sql`alter table ${sql.table(table)} enable trigger ${sql.id(trigger)}`.execute(db);
}
