import { type Insertable, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type {
  TrainingEventsTable,
  TrainingFacilitatorsTable,
  TrainingSessionsTable,
} from '../../db/schema.ts';

export const EVENT_COLUMNS = [
  'tenant_id',
  'id',
  'version',
  'status',
  'title',
  'description',
  'topics',
  'project_code',
  'place_pcode',
  'venue',
  'starts_on',
  'ends_on',
  'capacity',
  'target_groups',
  'age_min',
  'age_max',
  'quotas',
  'fill_unused_quotas',
  'completion_min_percent',
  'form_id',
  'form_version',
  'enrolment_closes_on',
  'organisation_id',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const;

export type EventRow = Awaited<ReturnType<ReturnType<typeof createEventsRepository>['findEvent']>> & {};

/** Training events, their sessions (days) and facilitators. */
export function createEventsRepository(db: Database) {
  return {
    insertEvent(row: Insertable<TrainingEventsTable>) {
      return db.insertInto('training_events').values(row).returning(EVENT_COLUMNS).executeTakeFirstOrThrow();
    },

    findEvent(tenantId: string, id: string, forUpdate = false) {
      let q = db
        .selectFrom('training_events')
        .select(EVENT_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id);
      if (forUpdate) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    /** Optimistic concurrency: nothing changes (undefined) when the version is stale. */
    updateEvent(tenantId: string, id: string, version: number, patch: Updateable<TrainingEventsTable>) {
      return db
        .updateTable('training_events')
        .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(EVENT_COLUMNS)
        .executeTakeFirst();
    },

    listEvents(
      tenantId: string,
      f: { status?: 'draft' | 'open' | 'closed' | 'cancelled' | undefined; projectCode?: string | undefined },
      after: { startsOn: string; id: string } | undefined,
      limit: number,
    ) {
      let q = db
        .selectFrom('training_events')
        .select(EVENT_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .orderBy('starts_on', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (f.status) q = q.where('status', '=', f.status);
      if (f.projectCode) q = q.where('project_code', '=', f.projectCode);
      if (after) {
        q = q.where((eb) =>
          eb.or([
            eb('starts_on', '<', after.startsOn),
            eb.and([eb('starts_on', '=', after.startsOn), eb('id', '<', after.id)]),
          ]),
        );
      }
      return q.execute();
    },

    /** Events taking applications: open, not past their closing day. */
    listOpenEvents(tenantId: string, today: string) {
      return db
        .selectFrom('training_events')
        .select(EVENT_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('status', '=', 'open')
        .where((eb) => eb.or([eb('enrolment_closes_on', 'is', null), eb('enrolment_closes_on', '>=', today)]))
        .orderBy('starts_on')
        .orderBy('id')
        .limit(200)
        .execute();
    },

    listSessions(tenantId: string, eventIds: string[]) {
      if (eventIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('training_sessions')
        .select(['id', 'event_id', 'seq', 'date', 'title', 'minutes'])
        .where('tenant_id', '=', tenantId)
        .where('event_id', 'in', eventIds)
        .orderBy('event_id')
        .orderBy('seq')
        .execute();
    },

    insertSessions(rows: Insertable<TrainingSessionsTable>[]) {
      if (rows.length === 0) return Promise.resolve();
      return db
        .insertInto('training_sessions')
        .values(rows)
        .execute()
        .then(() => undefined);
    },

    updateSession(
      tenantId: string,
      id: string,
      patch: Pick<Updateable<TrainingSessionsTable>, 'seq' | 'date' | 'title' | 'minutes'>,
    ) {
      return db
        .updateTable('training_sessions')
        .set(patch)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
    },

    deleteSessions(tenantId: string, ids: string[]) {
      if (ids.length === 0) return Promise.resolve();
      return db
        .deleteFrom('training_sessions')
        .where('tenant_id', '=', tenantId)
        .where('id', 'in', ids)
        .execute()
        .then(() => undefined);
    },

    /** Sessions among these that have attendance recorded (they cannot be removed). */
    async sessionsWithAttendance(tenantId: string, ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .selectFrom('training_attendance')
        .select('session_id')
        .distinct()
        .where('tenant_id', '=', tenantId)
        .where('session_id', 'in', ids)
        .execute();
      return new Set(rows.map((r) => r.session_id));
    },

    listFacilitators(tenantId: string, eventIds: string[]) {
      if (eventIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('training_facilitators')
        .select(['id', 'event_id', 'user_id', 'name'])
        .where('tenant_id', '=', tenantId)
        .where('event_id', 'in', eventIds)
        .orderBy('event_id')
        .orderBy('id')
        .execute();
    },

    async replaceFacilitators(
      tenantId: string,
      eventId: string,
      rows: Insertable<TrainingFacilitatorsTable>[],
    ) {
      await db
        .deleteFrom('training_facilitators')
        .where('tenant_id', '=', tenantId)
        .where('event_id', '=', eventId)
        .execute();
      if (rows.length > 0) await db.insertInto('training_facilitators').values(rows).execute();
    },

    async isFacilitator(tenantId: string, eventId: string, userId: string) {
      const row = await db
        .selectFrom('training_facilitators')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('event_id', '=', eventId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Applications per status, per event. */
    async countApplications(tenantId: string, eventIds: string[]) {
      const out = new Map<string, Map<string, number>>();
      if (eventIds.length === 0) return out;
      const rows = await db
        .selectFrom('training_applications')
        .select(['event_id', 'status', sql<number>`count(*)::int`.as('n')])
        .where('tenant_id', '=', tenantId)
        .where('event_id', 'in', eventIds)
        .groupBy(['event_id', 'status'])
        .execute();
      for (const r of rows) {
        const m = out.get(r.event_id) ?? new Map<string, number>();
        m.set(r.status, Number(r.n));
        out.set(r.event_id, m);
      }
      return out;
    },
  };
}
