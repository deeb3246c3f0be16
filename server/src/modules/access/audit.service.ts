import type { AuditEntry } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import type { AuditRow } from '../../db/schema.ts';
import { sha256 } from '../../shared/crypto.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import type { Actor } from './access.policy.ts';
import { type AuditFilter, createAuditRepository } from './audit.repository.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  tenantId: string;
  /** A signed-in user, or a label for the system, the command line or the public. */
  actor: Pick<Actor, 'userId' | 'label'> | { userId: null; label: string };
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  meta?: unknown;
}

/** JSON with sorted keys, so the same content always hashes the same, whatever order jsonb returns. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function hashEntry(row: Omit<AuditRow, 'hash'>): string {
  const {
    tenant_id,
    seq,
    id,
    at,
    actor_user_id,
    actor_label,
    action,
    entity_type,
    entity_id,
    before,
    after,
    meta,
    prev_hash,
  } = row;
  return sha256(
    canonical({
      tenant_id,
      seq: Number(seq),
      id,
      at: iso(at),
      actor_user_id,
      actor_label,
      action,
      entity_type,
      entity_id,
      before: typeof before === 'string' ? JSON.parse(before) : before,
      after: typeof after === 'string' ? JSON.parse(after) : after,
      meta: typeof meta === 'string' ? JSON.parse(meta) : meta,
      prev_hash,
    }),
  );
}

/** Strips undefined and turns dates into strings, as jsonb will give them back. */
const asJson = (v: unknown) => (v === undefined || v === null ? null : JSON.parse(JSON.stringify(v)));

function toEntry(r: AuditRow): AuditEntry {
  return {
    seq: Number(r.seq),
    id: r.id,
    at: iso(r.at),
    actorUserId: r.actor_user_id,
    actorLabel: r.actor_label,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before ?? null,
    after: r.after ?? null,
    meta: r.meta ?? null,
  };
}

export interface ChainBreak {
  tenantId: string;
  seq: number;
  id: string | null;
  reason: string;
}

export function createAuditService(db: Database) {
  const repo = createAuditRepository(db);

  /** Appends within the caller's transaction when given one, so a change and its entry commit together. */
  async function recordAudit(event: AuditEvent, trx?: Database): Promise<void> {
    const write = async (tx: Database) => {
      const r = createAuditRepository(tx);
      const head = await r.lockHead(event.tenantId, GENESIS_HASH);
      const row: Omit<AuditRow, 'hash'> = {
        tenant_id: event.tenantId,
        seq: head.seq + 1,
        id: uuidv7(),
        at: new Date(),
        actor_user_id: event.actor.userId,
        actor_label: event.actor.label,
        action: event.action,
        entity_type: event.entityType,
        entity_id: event.entityId ?? null,
        before: asJson(event.before),
        after: asJson(event.after),
        meta: asJson(event.meta),
        prev_hash: head.hash,
      };
      const hash = hashEntry(row);
      await r.appendEntry({
        ...row,
        before: row.before === null ? null : JSON.stringify(row.before),
        after: row.after === null ? null : JSON.stringify(row.after),
        meta: row.meta === null ? null : JSON.stringify(row.meta),
        hash,
      });
    };
    if (trx) await write(trx);
    else await db.transaction().execute(write);
  }

  return {
    recordAudit,

    /** A read of a person's record (or other sensitive record) is an audit entry too. */
    recordRead(event: Omit<AuditEvent, 'before' | 'after' | 'action'> & { action?: string }, trx?: Database) {
      return recordAudit({ ...event, action: event.action ?? `${event.entityType}.read` }, trx);
    },

    async searchAudit(
      tenantId: string,
      q: Omit<AuditFilter, 'tenantId' | 'beforeSeq' | 'from' | 'to'> & {
        cursor?: string;
        from?: string;
        to?: string;
      },
    ) {
      const before = decodeCursor(q.cursor, 1);
      const rows = await repo.searchEntries({
        tenantId,
        limit: q.limit,
        ...(q.action ? { action: q.action } : {}),
        ...(q.entityType ? { entityType: q.entityType } : {}),
        ...(q.entityId ? { entityId: q.entityId } : {}),
        ...(q.actorUserId ? { actorUserId: q.actorUserId } : {}),
        ...(q.from ? { from: new Date(q.from) } : {}),
        ...(q.to ? { to: new Date(q.to) } : {}),
        ...(before ? { beforeSeq: Number(before[0]) } : {}),
      });
      const page = pageFrom(rows, q.limit, (r) => [Number(r.seq)]);
      return { items: page.items.map(toEntry), next: page.next };
    },

    /**
     * Walks every tenant's chain from the start: recomputes each hash, checks the links and that
     * no entry is missing at the end. Returns the first break per tenant.
     */
    async verifyAuditChain(
      onProgress?: (checked: number) => void,
    ): Promise<{ checked: number; breaks: ChainBreak[] }> {
      const breaks: ChainBreak[] = [];
      let checked = 0;
      for (const tenantId of await repo.listTenantIds()) {
        let prevHash = GENESIS_HASH;
        let expectedSeq = 1;
        let broken: ChainBreak | null = null;
        for (;;) {
          const rows = await repo.readChain(tenantId, expectedSeq - 1, 1000);
          for (const row of rows) {
            const seq = Number(row.seq);
            if (seq !== expectedSeq)
              broken = { tenantId, seq: expectedSeq, id: null, reason: `entry ${expectedSeq} is missing` };
            else if (row.prev_hash !== prevHash)
              broken = { tenantId, seq, id: row.id, reason: 'its link to the previous entry is broken' };
            else if (hashEntry(row) !== row.hash)
              broken = { tenantId, seq, id: row.id, reason: 'its content does not match its hash' };
            if (broken) break;
            prevHash = row.hash;
            expectedSeq++;
            checked++;
          }
          onProgress?.(checked);
          if (broken || rows.length < 1000) break;
        }
        if (!broken) {
          const head = await repo.readHead(tenantId);
          if (head && (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash)) {
            broken = {
              tenantId,
              seq: expectedSeq,
              id: null,
              reason: `the chain ends at ${expectedSeq - 1} but its head says ${head.seq}`,
            };
          }
        }
        if (broken) breaks.push(broken);
      }
      return { checked, breaks };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
