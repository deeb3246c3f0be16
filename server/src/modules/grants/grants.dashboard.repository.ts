import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

interface Counts {
  applied: number;
  eligible: number;
  scored: number;
  approved: number;
  paid: number;
  operating6: number;
  committed: string;
  paid_minor: string;
}

/**
 * The call dashboard in SQL, from the records themselves: one row of facts per submitted
 * application (eligible after any override, scored, approved with its amount, paid, operating at
 * the 6-month follow-up), then counted and summed overall, by oblast and by applicant group.
 */
export function createDashboardRepository(db: Database) {
  const facts = (tenantId: string, callId: string) => sql`
    select
      a.id,
      left(a.oblast_pcode, 4) as oblast,
      a.groups,
      coalesce(s.override_result, s.automatic_result) = 'eligible' as eligible,
      exists (
        select 1 from grant_review_assignments ra
        where ra.tenant_id = a.tenant_id and ra.application_id = a.id and ra.status = 'submitted'
      ) as scored,
      d.amount_minor as committed,
      coalesce(aw.paid_minor, 0) as paid_minor,
      exists (
        select 1 from grant_monitoring_visits v
        where v.tenant_id = aw.tenant_id and v.award_id = aw.id and v.follow_up_month = 6 and v.operating
      ) as operating6
    from grant_applications a
    left join grant_screenings s on s.tenant_id = a.tenant_id and s.application_id = a.id
    left join grant_decisions d on d.tenant_id = a.tenant_id and d.application_id = a.id
      and d.status = 'approved' and d.outcome = 'approve'
    left join grant_awards aw on aw.tenant_id = a.tenant_id and aw.application_id = a.id
    where a.tenant_id = ${tenantId} and a.call_id = ${callId} and a.submitted_at is not null`;

  const measures = sql.raw(measuresFor('f'));

  return {
    async callFigures(tenantId: string, callId: string) {
      const [overall, byOblast, byGroup] = await Promise.all([
        sql<Counts>`with f as (${facts(tenantId, callId)}) select ${measures} from f`.execute(db),
        sql<Counts & { oblast: string | null }>`with f as (${facts(tenantId, callId)})
          select f.oblast, ${measures} from f group by f.oblast order by f.oblast nulls last`.execute(db),
        sql<Counts & { grp: string }>`with f as (${facts(tenantId, callId)}),
          g as (select f.*, unnest(f.groups) as grp from f)
          select g.grp, ${sql.raw(measuresFor('g'))} from g group by g.grp order by g.grp`.execute(db),
      ]);
      return { overall: overall.rows[0]!, byOblast: byOblast.rows, byGroup: byGroup.rows };
    },
  };
}

/** Counts and sums of the facts, over the rows named `alias`. */
function measuresFor(alias: string) {
  return `
    count(*)::int as applied,
    count(*) filter (where ${alias}.eligible)::int as eligible,
    count(*) filter (where ${alias}.scored)::int as scored,
    count(*) filter (where ${alias}.committed is not null)::int as approved,
    count(*) filter (where ${alias}.paid_minor > 0)::int as paid,
    count(*) filter (where ${alias}.operating6)::int as operating6,
    coalesce(sum(${alias}.committed), 0)::text as committed,
    coalesce(sum(${alias}.paid_minor), 0)::text as paid_minor`;
}
