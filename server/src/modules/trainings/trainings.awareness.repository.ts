import { type Insertable, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { AwarenessSessionsTable } from '../../db/schema.ts';

export const AWARENESS_COLUMNS = [
  'id',
  'date',
  'topic',
  'venue',
  'place_pcode',
  'f_0_17',
  'f_18_59',
  'f_60_plus',
  'm_0_17',
  'm_18_59',
  'm_60_plus',
  'total',
  'materials',
  'photo_file_ids',
  'facilitator_user_id',
  'facilitator_name',
  'alumnus_application_id',
  'event_id',
  'project_code',
  'created_at',
] as const;

/** Awareness sessions, their audiences as counts; alumni's links to grant applications. */
export function createAwarenessRepository(db: Database) {
  return {
    insertSession(row: Insertable<AwarenessSessionsTable>) {
      return db
        .insertInto('awareness_sessions')
        .values(row)
        .returning(AWARENESS_COLUMNS)
        .executeTakeFirstOrThrow();
    },

    listSessions(
      tenantId: string,
      f: { eventId?: string | undefined; alumnusApplicationId?: string | undefined },
      after: { date: string; id: string } | undefined,
      limit: number,
    ) {
      let q = db
        .selectFrom('awareness_sessions')
        .select(AWARENESS_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (f.eventId) q = q.where('event_id', '=', f.eventId);
      if (f.alumnusApplicationId) q = q.where('alumnus_application_id', '=', f.alumnusApplicationId);
      if (after) {
        q = q.where((eb) =>
          eb.or([
            eb('date', '<', after.date),
            eb.and([eb('date', '=', after.date), eb('id', '<', after.id)]),
          ]),
        );
      }
      return q.execute();
    },

    /** Per alumnus of an event: sessions run and people reached. */
    async byAlumnus(tenantId: string, eventId: string) {
      const rows = await db
        .selectFrom('awareness_sessions')
        .select([
          'alumnus_application_id',
          sql<number>`count(*)::int`.as('sessions'),
          sql<number>`sum(total)::int`.as('audience'),
        ])
        .where('tenant_id', '=', tenantId)
        .where('event_id', '=', eventId)
        .groupBy('alumnus_application_id')
        .execute();
      return new Map(
        rows.map((r) => [
          r.alumnus_application_id!,
          { sessions: Number(r.sessions), audience: Number(r.audience) },
        ]),
      );
    },

    linkGrant(tenantId: string, applicationId: string, grantApplicationId: string, userId: string | null) {
      return db
        .insertInto('training_alumni_grants')
        .values({
          tenant_id: tenantId,
          application_id: applicationId,
          grant_application_id: grantApplicationId,
          linked_by: userId,
        })
        .onConflict((oc) => oc.columns(['tenant_id', 'application_id', 'grant_application_id']).doNothing())
        .execute();
    },

    async grantLinks(tenantId: string, applicationIds: string[]) {
      const out = new Map<string, string[]>();
      if (applicationIds.length === 0) return out;
      const rows = await db
        .selectFrom('training_alumni_grants')
        .select(['application_id', 'grant_application_id'])
        .where('tenant_id', '=', tenantId)
        .where('application_id', 'in', applicationIds)
        .orderBy('linked_at')
        .execute();
      for (const r of rows)
        out.set(r.application_id, [...(out.get(r.application_id) ?? []), r.grant_application_id]);
      return out;
    },
  };
}
