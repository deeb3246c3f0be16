import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { NotificationStatus, NotificationsTable } from '../../db/schema.ts';

export interface NotificationFilter {
  entityType?: string;
  entityId?: string;
  status?: NotificationStatus;
  /** Newest first: the page after (created_at, id). */
  before?: { createdAt: string; id: string };
  limit: number;
}

/** The outbox of messages owed to people, and their delivery state. */
export function createNotificationsRepository(db: Database) {
  return {
    insertNotification(row: Insertable<NotificationsTable>) {
      return db.insertInto('notifications').values(row).returningAll().executeTakeFirstOrThrow();
    },

    findNotification(tenantId: string, id: string) {
      return db
        .selectFrom('notifications')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    listNotifications(tenantId: string, f: NotificationFilter) {
      let q = db
        .selectFrom('notifications')
        .selectAll()
        .where('tenant_id', '=', tenantId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(f.limit + 1);
      if (f.entityType) q = q.where('entity_type', '=', f.entityType);
      if (f.entityId) q = q.where('entity_id', '=', f.entityId);
      if (f.status) q = q.where('status', '=', f.status);
      if (f.before) {
        const { createdAt, id } = f.before;
        q = q.where((eb) =>
          eb.or([
            eb('created_at', '<', new Date(createdAt)),
            eb.and([eb('created_at', '=', new Date(createdAt)), eb('id', '<', id)]),
          ]),
        );
      }
      return q.execute();
    },

    /** Every message about one record, oldest first (what its subject was told). */
    listForEntity(tenantId: string, entityType: string, entityId: string) {
      return db
        .selectFrom('notifications')
        .select(['created_at', 'subject', 'body'])
        .where('tenant_id', '=', tenantId)
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
    },

    /** Queued messages that no sending job has taken yet (left over, or written before SMTP was set). */
    listUnscheduled(tenantId: string, limit: number) {
      return db
        .selectFrom('notifications')
        .select(['id'])
        .where('tenant_id', '=', tenantId)
        .where('status', '=', 'queued')
        .where('job_id', 'is', null)
        .orderBy('created_at')
        .limit(limit)
        .execute();
    },

    attachJob(tenantId: string, id: string, jobId: string) {
      return db
        .updateTable('notifications')
        .set({ job_id: jobId, updated_at: sql`now()`, version: sql`version + 1` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .execute();
    },

    markSent(tenantId: string, id: string, attempts: number) {
      return db
        .updateTable('notifications')
        .set({
          status: 'sent',
          attempts,
          last_error: null,
          sent_at: sql`now()`,
          updated_at: sql`now()`,
          version: sql`version + 1`,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .execute();
    },

    /** One failed attempt; `final` gives the message up. */
    recordFailure(tenantId: string, id: string, attempts: number, error: string, final: boolean) {
      return db
        .updateTable('notifications')
        .set({
          attempts,
          last_error: error,
          ...(final ? { status: 'failed' as const } : {}),
          updated_at: sql`now()`,
          version: sql`version + 1`,
        })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('status', '=', 'queued')
        .execute();
    },

    /** Puts a failed (or stuck) message back in the queue, without a job, for the next scheduling. */
    requeue(tenantId: string, id: string) {
      return db
        .updateTable('notifications')
        .set({ status: 'queued', job_id: null, updated_at: sql`now()`, version: sql`version + 1` })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('status', 'in', ['queued', 'failed'])
        .where('recipient_kind', '<>', 'none')
        .returningAll()
        .executeTakeFirst();
    },
  };
}
