import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// Person search over a large registry: the distinct name keys in use (a few thousand even for a
// million persons) in a small table, so that a typed word that is misspelt or not finished is
// first matched against that table (by trigram likeness or by prefix) and only then against the
// persons, by exact keys. A trigram scan over every person's full name is no longer needed.
export async function up(db: Kysely<any>): Promise<void> {
  // Existing persons get the surname-and-given-name keys ("sg:<surname key>|<given key>", one per
  // pair) that people.search.ts now adds on every write, derived here from their "s:" and "g:"
  // keys. Rewriting every row is cheaper without the index, which is then built once.
  await sql`drop index persons_search_keys_idx`.execute(db);
  await sql`
    update persons p set search_keys = p.search_keys || array(
      select 'sg:' || substr(s, 3) || '|' || substr(g, 3)
      from unnest(p.search_keys) with ordinality as s(s, i), unnest(p.search_keys) with ordinality as g(g, j)
      where s like 's:%' and g like 'g:%'
      order by i, j)
    where not exists (select 1 from unnest(p.search_keys) k where k like 'sg:%')`.execute(db);
  // Rows inserted lately wait in a GIN index's pending list, which every search reads through in
  // full: 4 MB by default, some 400 pages and several milliseconds a query after a large import.
  // A smaller list keeps that bounded at little cost to inserts.
  await sql`create index persons_search_keys_idx on persons using gin (search_keys) with (gin_pending_list_limit = 1024)`.execute(
    db,
  );
  await sql`alter index persons_phones_idx set (gin_pending_list_limit = 1024)`.execute(db);
  await sql`select gin_clean_pending_list('persons_phones_idx'::regclass)`.execute(db);

  // Derived from persons.search_keys and kept by the triggers below: not an entity of its own,
  // so no id, author or version. A key whose persons are gone stays; it then simply finds nobody.
  // Only the keys of single name parts: the pairs are many and only ever looked up exactly.
  await db.schema
    .createTable('person_search_terms')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    // The key as persons.search_keys holds it: "s:" surname, "g:" given name, "p:" patronymic.
    // Byte order (C collation), so that a prefix LIKE can use the primary key.
    .addColumn('term', sql`text collate "C"`, (c) => c.notNull())
    // The key without its part tag, for trigram likeness.
    .addColumn('word', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_search_terms_pk', ['tenant_id', 'term'])
    .execute();
  await sql`create index person_search_terms_word_idx on person_search_terms using gin (word gin_trgm_ops)`.execute(
    db,
  );
  await sql`
    insert into person_search_terms (tenant_id, term, word)
      select distinct p.tenant_id, k, substr(k, 3) from persons p, unnest(p.search_keys) as k
      where k ~ '^[sgp]:'
      on conflict do nothing`.execute(db);

  // Statement-level, so a bulk import of thousands of rows adds one INSERT … SELECT per batch.
  await sql`
    create function person_search_terms_collect() returns trigger language plpgsql as $$
    begin
      insert into person_search_terms (tenant_id, term, word)
        select distinct n.tenant_id, k, substr(k, 3)
        from new_persons n, unnest(n.search_keys) as k
        where k ~ '^[sgp]:'
        on conflict do nothing;
      return null;
    end $$`.execute(db);
  await sql`create trigger persons_search_terms_insert after insert on persons
    referencing new table as new_persons for each statement execute function person_search_terms_collect()`.execute(
    db,
  );
  await sql`create trigger persons_search_terms_update after update on persons
    referencing new table as new_persons for each statement execute function person_search_terms_collect()`.execute(
    db,
  );

  // The full-name trigram index served only the old fallback scan over every person; the
  // duplicate check orders its few candidates by similarity without it. Dropping it also makes
  // every insert cheaper.
  await sql`drop index if exists persons_search_text_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index if not exists persons_search_text_idx on persons using gin (search_text gin_trgm_ops)`.execute(
    db,
  );
  await sql`drop trigger if exists persons_search_terms_update on persons`.execute(db);
  await sql`drop trigger if exists persons_search_terms_insert on persons`.execute(db);
  await sql`drop function if exists person_search_terms_collect()`.execute(db);
  await db.schema.dropTable('person_search_terms').ifExists().execute();
  await sql`alter index persons_phones_idx reset (gin_pending_list_limit)`.execute(db);
  await sql`alter index persons_search_keys_idx reset (gin_pending_list_limit)`.execute(db);
  await sql`update persons set search_keys = array(select k from unnest(search_keys) k where k not like 'sg:%')
    where exists (select 1 from unnest(search_keys) k where k like 'sg:%')`.execute(db);
}
