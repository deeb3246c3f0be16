import { type Insertable, sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { GrantMonitoringVisitsTable } from '../../db/schema.ts';

const VISIT_COLUMNS = [
  'id',
  'award_id',
  'visited_on',
  'follow_up_month',
  'operating',
  'jobs_created',
  'jobs_kept',
  'photo_file_ids',
  'notes',
  'created_at',
] as const;

/** Monitoring visits, and what follow-ups need: each award's first payment and visits so far. */
export function createMonitoringRepository(db: Database) {
  return {
    insertVisit(row: Insertable<GrantMonitoringVisitsTable>) {
      return db
        .insertInto('grant_monitoring_visits')
        .values(row)
        .returning(VISIT_COLUMNS)
        .executeTakeFirstOrThrow();
    },

    listVisits(tenantId: string, awardId: string) {
      return db
        .selectFrom('grant_monitoring_visits')
        .select(VISIT_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('award_id', '=', awardId)
        .orderBy('visited_on')
        .orderBy('id')
        .execute();
    },

    /**
     * Active (or all) awards that have been paid, with the day of their first payment and the
     * visits that count as follow-ups.
     */
    listPaidAwards(
      tenantId: string,
      f: {
        callId?: string | undefined;
        awardId?: string | undefined;
        projectScope: readonly string[] | null;
      },
    ) {
      let q = db
        .selectFrom('grant_awards as aw')
        .innerJoin('grant_applications as a', (j) =>
          j.onRef('a.tenant_id', '=', 'aw.tenant_id').onRef('a.id', '=', 'aw.application_id'),
        )
        .innerJoin('grant_calls as c', (j) =>
          j.onRef('c.tenant_id', '=', 'aw.tenant_id').onRef('c.id', '=', 'aw.call_id'),
        )
        .innerJoin(
          (eb) =>
            eb
              .selectFrom('grant_payments')
              .select(['tenant_id', 'award_id', sql<string>`min(paid_on)::text`.as('first_paid_on')])
              .where('tenant_id', '=', tenantId)
              .groupBy(['tenant_id', 'award_id'])
              .as('p'),
          (j) => j.onRef('p.tenant_id', '=', 'aw.tenant_id').onRef('p.award_id', '=', 'aw.id'),
        )
        .select([
          'aw.id',
          'aw.call_id',
          'aw.status',
          'a.reference_code',
          'a.oblast_pcode',
          'p.first_paid_on',
          (eb) =>
            eb
              .selectFrom('grant_monitoring_visits as v')
              .select(
                sql<
                  string | null
                >`string_agg(v.follow_up_month || ':' || v.id, ',' order by v.visited_on)`.as('x'),
              )
              .whereRef('v.tenant_id', '=', 'aw.tenant_id')
              .whereRef('v.award_id', '=', 'aw.id')
              .where('v.follow_up_month', 'is not', null)
              .as('follow_up_visits'),
        ])
        .where('aw.tenant_id', '=', tenantId)
        .orderBy('p.first_paid_on')
        .orderBy('aw.id');
      if (f.callId) q = q.where('aw.call_id', '=', f.callId);
      if (f.awardId) q = q.where('aw.id', '=', f.awardId);
      if (f.projectScope) {
        const scope = f.projectScope;
        q = q.where((e) =>
          e.or([e('c.project_id', 'is', null), ...(scope.length ? [e('c.project_id', 'in', scope)] : [])]),
        );
      }
      return q.execute();
    },
  };
}
