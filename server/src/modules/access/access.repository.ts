import { type Insertable, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { OrganisationsTable, SessionsTable, UsersTable, UserTokensTable } from '../../db/schema.ts';

export interface UserFilter {
  tenantId: string;
  q?: string;
  role?: string;
  status?: string;
  organisationId?: string;
  afterEmail?: string;
  limit: number;
}

/** Users, sessions, one-time tokens, settings and organisations: the access module's tables. */
export function createAccessRepository(db: Database) {
  return {
    findUserById(tenantId: string, id: string) {
      return db
        .selectFrom('users')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    findUserByEmail(tenantId: string, email: string) {
      return db
        .selectFrom('users')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where(sql`lower(email)`, '=', email.toLowerCase())
        .executeTakeFirst();
    },

    listUsers(f: UserFilter) {
      let q = db
        .selectFrom('users')
        .selectAll()
        .where('tenant_id', '=', f.tenantId)
        .orderBy('email')
        .limit(f.limit + 1);
      if (f.q) {
        const like = `%${f.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
        q = q.where((eb) =>
          eb.or([eb(sql`lower(email)`, 'like', like), eb(sql`lower(display_name)`, 'like', like)]),
        );
      }
      if (f.role) q = q.where(sql<boolean>`${f.role} = any(roles)`);
      if (f.status) q = q.where('status', '=', f.status as UsersTable['status']);
      if (f.organisationId) q = q.where('organisation_id', '=', f.organisationId);
      if (f.afterEmail) q = q.where('email', '>', f.afterEmail);
      return q.execute();
    },

    async insertUser(row: Insertable<UsersTable>) {
      return db.insertInto('users').values(row).returningAll().executeTakeFirstOrThrow();
    },

    /** Optimistic concurrency: the update applies only to the version the caller read. */
    async updateUser(tenantId: string, id: string, version: number | null, patch: Updateable<UsersTable>) {
      let q = db
        .updateTable('users')
        .set({ ...patch, updated_at: sql`now()`, version: sql`version + 1` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id);
      if (version !== null) q = q.where('version', '=', version);
      return q.returningAll().executeTakeFirst();
    },

    /** Sign-in bookkeeping changes no version: it is not an edit of the user. */
    async recordSignInOutcome(tenantId: string, id: string, patch: Updateable<UsersTable>) {
      await db
        .updateTable('users')
        .set(patch)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },

    countActiveAdmins(tenantId: string) {
      return db
        .selectFrom('users')
        .select(sql<number>`count(*)`.as('n'))
        .where('tenant_id', '=', tenantId)
        .where('status', '=', 'active')
        .where(sql<boolean>`'admin' = any(roles)`)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    },

    insertSession(row: Insertable<SessionsTable>) {
      return db.insertInto('sessions').values(row).execute();
    },

    findSession(tenantId: string, id: string) {
      return db
        .selectFrom('sessions')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
    },

    touchSession(tenantId: string, id: string) {
      return db
        .updateTable('sessions')
        .set({ last_seen_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },

    setSessionState(tenantId: string, id: string, state: SessionsTable['state']) {
      return db
        .updateTable('sessions')
        .set({ state })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },

    revokeSession(tenantId: string, id: string) {
      return db
        .updateTable('sessions')
        .set({ revoked_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },

    async revokeUserSessions(tenantId: string, userId: string, exceptId?: string) {
      let q = db
        .updateTable('sessions')
        .set({ revoked_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null);
      if (exceptId) q = q.where('id', '!=', exceptId);
      const r = await q.executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    insertToken(row: Insertable<UserTokensTable>) {
      return db.insertInto('user_tokens').values(row).execute();
    },

    /** Marks a live token used and returns it; a used or expired token returns nothing. */
    async consumeToken(tenantId: string, id: string) {
      return db
        .updateTable('user_tokens')
        .set({ used_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('expires_at', '>', sql<Date>`now()`)
        .returningAll()
        .executeTakeFirst();
    },

    async readSetting<T>(tenantId: string, key: string): Promise<T | undefined> {
      const row = await db
        .selectFrom('tenant_settings')
        .select('value')
        .where('tenant_id', '=', tenantId)
        .where('key', '=', key)
        .executeTakeFirst();
      return row?.value as T | undefined;
    },

    writeSetting(tenantId: string, key: string, value: unknown, userId: string | null) {
      return db
        .insertInto('tenant_settings')
        .values({ tenant_id: tenantId, key, value: JSON.stringify(value), updated_by: userId })
        .onConflict((oc) =>
          oc
            .columns(['tenant_id', 'key'])
            .doUpdateSet({ value: JSON.stringify(value), updated_by: userId, updated_at: sql`now()` }),
        )
        .execute();
    },

    listOrganisations(tenantId: string, afterName: string | undefined, limit: number) {
      let q = db
        .selectFrom('organisations')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy('name_en')
        .limit(limit + 1);
      if (afterName) q = q.where('name_en', '>', afterName);
      return q.execute();
    },

    findOrganisation(tenantId: string, id: string) {
      return db
        .selectFrom('organisations')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    findOrganisationByName(tenantId: string, nameEn: string) {
      return db
        .selectFrom('organisations')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where(sql`lower(name_en)`, '=', nameEn.toLowerCase())
        .executeTakeFirst();
    },

    insertOrganisation(row: Insertable<OrganisationsTable>) {
      return db.insertInto('organisations').values(row).returningAll().executeTakeFirstOrThrow();
    },

    updateOrganisation(tenantId: string, id: string, version: number, patch: Updateable<OrganisationsTable>) {
      return db
        .updateTable('organisations')
        .set({ ...patch, updated_at: sql`now()`, version: sql`version + 1` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst();
    },
  };
}

export type AccessRepository = ReturnType<typeof createAccessRepository>;
