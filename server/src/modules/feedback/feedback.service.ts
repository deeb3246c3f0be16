import type { FeedbackItem, FeedbackListQuery, RespondFeedbackBody } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Crypto } from '../../shared/crypto.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, assertCan, can } from '../access/access.policy.ts';
import type { createAuditService } from '../access/audit.service.ts';
import type { createUsersService } from '../access/users.service.ts';
import { createFeedbackIntakeService } from './feedback.intake.service.ts';
import { summary } from './feedback.mapper.ts';
import { createFeedbackReportingService } from './feedback.reporting.service.ts';
import { createFeedbackRepository, type FeedbackRow } from './feedback.repository.ts';
import { formatReference } from './feedback.rules.ts';

export interface FeedbackDeps {
  crypto: Crypto;
  audit: ReturnType<typeof createAuditService>;
  users: Pick<ReturnType<typeof createUsersService>, 'getUser'>;
  now?: () => Date;
}

/**
 * Feedback and complaints: received from the public (or recorded by staff), followed up with a
 * reference code and secret, handled in a queue with due dates, responses, escalation and closure.
 * Sensitive reports exist only for staff with the designation; everyone else meets a 404 and sees
 * them in aggregate statistics only.
 */
export function createFeedbackService(db: Database, deps: FeedbackDeps) {
  const repo = createFeedbackRepository(db);
  const now = deps.now ?? (() => new Date());

  // Inside a transaction the check must use it: PGlite has one connection, and a read through the
  // pool would wait forever for the transaction holding it.
  async function maySeeSensitive(actor: Actor, trx: Database = db) {
    return can(actor, 'feedback.sensitive.read') && repo.isHandler(actor.tenantId, actor.userId, trx);
  }

  /** The item if this actor may know it exists; the same 404 otherwise. */
  async function visibleItem(actor: Actor, id: string, trx: Database = db) {
    const row = await repo.findById(actor.tenantId, id, trx);
    if (!row || (row.category === 'sensitive' && !(await maySeeSensitive(actor, trx)))) {
      throw new AppError('NOT_FOUND', 'feedback not found');
    }
    return row;
  }

  async function nameOf(tenantId: string, userId: string | null) {
    if (!userId) return null;
    try {
      return (await deps.users.getUser(tenantId, userId)).displayName;
    } catch {
      return null;
    }
  }

  /** A versioned change by staff, audit-logged; 409 on a stale version. */
  async function change(
    actor: Actor,
    id: string,
    version: number,
    action: string,
    build: (row: FeedbackRow) => Parameters<typeof repo.updateVersioned>[3],
    response?: { visibility: 'public' | 'internal'; text: string },
  ) {
    assertCan(actor, 'feedback.handle');
    await db.transaction().execute(async (trx) => {
      const row = await visibleItem(actor, id, trx);
      if (row.status === 'closed') throw new AppError('CONFLICT', 'this feedback is closed');
      const set = build(row);
      const updated = await repo.updateVersioned(actor.tenantId, id, version, set, trx);
      if (!updated) throw new AppError('VERSION_CONFLICT', 'someone changed this feedback: reload it');
      if (response) {
        await repo.insertResponse(
          {
            tenant_id: actor.tenantId,
            id: uuidv7(),
            item_id: id,
            visibility: response.visibility,
            text: response.text,
            created_by: actor.userId,
          },
          trx,
        );
      }
      await deps.audit.recordAudit(
        {
          tenantId: actor.tenantId,
          actor,
          action,
          entityType: 'feedback',
          entityId: id,
          before: { status: row.status, assigneeId: row.assignee_id, escalationLevel: row.escalation_level },
          after: {
            status: updated.status,
            assigneeId: updated.assignee_id,
            escalationLevel: updated.escalation_level,
            ...(response ? { response: response.visibility } : {}),
          },
        },
        trx,
      );
    });
    return getItem(actor, id);
  }

  async function getItem(actor: Actor, id: string): Promise<FeedbackItem> {
    assertCan(actor, 'feedback.read');
    const row = await visibleItem(actor, id);
    const responses = await repo.responses(actor.tenantId, id, false);
    const names = new Map<string, string | null>();
    for (const uid of new Set([...responses.map((r) => r.created_by), row.assignee_id ?? ''])) {
      if (uid) names.set(uid, await nameOf(actor.tenantId, uid));
    }
    return {
      ...summary(row, row.assignee_id ? (names.get(row.assignee_id) ?? null) : null, now()),
      text: row.text,
      contact: row.contact_enc ? deps.crypto.decrypt(row.contact_enc) : null,
      placePcode: row.place_pcode,
      programme: row.programme,
      resolution: row.resolution,
      closedAt: row.closed_at ? iso(row.closed_at) : null,
      escalationReason: row.escalation_reason,
      responses: responses.map((r) => ({
        id: r.id,
        visibility: r.visibility,
        text: r.text,
        by: names.get(r.created_by) ?? '',
        at: iso(r.created_at),
      })),
    };
  }

  return {
    ...createFeedbackIntakeService(db, deps, now),

    async list(actor: Actor, q: FeedbackListQuery) {
      assertCan(actor, 'feedback.read');
      const sensitive = await maySeeSensitive(actor);
      if (q.category === 'sensitive' && !sensitive) return { items: [], total: 0 };
      const reference = q.reference === undefined ? undefined : formatReference(q.reference);
      if (reference === null)
        throw new AppError('VALIDATION_FAILED', 'not a reference code', {
          fields: [{ field: 'reference', message: 'a reference code looks like FB-XXXX-XXXX' }],
        });
      const at = now();
      const { items, total } = await repo.list(
        actor.tenantId,
        {
          ...(q.category ? { category: q.category } : {}),
          ...(q.status ? { status: q.status } : {}),
          ...(q.overdue === undefined ? {} : { overdue: q.overdue }),
          ...(q.escalated === undefined ? {} : { escalated: q.escalated }),
          ...(q.assignee === undefined
            ? {}
            : { assignee: q.assignee === 'none' ? null : q.assignee === 'me' ? actor.userId : q.assignee }),
          ...(reference ? { reference } : {}),
          withoutSensitive: !sensitive,
          limit: q.limit,
          offset: q.offset,
        },
        at,
      );
      const names = new Map<string, string | null>();
      for (const uid of new Set(items.map((r) => r.assignee_id).filter((x): x is string => !!x))) {
        names.set(uid, await nameOf(actor.tenantId, uid));
      }
      return {
        items: items.map((r) => summary(r, r.assignee_id ? (names.get(r.assignee_id) ?? null) : null, at)),
        total,
      };
    },

    getItem,

    respond(actor: Actor, id: string, body: RespondFeedbackBody) {
      return change(
        actor,
        id,
        body.version,
        body.visibility === 'public' ? 'feedback.answered' : 'feedback.noted',
        (row) =>
          body.visibility === 'public'
            ? { status: 'answered' }
            : row.status === 'new'
              ? { status: 'in_progress' }
              : {},
        { visibility: body.visibility, text: body.text },
      );
    },

    async assign(actor: Actor, id: string, version: number, assigneeId: string | null) {
      if (assigneeId) {
        const user = await deps.users.getUser(actor.tenantId, assigneeId);
        if (user.status === 'deactivated') throw new AppError('UNPROCESSABLE', 'this user is deactivated');
      }
      return change(actor, id, version, 'feedback.assigned', (row) => ({
        assignee_id: assigneeId,
        ...(row.status === 'new' && assigneeId ? { status: 'in_progress' as const } : {}),
      }));
    },

    escalate(actor: Actor, id: string, version: number, reason: string) {
      return change(actor, id, version, 'feedback.escalated', (row) => ({
        escalation_level: row.escalation_level + 1,
        escalation_reason: reason,
        ...(row.status === 'new' ? { status: 'in_progress' as const } : {}),
      }));
    },

    close(actor: Actor, id: string, version: number, resolution: string) {
      return change(actor, id, version, 'feedback.closed', () => ({
        status: 'closed',
        resolution,
        closed_at: now(),
      }));
    },

    ...createFeedbackReportingService(db, now),

    async listHandlers(actor: Actor) {
      assertCan(actor, 'feedback.designate');
      const rows = await repo.handlers(actor.tenantId);
      return {
        items: await Promise.all(
          rows.map(async (r) => ({
            userId: r.user_id,
            displayName: (await nameOf(actor.tenantId, r.user_id)) ?? '',
            grantedAt: iso(r.granted_at),
          })),
        ),
      };
    },

    /** The sensitive designation, granted by an admin to a user whose role may handle feedback. */
    async setHandler(actor: Actor, userId: string, granted: boolean) {
      assertCan(actor, 'feedback.designate');
      const user = await deps.users.getUser(actor.tenantId, userId);
      if (granted && !can({ ...actor, roles: user.roles }, 'feedback.sensitive.read')) {
        throw new AppError('UNPROCESSABLE', 'this user’s role may not handle sensitive feedback');
      }
      await db.transaction().execute(async (trx) => {
        if (granted) await repo.grantHandler(actor.tenantId, userId, actor.userId, trx);
        else await repo.revokeHandler(actor.tenantId, userId, trx);
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: granted ? 'feedback.sensitive.granted' : 'feedback.sensitive.revoked',
            entityType: 'user',
            entityId: userId,
          },
          trx,
        );
      });
    },
  };
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;
