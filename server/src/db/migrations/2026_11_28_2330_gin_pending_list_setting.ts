import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// The persons GIN indexes kept a 1 MB pending list as an index setting (searches read the list in
// full; see 2000_people_search_keys). As an index setting it also held for a bulk import, which then
// merged its entries a thousand times, and changing an index setting locks out every reader and
// writer of the table. The same 1 MB now comes from the database's default for every session, and a
// large import raises it for its own transaction only, then merges once before it commits.
const INDEXES = ['persons_search_keys_idx', 'persons_phones_idx'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const index of INDEXES)
    await sql`alter index ${sql.id(index)} reset (gin_pending_list_limit)`.execute(db);
  // Only the database's owner may set its defaults; elsewhere searches just read a longer list.
  await sql`
    do $$ begin
      execute format('alter database %I set gin_pending_list_limit = 1024', current_database());
    exception when insufficient_privilege then
      raise notice 'gin_pending_list_limit stays at the server default: not the owner of this database';
    end $$`.execute(db);
  // This session too, as every later one will.
  await sql`set gin_pending_list_limit = 1024`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    do $$ begin
      execute format('alter database %I reset gin_pending_list_limit', current_database());
    exception when insufficient_privilege then null;
    end $$`.execute(db);
  for (const index of INDEXES)
    await sql`alter index ${sql.id(index)} set (gin_pending_list_limit = 1024)`.execute(db);
}
