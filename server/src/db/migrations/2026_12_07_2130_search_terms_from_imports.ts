import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// The persons' search terms (2000_people_search_keys) are collected by a statement trigger from
// every inserted or updated row. A large people import knows its terms already, a thousand or so
// for 100,000 persons, and adds them itself once; there the trigger's unnesting and sorting of every
// key of every row (about 0.4 s of the server's time per 100,000 persons) was work done twice. A
// transaction that adds its own terms says so with a local setting; every other write is unchanged.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function person_search_terms_collect() returns trigger language plpgsql as $$
    begin
      if current_setting('oselia.search_terms_added_by_caller', true) = 'on' then
        return null;
      end if;
      insert into person_search_terms (tenant_id, term, word)
        select distinct n.tenant_id, k, substr(k, 3)
        from new_persons n, unnest(n.search_keys) as k
        where k ~ '^[sgp]:'
        on conflict do nothing;
      return null;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function person_search_terms_collect() returns trigger language plpgsql as $$
    begin
      insert into person_search_terms (tenant_id, term, word)
        select distinct n.tenant_id, k, substr(k, 3)
        from new_persons n, unnest(n.search_keys) as k
        where k ~ '^[sgp]:'
        on conflict do nothing;
      return null;
    end $$`.execute(db);
}
