import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB, PersonRow } from '../../db/schema.ts';

export interface PersonFilters {
  oblast?: string;
  populationGroup?: PersonRow['population_group'];
  vulnerability?: string;
  disability?: boolean;
  minHouseholdSize?: number;
  /** Partner staff: only their organisation's registrations. */
  organisationId?: string;
  /** Oblast-scoped users: P-code prefixes. */
  oblastScope?: readonly string[] | null;
}

type PersonQuery<O> = SelectQueryBuilder<DB & { p: DB['persons'] }, 'p', O>;

/** The keyed hash of a person's tax number, for matching (never the number itself). */
const taxHashOf = (eb: ExpressionBuilder<DB & { p: DB['persons'] }, 'p'>) =>
  eb
    .selectFrom('person_identifiers as i')
    .select('i.value_hash')
    .whereRef('i.tenant_id', '=', 'p.tenant_id')
    .whereRef('i.person_id', '=', 'p.id')
    .where('i.type', '=', 'tax_number')
    .limit(1)
    .as('tax_hash');

/** Who a person is at a glance (`persons as p`): what lists of people show. */
export const personNameColumns = [
  'p.id',
  'p.family_name',
  'p.given_name',
  'p.patronymic',
  'p.birth_date',
  'p.sex',
] as const;

/**
 * Reads that find persons: the search box, the candidates of a duplicate check and the records the
 * matching engine compares.
 */
export function createPeopleSearchRepository(db: Database) {
  function applyFilters<O>(q: PersonQuery<O>, tenantId: string, f: PersonFilters): PersonQuery<O> {
    // A record merged into another is found through the one it was merged into.
    let r = q.where('p.tenant_id', '=', tenantId).where('p.merged_into', 'is', null);
    if (f.oblast) r = r.where('p.current_pcode', 'like', `${f.oblast}%`);
    if (f.populationGroup) r = r.where('p.population_group', '=', f.populationGroup);
    if (f.vulnerability) r = r.where(sql<boolean>`${f.vulnerability} = any(p.vulnerabilities)`);
    if (f.disability !== undefined) r = r.where('p.disability', '=', f.disability);
    if (f.organisationId) r = r.where('p.registered_by_org', '=', f.organisationId);
    if (f.oblastScope) {
      const scope = f.oblastScope;
      r = r.where((eb) => eb.or(scope.map((o) => eb('p.current_pcode', 'like', `${o}%`))));
    }
    if (f.minHouseholdSize) {
      r = r.where(
        sql<boolean>`(select count(*) from household_memberships m where m.tenant_id = p.tenant_id and m.household_id = p.household_id and m.valid_to is null) >= ${f.minHouseholdSize}`,
      );
    }
    return r;
  }

  // What a search hit shows and is ranked by, nothing more: a name search reads hundreds of rows.
  const hitColumns = [...personNameColumns, 'p.current_pcode', 'p.household_id'] as const;

  return {
    /**
     * In one round trip: those of `keys` that some person holds (see person_search_terms), and for
     * each group of prefixes (letters only) the keys in use that begin with one of them, shortest
     * first, at most `limit` a group.
     */
    async findSearchTerms(
      tenantId: string,
      keys: string[],
      prefixGroups: string[][],
      limit: number,
    ): Promise<{ present: string[]; completions: string[][] }> {
      const parts = [];
      if (keys.length > 0)
        parts.push(
          sql`select -1 as g, term from person_search_terms where tenant_id = ${tenantId} and term = any(${sql.val(keys)}::text[])`,
        );
      for (const [i, group] of prefixGroups.entries()) {
        const plain = group.filter((p) => /^[a-z]:~?[A-Za-z]+$/.test(p));
        if (plain.length === 0) continue;
        const like = sql.join(
          plain.map((p) => sql`term like ${`${p}%`}`),
          sql` or `,
        );
        parts.push(
          sql`(select ${i}::int as g, term from person_search_terms where tenant_id = ${tenantId} and (${like}) order by length(term), term limit ${limit})`,
        );
      }
      const completions: string[][] = prefixGroups.map(() => []);
      if (parts.length === 0) return { present: [], completions };
      const rows = await sql<{ g: number; term: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
      const present: string[] = [];
      for (const r of rows.rows) (r.g < 0 ? present : completions[r.g]!).push(r.term);
      for (const c of completions) c.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
      return { present, completions };
    },

    /** Name keys in use whose word is like one of these (pg_trgm, its default threshold), likest first. */
    async similarSearchTerms(tenantId: string, words: string[], limit: number): Promise<string[]> {
      if (words.length === 0) return [];
      const likeness = sql.join(words.map((w) => sql`similarity(word, ${w})`));
      const rows = await db
        .selectFrom('person_search_terms')
        .select('term')
        .where('tenant_id', '=', tenantId)
        .where((eb) => eb.or(words.map((w) => sql<boolean>`word % ${w}`)))
        .orderBy(sql`greatest(${likeness})`, 'desc')
        .orderBy('term')
        .limit(limit)
        .execute();
      return rows.map((r) => r.term);
    },

    /**
     * Up to `cap` persons holding, for every typed word, one of that word's keys; in no particular
     * order (the caller ranks them), so that a common name stops at the cap instead of sorting all.
     */
    searchByKeySets(tenantId: string, keySets: string[][], filters: PersonFilters, cap: number) {
      let q = db.selectFrom('persons as p').select(hitColumns).select(sql<number>`0`.as('similarity'));
      q = applyFilters(q, tenantId, filters);
      for (const keys of keySets) q = q.where(sql<boolean>`p.search_keys && ${sql.val(keys)}::text[]`);
      return q.limit(cap).execute();
    },

    searchByPhone(tenantId: string, e164: string, filters: PersonFilters, limit: number) {
      let q = db.selectFrom('persons as p').select(hitColumns).select(sql<number>`1`.as('similarity'));
      q = applyFilters(q, tenantId, filters);
      return q
        .where(sql<boolean>`p.phones @> ${sql.val([e164])}::text[]`)
        .limit(limit)
        .execute();
    },

    searchByIdentifierHash(tenantId: string, hashes: string[], filters: PersonFilters, limit: number) {
      let q = db
        .selectFrom('persons as p')
        .select(hitColumns)
        .select(sql<number>`1`.as('similarity'))
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('person_identifiers as i')
              .select('i.id')
              .whereRef('i.tenant_id', '=', 'p.tenant_id')
              .whereRef('i.person_id', '=', 'p.id')
              .where('i.value_hash', 'in', hashes),
          ),
        );
      q = applyFilters(q, tenantId, filters);
      return q.limit(limit).execute();
    },

    searchByFilters(tenantId: string, filters: PersonFilters, limit: number) {
      let q = db.selectFrom('persons as p').select(hitColumns).select(sql<number>`0`.as('similarity'));
      q = applyFilters(q, tenantId, filters);
      return q.orderBy('p.updated_at', 'desc').limit(limit).execute();
    },

    async householdSizes(tenantId: string, householdIds: string[]): Promise<Map<string, number>> {
      if (householdIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('household_memberships')
        .select(['household_id', sql<number>`count(*)`.as('n')])
        .where('tenant_id', '=', tenantId)
        .where('household_id', 'in', householdIds)
        .where('valid_to', 'is', null)
        .groupBy('household_id')
        .execute();
      return new Map(rows.map((r) => [r.household_id, Number(r.n)]));
    },

    /** Records that could be the same person: same surname key, phone or tax-number hash. */
    findMatchCandidates(
      tenantId: string,
      q: {
        surnameKeys: string[];
        phones: string[];
        taxHash: string | null;
        text: string;
        birthDate: string | null;
        limit: number;
      } & Pick<PersonFilters, 'organisationId' | 'oblastScope'>,
    ) {
      let query = db
        .selectFrom('persons as p')
        .select([...personNameColumns, 'p.phones', 'p.current_pcode'])
        .select(taxHashOf);
      query = applyFilters(query, tenantId, q);
      query = query.where((eb) => {
        const any = [];
        if (q.surnameKeys.length > 0)
          any.push(sql<boolean>`p.search_keys && ${sql.val(q.surnameKeys)}::text[]`);
        if (q.phones.length > 0) any.push(sql<boolean>`p.phones && ${sql.val(q.phones)}::text[]`);
        if (q.taxHash) {
          any.push(
            eb.exists(
              eb
                .selectFrom('person_identifiers as t')
                .select('t.id')
                .whereRef('t.tenant_id', '=', 'p.tenant_id')
                .whereRef('t.person_id', '=', 'p.id')
                .where('t.value_hash', '=', q.taxHash),
            ),
          );
        }
        return any.length > 0 ? eb.or(any) : sql<boolean>`false`;
      });
      // In a large block, the nearest spellings and the same birth date come first.
      return query
        .orderBy(sql`(p.birth_date is not distinct from ${q.birthDate}::date)`, 'desc')
        .orderBy(sql`similarity(p.search_text, ${q.text})`, 'desc')
        .limit(q.limit)
        .execute();
    },

    /** Every record still standing on its own, in the shape the matching engine reads. */
    listMatchRecords(tenantId: string) {
      return db
        .selectFrom('persons as p')
        .select([
          'p.id',
          'p.family_name',
          'p.given_name',
          'p.patronymic',
          'p.sex',
          'p.birth_date',
          'p.current_pcode',
        ])
        .select(sql<string | null>`p.phones[1]`.as('phone'))
        .select(taxHashOf)
        .where('p.tenant_id', '=', tenantId)
        .where('p.merged_into', 'is', null)
        .orderBy('p.id')
        .execute();
    },
  };
}

export type PersonHitRow = Pick<
  PersonRow,
  'id' | 'family_name' | 'given_name' | 'patronymic' | 'birth_date' | 'sex' | 'current_pcode' | 'household_id'
> & { similarity: number };
