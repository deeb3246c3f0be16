import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { AuditRow } from '../../db/schema.ts';

export interface AuditFilter {
  tenantId: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

export function createAuditRepository(db: Database) {
  return {
    /** Locks the chain head of a tenant (creating it at genesis) and returns it. */
    async lockHead(tenantId: string, genesisHash: string): Promise<{ seq: number; hash: string }> {
      await db
        .insertInto('audit_heads')
        .values({ tenant_id: tenantId, seq: 0, hash: genesisHash })
        .onConflict((oc) => oc.column('tenant_id').doNothing())
        .execute();
      const head = await db
        .selectFrom('audit_heads')
        .select(['seq', 'hash'])
        .where('tenant_id', '=', tenantId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      return { seq: Number(head.seq), hash: head.hash };
    },

    async appendEntry(row: AuditRow) {
      await db.insertInto('audit_log').values(row).execute();
      await db
        .updateTable('audit_heads')
        .set({ seq: row.seq, hash: row.hash })
        .where('tenant_id', '=', row.tenant_id)
        .execute();
    },

    async readHead(tenantId: string) {
      return db
        .selectFrom('audit_heads')
        .select(['seq', 'hash'])
        .where('tenant_id', '=', tenantId)
        .executeTakeFirst();
    },

    async readChain(tenantId: string, afterSeq: number, limit: number): Promise<AuditRow[]> {
      return db
        .selectFrom('audit_log')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
    },

    async listTenantIds(): Promise<string[]> {
      const rows = await db.selectFrom('audit_heads').select('tenant_id').execute();
      return rows.map((r) => r.tenant_id);
    },

    async searchEntries(f: AuditFilter): Promise<AuditRow[]> {
      let q = db
        .selectFrom('audit_log')
        .selectAll()
        .where('tenant_id', '=', f.tenantId)
        .orderBy('seq', 'desc')
        .limit(f.limit + 1);
      if (f.action) q = q.where('action', 'like', `${f.action.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      if (f.entityType) q = q.where('entity_type', '=', f.entityType);
      if (f.entityId) q = q.where('entity_id', '=', f.entityId);
      if (f.actorUserId) q = q.where('actor_user_id', '=', f.actorUserId);
      if (f.from) q = q.where('at', '>=', f.from);
      if (f.to) q = q.where('at', '<', f.to);
      if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
      return q.execute();
    },

    async countEntries(tenantId: string): Promise<number> {
      const r = await db
        .selectFrom('audit_log')
        .select(sql<number>`count(*)`.as('n'))
        .where('tenant_id', '=', tenantId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
