import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/** Counts of distinct people reached: one row per oblast, group of assistance types, sex and age band. */
export interface ReachCountRow {
  /** The oblast P-code (UA05), or '' when the ledger row has no place. */
  oblast: string;
  group: string;
  sex: 'F' | 'M' | 'other' | 'unknown';
  ageBand: '0-17' | '18-59' | '60+' | 'unknown';
  people: number;
}

/**
 * Aggregates of the assistance ledger (no row ever names a person). A person counts once per
 * oblast and group however many rows they have; a record merged into another counts as that one.
 * Age bands are today's, from the birth date.
 */
export function createAssistanceReachRepository(db: Database) {
  return {
    async reachCounts(
      tenantId: string,
      groups: Readonly<Record<string, readonly string[]>>,
      otherGroup: string,
    ): Promise<ReachCountRow[]> {
      const cases = Object.entries(groups).filter(([, types]) => types.length > 0);
      const groupOf =
        cases.length === 0
          ? sql<string>`${otherGroup}::text`
          : sql<string>`case ${sql.join(
              cases.map(([key, types]) => sql`when a.type in (${sql.join(types)}) then ${key}::text`),
              sql` `,
            )} else ${otherGroup}::text end`;
      const result = await sql<{
        oblast: string;
        grp: string;
        sex: string;
        age_band: string;
        people: string;
      }>`
        with reached as (
          select distinct coalesce(p.merged_into, p.id) as person_id,
                 coalesce(left(a.place_pcode, 4), '') as oblast,
                 ${groupOf} as grp
          from assistance a
          join persons p on p.tenant_id = a.tenant_id and p.id = a.person_id
          where a.tenant_id = ${tenantId} and a.person_id is not null
        )
        select r.oblast, r.grp, q.sex,
               case
                 when q.birth_date is null then 'unknown'
                 when q.birth_date > current_date - interval '18 years' then '0-17'
                 when q.birth_date > current_date - interval '60 years' then '18-59'
                 else '60+'
               end as age_band,
               count(*) as people
        from reached r
        join persons q on q.tenant_id = ${tenantId} and q.id = r.person_id
        group by 1, 2, 3, 4
      `.execute(db);
      return result.rows.map((r) => ({
        oblast: r.oblast,
        group: r.grp,
        sex: r.sex as ReachCountRow['sex'],
        ageBand: r.age_band as ReachCountRow['ageBand'],
        people: Number(r.people),
      }));
    },
  };
}
