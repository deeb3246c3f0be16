import { type Insertable, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { TrainingAttendanceTable } from '../../db/schema.ts';

/** Who was there, session by session. */
export function createAttendanceRepository(db: Database) {
  return {
    /** Records a session's list; recording it again overwrites (the same list twice changes nothing). */
    async upsertAttendance(rows: Insertable<TrainingAttendanceTable>[]) {
      if (rows.length === 0) return;
      await db
        .insertInto('training_attendance')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['tenant_id', 'session_id', 'application_id']).doUpdateSet((eb) => ({
            present: eb.ref('excluded.present'),
            recorded_at: sql`now()`,
            recorded_by: eb.ref('excluded.recorded_by'),
          })),
        )
        .execute();
    },

    listForSession(tenantId: string, sessionId: string) {
      return db
        .selectFrom('training_attendance')
        .select(['application_id', 'present', 'recorded_at'])
        .where('tenant_id', '=', tenantId)
        .where('session_id', '=', sessionId)
        .execute();
    },

    /** Per participant of an event: sessions attended and their minutes. */
    async attendanceByApplication(tenantId: string, eventId: string) {
      const rows = await db
        .selectFrom('training_attendance as a')
        .innerJoin('training_sessions as s', (j) =>
          j.onRef('s.tenant_id', '=', 'a.tenant_id').onRef('s.id', '=', 'a.session_id'),
        )
        .select([
          'a.application_id',
          sql<number>`count(*)::int`.as('attended'),
          sql<number>`sum(s.minutes)::int`.as('minutes'),
        ])
        .where('a.tenant_id', '=', tenantId)
        .where('a.event_id', '=', eventId)
        .where('a.present', '=', true)
        .groupBy('a.application_id')
        .execute();
      return new Map(
        rows.map((r) => [r.application_id, { attended: Number(r.attended), minutes: Number(r.minutes) }]),
      );
    },
  };
}
