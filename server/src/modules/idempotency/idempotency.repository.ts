import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export interface IdempotencyScope {
  tenantId: string;
  owner: string;
  key: string;
}

export function createIdempotencyRepository(db: Database) {
  const where = (s: IdempotencyScope) =>
    db
      .selectFrom('idempotency_keys')
      .where('tenant_id', '=', s.tenantId)
      .where('owner', '=', s.owner)
      .where('key', '=', s.key);

  return {
    /** Claims the key for a new request; false when it was claimed before. */
    async claimKey(s: IdempotencyScope, requestHash: string): Promise<boolean> {
      const r = await db
        .insertInto('idempotency_keys')
        .values({ tenant_id: s.tenantId, owner: s.owner, key: s.key, request_hash: requestHash })
        .onConflict((oc) => oc.columns(['tenant_id', 'owner', 'key']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    findKey(s: IdempotencyScope) {
      return where(s).select(['request_hash', 'status_code', 'response_body']).executeTakeFirst();
    },

    saveResponse(s: IdempotencyScope, statusCode: number, body: string) {
      return db
        .updateTable('idempotency_keys')
        .set({ status_code: statusCode, response_body: body })
        .where('tenant_id', '=', s.tenantId)
        .where('owner', '=', s.owner)
        .where('key', '=', s.key)
        .execute();
    },

    releaseKey(s: IdempotencyScope) {
      return db
        .deleteFrom('idempotency_keys')
        .where('tenant_id', '=', s.tenantId)
        .where('owner', '=', s.owner)
        .where('key', '=', s.key)
        .execute();
    },

    purgeOlderThan(hours: number) {
      return db
        .deleteFrom('idempotency_keys')
        .where('created_at', '<', sql<Date>`now() - make_interval(hours => ${hours})`)
        .execute();
    },
  };
}
