import { type Insertable, sql, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type {
  GrantAwardsTable,
  GrantPaymentsTable,
  GrantTrancheItemsTable,
  GrantTranchesTable,
} from '../../db/schema.ts';

const AWARD_COLUMNS = [
  'aw.tenant_id',
  'aw.id',
  'aw.version',
  'aw.call_id',
  'aw.application_id',
  'aw.decision_id',
  'aw.grantor_org_id',
  'aw.amount_minor',
  'aw.currency',
  'aw.paid_minor',
  'aw.language',
  'aw.obligations',
  'aw.issued_on',
  'aw.status',
  'aw.closure_reason',
  'aw.closure_note',
  'aw.closed_at',
  'aw.closed_by',
  'aw.created_at',
  'aw.created_by',
  'aw.updated_at',
  'aw.updated_by',
] as const;

/** Awards, their disbursement plans (tranches and procurement lines) and payments. */
export function createAwardsRepository(db: Database) {
  const awards = (tenantId: string) =>
    db
      .selectFrom('grant_awards as aw')
      .innerJoin('grant_applications as a', (j) =>
        j.onRef('a.tenant_id', '=', 'aw.tenant_id').onRef('a.id', '=', 'aw.application_id'),
      )
      .select([
        ...AWARD_COLUMNS,
        'a.reference_code',
        'a.oblast_pcode',
        (eb) =>
          eb
            .selectFrom('grant_payments as p')
            .select(sql<string | null>`min(p.paid_on)::text`.as('first'))
            .whereRef('p.tenant_id', '=', 'aw.tenant_id')
            .whereRef('p.award_id', '=', 'aw.id')
            .as('first_paid_on'),
      ])
      .where('aw.tenant_id', '=', tenantId);

  return {
    insertAward(row: Insertable<GrantAwardsTable>) {
      return db.insertInto('grant_awards').values(row).execute();
    },

    findAward(tenantId: string, id: string, forUpdate = false) {
      let q = awards(tenantId).where('aw.id', '=', id);
      if (forUpdate) q = q.forUpdate();
      return q.executeTakeFirst();
    },

    findByApplication(tenantId: string, applicationId: string) {
      return awards(tenantId).where('aw.application_id', '=', applicationId).executeTakeFirst();
    },

    listAwards(
      tenantId: string,
      f: {
        callId?: string | undefined;
        status?: 'active' | 'closed' | undefined;
        projectScope: readonly string[] | null;
      },
      after: string | undefined,
      limit: number,
    ) {
      let q = awards(tenantId)
        .orderBy('aw.id', 'desc')
        .limit(limit + 1);
      if (f.callId) q = q.where('aw.call_id', '=', f.callId);
      if (f.status) q = q.where('aw.status', '=', f.status);
      if (f.projectScope) {
        const scope = f.projectScope;
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('grant_calls as c')
              .select('c.id')
              .whereRef('c.tenant_id', '=', 'aw.tenant_id')
              .whereRef('c.id', '=', 'aw.call_id')
              .where((e) =>
                e.or([
                  e('c.project_id', 'is', null),
                  ...(scope.length ? [e('c.project_id', 'in', scope)] : []),
                ]),
              ),
          ),
        );
      }
      if (after) q = q.where('aw.id', '<', after);
      return q.execute();
    },

    updateAward(tenantId: string, id: string, version: number, patch: Updateable<GrantAwardsTable>) {
      return db
        .updateTable('grant_awards')
        .set({ ...patch, version: sql`version + 1`, updated_at: sql`now()` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('version', '=', version)
        .returning(['id'])
        .executeTakeFirst();
    },

    listTranches(tenantId: string, awardIds: readonly string[]) {
      if (awardIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('grant_tranches')
        .select(['id', 'award_id', 'seq', 'amount_minor', 'due_date', 'condition', 'modality', 'paid_minor'])
        .where('tenant_id', '=', tenantId)
        .where('award_id', 'in', awardIds)
        .orderBy('award_id')
        .orderBy('seq')
        .execute();
    },

    listItems(tenantId: string, trancheIds: readonly string[]) {
      if (trancheIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom('grant_tranche_items')
        .select(['tranche_id', 'seq', 'item', 'quantity', 'unit_cost_minor', 'supplier'])
        .where('tenant_id', '=', tenantId)
        .where('tranche_id', 'in', trancheIds)
        .orderBy('tranche_id')
        .orderBy('seq')
        .execute();
    },

    /** Replaces a plan that has no payments yet. */
    async replacePlan(
      tenantId: string,
      awardId: string,
      tranches: Insertable<GrantTranchesTable>[],
      items: Insertable<GrantTrancheItemsTable>[],
    ) {
      const old = db
        .selectFrom('grant_tranches')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('award_id', '=', awardId);
      await db
        .deleteFrom('grant_tranche_items')
        .where('tenant_id', '=', tenantId)
        .where('tranche_id', 'in', old)
        .execute();
      await db
        .deleteFrom('grant_tranches')
        .where('tenant_id', '=', tenantId)
        .where('award_id', '=', awardId)
        .execute();
      if (tranches.length) await db.insertInto('grant_tranches').values(tranches).execute();
      if (items.length) await db.insertInto('grant_tranche_items').values(items).execute();
    },

    insertPayment(row: Insertable<GrantPaymentsTable>) {
      return db.insertInto('grant_payments').values(row).execute();
    },

    listPayments(tenantId: string, awardId: string) {
      return db
        .selectFrom('grant_payments as p')
        .innerJoin('grant_tranches as t', (j) =>
          j.onRef('t.tenant_id', '=', 'p.tenant_id').onRef('t.id', '=', 'p.tranche_id'),
        )
        .select([
          'p.id',
          'p.award_id',
          'p.tranche_id',
          't.seq as tranche_seq',
          'p.paid_on',
          'p.amount_minor',
          'p.currency',
          'p.reference',
          'p.assistance_id',
          'p.created_at',
        ])
        .where('p.tenant_id', '=', tenantId)
        .where('p.award_id', '=', awardId)
        .orderBy('p.paid_on')
        .orderBy('p.id')
        .execute();
    },
  };
}

export type AwardRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createAwardsRepository>['findAward']>>
>;
export type TrancheRow = Awaited<
  ReturnType<ReturnType<typeof createAwardsRepository>['listTranches']>
>[number];
