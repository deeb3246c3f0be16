import { type Insertable, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type {
  AssistanceTable,
  ConsentsTable,
  HouseholdsTable,
  PersonIdentifiersTable,
  PersonsTable,
} from '../../db/schema.ts';
import { createPeopleSearchRepository, personNameColumns } from './people.search.repository.ts';

/** Persons, households, identifiers, consent and the assistance ledger. */
export function createPeopleRepository(db: Database) {
  return {
    ...createPeopleSearchRepository(db),

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
        .select([...personNameColumns, 'p.disability'])
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

    /** Ids of the records merged into this one (their history belongs to the same person). */
    async mergedIds(tenantId: string, survivorId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('persons')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('merged_into', '=', survivorId)
        .execute();
      return rows.map((r) => r.id);
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
