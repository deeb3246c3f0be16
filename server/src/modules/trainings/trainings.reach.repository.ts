import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export interface TrainedRow {
  key: string;
  total: number;
  female: number;
  male: number;
  other_or_unknown: number;
  age_0_17: number;
  age_18_59: number;
  age_60_plus: number;
  age_unknown: number;
}

export interface AudienceRow {
  key: string;
  sessions: number;
  alumni: number;
  f_0_17: number;
  f_18_59: number;
  f_60_plus: number;
  m_0_17: number;
  m_18_59: number;
  m_60_plus: number;
  total: number;
}

/**
 * Cascade reach, counted in SQL from the records: the people a training trained (completers by
 * its rule, distinct persons) and the audiences of the awareness sessions its alumni ran. Rows
 * are grouped per event (`key` = event id) or per project (`key` = project code).
 */
export function createReachRepository(db: Database) {
  const keyOf = (by: 'event' | 'project') => (by === 'event' ? sql.ref('e.id') : sql.ref('e.project_code'));

  return {
    async trained(tenantId: string, eventIds: string[], by: 'event' | 'project'): Promise<TrainedRow[]> {
      if (eventIds.length === 0) return [];
      const key = keyOf(by);
      const { rows } = await sql<TrainedRow>`
        with sessions as (
          select event_id, count(*) as n from training_sessions
          where tenant_id = ${tenantId} and event_id in (${sql.join(eventIds)})
          group by event_id
        ), attended as (
          select application_id, count(*) as k from training_attendance
          where tenant_id = ${tenantId} and event_id in (${sql.join(eventIds)}) and present
          group by application_id
        ), completers as (
          select ${key}::text as key, ap.person_id, ap.sex, ap.age_band
          from training_applications ap
          join training_events e on e.tenant_id = ap.tenant_id and e.id = ap.event_id
          join sessions s on s.event_id = ap.event_id
          left join attended a on a.application_id = ap.id
          where ap.tenant_id = ${tenantId} and ap.event_id in (${sql.join(eventIds)})
            and ap.status = 'selected'
            and coalesce(a.k, 0) * 100 >= e.completion_min_percent * s.n
        )
        select key,
          count(distinct person_id)::int as total,
          count(distinct person_id) filter (where sex = 'F')::int as female,
          count(distinct person_id) filter (where sex = 'M')::int as male,
          count(distinct person_id) filter (where sex not in ('F', 'M'))::int as other_or_unknown,
          count(distinct person_id) filter (where age_band = '0-17')::int as age_0_17,
          count(distinct person_id) filter (where age_band = '18-59')::int as age_18_59,
          count(distinct person_id) filter (where age_band = '60+')::int as age_60_plus,
          count(distinct person_id) filter (where age_band is null)::int as age_unknown
        from completers group by key`.execute(db);
      return rows;
    },

    async audiences(tenantId: string, eventIds: string[], by: 'event' | 'project'): Promise<AudienceRow[]> {
      if (eventIds.length === 0) return [];
      const key = keyOf(by);
      const { rows } = await sql<AudienceRow>`
        select ${key}::text as key,
          count(*)::int as sessions,
          count(distinct w.alumnus_application_id)::int as alumni,
          coalesce(sum(w.f_0_17), 0)::int as f_0_17,
          coalesce(sum(w.f_18_59), 0)::int as f_18_59,
          coalesce(sum(w.f_60_plus), 0)::int as f_60_plus,
          coalesce(sum(w.m_0_17), 0)::int as m_0_17,
          coalesce(sum(w.m_18_59), 0)::int as m_18_59,
          coalesce(sum(w.m_60_plus), 0)::int as m_60_plus,
          coalesce(sum(w.total), 0)::int as total
        from awareness_sessions w
        join training_events e on e.tenant_id = w.tenant_id and e.id = w.event_id
        where w.tenant_id = ${tenantId} and w.event_id in (${sql.join(eventIds)})
        group by key`.execute(db);
      return rows;
    },

    /** The events of a project, newest first. */
    eventsOfProject(tenantId: string, projectCode: string) {
      return db
        .selectFrom('training_events')
        .select(['id', 'title', 'project_code'])
        .where('tenant_id', '=', tenantId)
        .where('project_code', '=', projectCode)
        .where('status', '!=', 'cancelled')
        .orderBy('starts_on', 'desc')
        .orderBy('id', 'desc')
        .limit(1000)
        .execute();
    },
  };
}
