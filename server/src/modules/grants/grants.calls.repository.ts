import { type Insertable, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { GrantCallsTable } from '../../db/schema.ts';

export const CALL_COLUMNS = [
  'tenant_id',
  'id',
  'version',
  'kind',
  'status',
  'title',
  'description',
  'currency',
  'budget_minor',
  'max_per_grant_minor',
  'opens_at',
  'closes_at',
  'eligibility_rules',
  'required_documents',
  'scoring_rubric',
  'form_id',
  'form_version',
  'reviewers_per_application',
  'project_id',
  'opened_at',
  'closed_at',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
] as const;

export interface CallFilters {
  status?: 'draft' | 'open' | 'closed' | undefined;
  kind?: 'business' | 'youth' | 'community' | undefined;
  /** null = every project. */
  projectScope: readonly string[] | null;
}

export function createCallsRepository(db: Database) {
  return {
    insertCall(row: Insertable<GrantCallsTable>) {
      return db.insertInto('grant_calls').values(row).returning(CALL_COLUMNS).executeTakeFirstOrThrow();
    },

    findCall(tenantId: string, id: string, forUpdate = false) {
      let q = db
        .selectFrom('grant_calls')
        .select(CALL_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id);
      if (forUpdate) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    /** Optimistic concurrency: nothing is changed (undefined) when the version is stale. */
    updateCall(tenantId: string, id: string, version: number, patch: Updateable<GrantCallsTable>) {
      return db
        .updateTable('grant_calls')
        .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(CALL_COLUMNS)
        .executeTakeFirst();
    },

    listCalls(
      tenantId: string,
      f: CallFilters,
      after: { createdAt: string; id: string } | undefined,
      limit: number,
    ) {
      let q = db
        .selectFrom('grant_calls')
        .select(CALL_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (f.status) q = q.where('status', '=', f.status);
      if (f.kind) q = q.where('kind', '=', f.kind);
      if (f.projectScope) {
        const scope = f.projectScope;
        q = q.where((eb) =>
          eb.or([eb('project_id', 'is', null), ...(scope.length ? [eb('project_id', 'in', scope)] : [])]),
        );
      }
      if (after) {
        q = q.where((eb) =>
          eb.or([
            eb('created_at', '<', new Date(after.createdAt)),
            eb.and([eb('created_at', '=', new Date(after.createdAt)), eb('id', '<', after.id)]),
          ]),
        );
      }
      return q.execute();
    },

    /** Calls the public sees: open now, soonest closing first. */
    listOpenCalls(tenantId: string, now: Date) {
      return db
        .selectFrom('grant_calls')
        .select(CALL_COLUMNS)
        .where('tenant_id', '=', tenantId)
        .where('status', '=', 'open')
        .where('opens_at', '<=', now)
        .where('closes_at', '>', now)
        .orderBy('closes_at')
        .orderBy('id')
        .limit(200)
        .execute();
    },

    async applicationCounts(tenantId: string, callId: string) {
      const rows = await db
        .selectFrom('grant_applications')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('tenant_id', '=', tenantId)
        .where('call_id', '=', callId)
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },
  };
}

export type CallRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createCallsRepository>['findCall']>>>;
