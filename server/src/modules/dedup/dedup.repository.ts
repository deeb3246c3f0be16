import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DedupPairStatus, DedupPairsTable } from '../../db/schema.ts';

/** The review queue of proposed duplicates, and the pairs people said are not the same. */
export function createDedupRepository(db: Database) {
  return {
    async insertPairs(rows: Insertable<DedupPairsTable>[]) {
      for (let i = 0; i < rows.length; i += 1000) {
        await db
          .insertInto('dedup_pairs')
          .values(rows.slice(i, i + 1000))
          .onConflict((oc) =>
            oc.columns(['tenant_id', 'person_a', 'person_b']).where('status', '=', 'pending').doNothing(),
          )
          .execute();
      }
    },

    async distinctPairKeys(tenantId: string): Promise<Set<string>> {
      const rows = await db
        .selectFrom('dedup_distinct_pairs')
        .select(['person_a', 'person_b'])
        .where('tenant_id', '=', tenantId)
        .execute();
      return new Set(rows.map((r) => `${r.person_a}|${r.person_b}`));
    },

    listPairs(
      tenantId: string,
      status: DedupPairStatus,
      after: { weight: number; id: string } | undefined,
      limit: number,
      decision?: 'link' | 'review',
    ) {
      let q = db
        .selectFrom('dedup_pairs')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('status', '=', status)
        .orderBy('weight', 'desc')
        .orderBy('id')
        .limit(limit + 1);
      if (decision) q = q.where('decision', '=', decision);
      if (after) {
        q = q.where((eb) =>
          eb.or([
            eb('weight', '<', after.weight),
            eb.and([eb('weight', '=', after.weight), eb('id', '>', after.id)]),
          ]),
        );
      }
      return q.execute();
    },

    findPair(tenantId: string, id: string) {
      return db
        .selectFrom('dedup_pairs')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    /** Decides a pair only if it is still in the state the reviewer saw. */
    decidePair(
      tenantId: string,
      id: string,
      from: DedupPairStatus,
      to: DedupPairStatus,
      userId: string | null,
    ) {
      return db
        .updateTable('dedup_pairs')
        .set({ status: to, decided_by: userId, decided_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('status', '=', from)
        .returningAll()
        .executeTakeFirst();
    },

    rememberDistinct(tenantId: string, a: string, b: string, userId: string | null) {
      return db
        .insertInto('dedup_distinct_pairs')
        .values({ tenant_id: tenantId, person_a: a, person_b: b, decided_by: userId })
        .onConflict((oc) => oc.columns(['tenant_id', 'person_a', 'person_b']).doNothing())
        .execute();
    },
  };
}
