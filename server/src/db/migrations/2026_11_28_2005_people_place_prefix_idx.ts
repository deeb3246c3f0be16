import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// Places are filtered by P-code prefix (`current_pcode like 'UA07%'`: an oblast, a raion), for the
// search filter and for every oblast-scoped user. A plain btree serves such a LIKE only under the
// C collation; with text_pattern_ops it does under any, so a common name in one oblast is found by
// combining this index with the name keys instead of reading every namesake's row.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists persons_place_idx`.execute(db);
  await sql`create index persons_place_idx on persons (tenant_id, current_pcode text_pattern_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists persons_place_idx`.execute(db);
  await sql`create index persons_place_idx on persons (tenant_id, current_pcode)`.execute(db);
}
