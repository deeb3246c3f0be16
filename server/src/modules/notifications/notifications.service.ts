import type { Locale, NotificationStatus } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { Crypto } from '../../shared/crypto.ts';
import { decodeCursor, pageFrom } from '../../shared/cursor.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import type { Actor } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import { type JobHandler, PermanentJobError } from '../jobs/jobs.runner.ts';
import type { JobsService } from '../jobs/jobs.service.ts';
import { type Mailer, maskAddress, sendErrorKind } from './notifications.mailer.ts';
import { toNotification } from './notifications.mapper.ts';
import { createNotificationsRepository } from './notifications.repository.ts';

export const NOTIFICATION_SEND_JOB = 'notifications.send';
/** Attempts per message before it is given up (the job runner waits 10 s, 20 s between them). */
export const NOTIFICATION_MAX_ATTEMPTS = 3;

export interface NewNotification {
  tenantId: string;
  /** Null when the person left no address: the message is kept for staff, marked as not sendable. */
  recipient: { kind: 'email'; address: string } | null;
  language: Locale;
  templateKey: string;
  subject: string;
  body: string;
  entityType: string;
  entityId: string;
  createdBy: string | null;
}

/**
 * The notification outbox. A service writes a message inside its own transaction
 * (`enqueueNotification(trx, …)`), so a decision and the message announcing it commit together;
 * after the commit it calls `scheduleDelivery`, which hands queued messages to durable jobs that
 * send them by email when SMTP is configured. Without SMTP they stay queued and visible.
 */
export function createNotificationsService(
  db: Database,
  deps: { crypto: Crypto; jobs: JobsService; audit: AuditService; mailer: Mailer },
) {
  const repo = createNotificationsRepository(db);
  const { mailer } = deps;

  const sendOne: JobHandler<{ notificationId: string }> = async ({ job, payload }) => {
    const tenantId = job.tenant_id;
    const n = await repo.findNotification(tenantId, payload.notificationId);
    if (n?.status !== 'queued') return { skipped: n?.status ?? 'missing' };
    // Another job took this message over (it was rescheduled): that one sends it.
    if (n.job_id && n.job_id !== job.id) return { skipped: 'rescheduled' };
    if (!mailer.configured || !n.recipient_encrypted)
      throw new PermanentJobError('no SMTP server is configured');
    const attempts = n.attempts + 1;
    try {
      await mailer.send({ to: deps.crypto.decrypt(n.recipient_encrypted), subject: n.subject, text: n.body });
    } catch (error) {
      const final = job.attempts >= job.max_attempts;
      const kind = sendErrorKind(error);
      await repo.recordFailure(tenantId, n.id, attempts, kind, final);
      if (final) throw new PermanentJobError(`sending failed (${kind}); given up`);
      throw new Error(`sending failed (${kind}); will retry`);
    }
    await repo.markSent(tenantId, n.id, attempts);
    return { sent: n.id };
  };

  async function loadNotification(tenantId: string, id: string) {
    const row = await repo.findNotification(tenantId, id);
    if (!row) throw notFound('notification');
    return row;
  }

  async function scheduleDelivery(tenantId: string) {
    if (!mailer.configured) return 0;
    const due = await repo.listUnscheduled(tenantId, 500);
    for (const { id } of due) {
      const j = await deps.jobs.enqueueJob(
        tenantId,
        NOTIFICATION_SEND_JOB,
        { notificationId: id },
        { maxAttempts: NOTIFICATION_MAX_ATTEMPTS },
      );
      await repo.attachJob(tenantId, id, j.id);
    }
    return due.length;
  }

  return {
    sendOne,
    scheduleDelivery,
    smtpConfigured: mailer.configured,

    /** Writes a message inside the caller's transaction; call `scheduleDelivery` after the commit. */
    async enqueueNotification(trx: Database, n: NewNotification) {
      const address = n.recipient?.address.trim() || null;
      const row = await createNotificationsRepository(trx).insertNotification({
        tenant_id: n.tenantId,
        id: uuidv7(),
        recipient_kind: address ? 'email' : 'none',
        recipient_encrypted: address ? deps.crypto.encrypt(address) : null,
        recipient_masked: address ? maskAddress(address) : null,
        language: n.language,
        template_key: n.templateKey,
        subject: n.subject,
        body: n.body,
        entity_type: n.entityType,
        entity_id: n.entityId,
        status: address ? 'queued' : 'failed',
        last_error: address ? null : 'NO_ADDRESS',
        created_by: n.createdBy,
      });
      return { id: row.id };
    },

    async listNotifications(
      actor: Actor,
      q: {
        entityType?: string;
        entityId?: string;
        status?: NotificationStatus;
        cursor?: string;
        limit: number;
      },
    ) {
      const before = decodeCursor(q.cursor, 2);
      const rows = await repo.listNotifications(actor.tenantId, {
        ...(q.entityType ? { entityType: q.entityType } : {}),
        ...(q.entityId ? { entityId: q.entityId } : {}),
        ...(q.status ? { status: q.status } : {}),
        ...(before ? { before: { createdAt: String(before[0]), id: String(before[1]) } } : {}),
        limit: q.limit,
      });
      const page = pageFrom(rows, q.limit, (r) => [iso(r.created_at), r.id]);
      return { items: page.items.map((r) => toNotification(r, mailer.configured)), next: page.next };
    },

    /**
     * What a record's subject has been told, whether or not the mail went out: an applicant's
     * status page shows these.
     */
    async publicMessagesFor(tenantId: string, entityType: string, entityId: string) {
      const rows = await repo.listForEntity(tenantId, entityType, entityId);
      return rows.map((r) => ({
        at: iso(r.created_at),
        subject: r.subject,
        body: r.body,
      }));
    },

    async getNotification(actor: Actor, id: string) {
      return toNotification(await loadNotification(actor.tenantId, id), mailer.configured);
    },

    /** Sends a failed or waiting message again (after fixing SMTP, say). */
    async retryNotification(actor: Actor, id: string) {
      const before = await loadNotification(actor.tenantId, id);
      if (before.recipient_kind === 'none')
        throw new AppError(
          'UNPROCESSABLE',
          'this message has no address to send to: tell the person another way',
        );
      if (before.status === 'sent') throw new AppError('CONFLICT', 'this message was already sent');
      await db.transaction().execute(async (trx) => {
        const requeued = await createNotificationsRepository(trx).requeue(actor.tenantId, id);
        if (!requeued) throw new AppError('CONFLICT', 'this message changed meanwhile');
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'notification.retried',
            entityType: 'notification',
            entityId: id,
            meta: { previousStatus: before.status, attempts: before.attempts },
          },
          trx,
        );
      });
      await scheduleDelivery(actor.tenantId);
      return toNotification(await loadNotification(actor.tenantId, id), mailer.configured);
    },

    /** Hands every queued message without a sending job to one (e.g. after SMTP was configured). */
    async deliverQueued(actor: Actor) {
      return { scheduled: await scheduleDelivery(actor.tenantId), smtpConfigured: mailer.configured };
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
