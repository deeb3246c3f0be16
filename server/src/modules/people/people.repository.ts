import {
  type ExpressionBuilder,
  type Insertable,
  type SelectQueryBuilder,
  sql,
  type Updateable,
} from 'kysely';
import type { Database } from '../../db/database.ts';
import type {
  AssistanceTable,
  ConsentsTable,
  DB,
  HouseholdsTable,
  PersonIdentifiersTable,
  PersonRow,
  PersonsTable,
} from '../../db/schema.ts';

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

/** Persons, households, identifiers, consent and the assistance ledger. */
export function createPeopleRepository(db: Database) {
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
  const hitColumns = [
    'p.id',
    'p.family_name',
    'p.given_name',
    'p.patronymic',
    'p.birth_date',
    'p.sex',
    'p.current_pcode',
    'p.household_id',
  ] as const;

  return {
    insertPerson(row: Insertable<PersonsTable>) {
      return db.insertInto('persons').values(row).returningAll().executeTakeFirstOrThrow();
    },

    findPerson(tenantId: string, id: string) {
      return db
        .selectFrom('persons')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Applies only to the version the caller read; undefined means someone saved first. */
    updatePerson(tenantId: string, id: string, version: number, patch: Updateable<PersonsTable>) {
      return db
        .updateTable('persons')
        .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },

    setPersonHousehold(
      tenantId: string,
      personId: string,
      householdId: string | null,
      relationship: string | null,
    ) {
      return db
        .updateTable('persons')
        .set({
          household_id: householdId,
          relationship_to_head: relationship,
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', personId)
        .execute();
    },

    insertIdentifiers(rows: Insertable<PersonIdentifiersTable>[]) {
      if (rows.length === 0) return Promise.resolve();
      return db.insertInto('person_identifiers').values(rows).execute();
    },

    listIdentifiers(tenantId: string, personId: string) {
      return db
        .selectFrom('person_identifiers')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('person_id', '=', personId)
        .orderBy('created_at')
        .execute();
    },

    findIdentifier(tenantId: string, personId: string, id: string) {
      return db
        .selectFrom('person_identifiers')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('person_id', '=', personId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    insertHousehold(row: Insertable<HouseholdsTable>) {
      return db.insertInto('households').values(row).returningAll().executeTakeFirstOrThrow();
    },

    findHousehold(tenantId: string, id: string) {
      return db
        .selectFrom('households')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    bumpHouseholdVersion(
      tenantId: string,
      id: string,
      version: number,
      patch: Updateable<HouseholdsTable> = {},
    ) {
      return db
        .updateTable('households')
        .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },

    currentMembers(tenantId: string, householdId: string) {
      return db
        .selectFrom('household_memberships as m')
        .innerJoin('persons as p', (j) =>
          j.onRef('p.tenant_id', '=', 'm.tenant_id').onRef('p.id', '=', 'm.person_id'),
        )
        .select(['m.person_id', 'm.relationship', 'm.valid_from'])
        .select([
          'p.id',
          'p.family_name',
          'p.given_name',
          'p.patronymic',
          'p.birth_date',
          'p.sex',
          'p.disability',
        ])
        .where('m.tenant_id', '=', tenantId)
        .where('m.household_id', '=', householdId)
        .where('m.valid_to', 'is', null)
        .orderBy('m.valid_from')
        .execute();
    },

    membershipHistory(tenantId: string, personId: string) {
      return db
        .selectFrom('household_memberships')
        .select(['household_id', 'relationship', 'valid_from', 'valid_to'])
        .where('tenant_id', '=', tenantId)
        .where('person_id', '=', personId)
        .orderBy('valid_from')
        .execute();
    },

    insertMembership(row: {
      tenant_id: string;
      id: string;
      household_id: string;
      person_id: string;
      relationship: string;
      recorded_by: string | null;
    }) {
      return db.insertInto('household_memberships').values(row).execute();
    },

    endMembership(tenantId: string, personId: string) {
      return db
        .updateTable('household_memberships')
        .set({ valid_to: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('person_id', '=', personId)
        .where('valid_to', 'is', null)
        .execute();
    },

    insertConsent(row: Insertable<ConsentsTable>) {
      return db.insertInto('consents').values(row).returningAll().executeTakeFirstOrThrow();
    },

    listConsents(tenantId: string, personId: string) {
      return db
        .selectFrom('consents')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('person_id', '=', personId)
        .orderBy('recorded_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
    },

    /** The latest consent record for a purpose (and organisation, for data sharing). */
    latestConsent(
      tenantId: string,
      personId: string,
      purpose: ConsentsTable['purpose'],
      organisationId: string | null,
    ) {
      let q = db
        .selectFrom('consents')
        .select(['status', 'recorded_at'])
        .where('tenant_id', '=', tenantId)
        .where('person_id', '=', personId)
        .where('purpose', '=', purpose);
      q = organisationId ? q.where('organisation_id', '=', organisationId) : q;
      return q.orderBy('recorded_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
    },

    insertAssistance(row: Insertable<AssistanceTable>) {
      return db.insertInto('assistance').values(row).returningAll().executeTakeFirstOrThrow();
    },

    listAssistance(
      tenantId: string,
      recipient: { personId?: string; alsoPersonIds?: string[]; householdId?: string },
      before: { date: string; id: string } | undefined,
      limit: number,
    ) {
      let q = db
        .selectFrom('assistance')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (recipient.personId)
        q = q.where('person_id', 'in', [recipient.personId, ...(recipient.alsoPersonIds ?? [])]);
      if (recipient.householdId) q = q.where('household_id', '=', recipient.householdId);
      if (before) {
        q = q.where((eb) =>
          eb.or([
            eb('date', '<', before.date),
            eb.and([eb('date', '=', before.date), eb('id', '<', before.id)]),
          ]),
        );
      }
      return q.execute();
    },

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
        .select([
          'p.id',
          'p.family_name',
          'p.given_name',
          'p.patronymic',
          'p.birth_date',
          'p.sex',
          'p.phones',
          'p.current_pcode',
        ])
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

    setMergedInto(tenantId: string, personId: string, survivorId: string | null) {
      return db
        .updateTable('persons')
        .set({
          merged_into: survivorId,
          merged_at: survivorId ? sql`now()` : null,
          version: sql`version + 1`,
          updated_at: sql`now()`,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', personId)
        .returningAll()
        .executeTakeFirst();
    },

    /** Ids of the records merged into this one (their history belongs to the same person). */
    /** Assistance rows of these people on or after a day, newest first (for eligibility checks). */
    listAssistanceSince(tenantId: string, personIds: string[], since: string) {
      if (personIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('assistance')
        .select(['person_id', 'date', 'type'])
        .where('tenant_id', '=', tenantId)
        .where('person_id', 'in', personIds)
        .where('date', '>=', since)
        .orderBy('date', 'desc')
        .limit(1000)
        .execute();
    },
    async mergedIds(tenantId: string, survivorId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('persons')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('merged_into', '=', survivorId)
        .execute();
      return rows.map((r) => r.id);
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

    /** Names as written, of many persons at once (lists in other modules). */
    findNames(tenantId: string, ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('persons')
        .select(['id', 'family_name', 'given_name', 'patronymic'])
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', ids)
        .execute();
    },
  };
}

export type PeopleRepository = ReturnType<typeof createPeopleRepository>;
export type PersonHitRow = Pick<
  PersonRow,
  'id' | 'family_name' | 'given_name' | 'patronymic' | 'birth_date' | 'sex' | 'current_pcode' | 'household_id'
> & { similarity: number };
