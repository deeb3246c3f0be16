import type { CommitteeSession } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { Crypto } from '../../shared/crypto.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { type CallRow, createCallsRepository } from './grants.calls.repository.ts';
import { scopeOfCall } from './grants.calls.service.ts';
import { createDecisionsService, toDecision } from './grants.committee.decisions.ts';
import { createCommitteeRepository, type SessionRow } from './grants.committee.repository.ts';

/**
 * The selection committee: a session per sitting with minutes and attendees; a decision per
 * application (approve with an amount within the call's maximum and remaining budget, waiting
 * list, reject with a reason), approved by a programme manager. An approval moves the
 * application, writes the applicant's message to the outbox and the audit log, in one transaction.
 */
export function createCommitteeService(
  db: Database,
  deps: { crypto: Crypto; audit: AuditService; notifications: NotificationsService },
) {
  const repo = createCommitteeRepository(db);
  const calls = createCallsRepository(db);

  async function loadCall(
    actor: Actor,
    callId: string,
    action: 'grants.committee.manage' | 'grants.committee.approve',
  ) {
    const call = await calls.findCall(actor.tenantId, callId);
    if (!call) throw notFound('call');
    assertCan(actor, action, scopeOfCall(call));
    return call;
  }

  async function loadSession(actor: Actor, id: string) {
    const session = await repo.findSession(actor.tenantId, id);
    if (!session) throw notFound('committee session');
    const call = await loadCall(actor, session.call_id, 'grants.committee.manage');
    return { session, call };
  }

  async function budgetOf(call: CallRow, trx: Database = db) {
    const committed = await createCommitteeRepository(trx).committedMinor(call.tenant_id, call.id);
    const budget = Number(call.budget_minor);
    return {
      currency: call.currency,
      budgetMinor: budget,
      committedMinor: committed,
      remainingMinor: budget - committed,
      maxPerGrantMinor: Number(call.max_per_grant_minor),
    };
  }

  async function toSession(s: SessionRow, call: CallRow): Promise<CommitteeSession> {
    return {
      ...sessionFields(s),
      decisions: (await repo.listDecisionsOfSession(s.tenant_id, s.id)).map(toDecision),
      budget: await budgetOf(call),
    };
  }

  const stale = (what: string) =>
    new AppError('VERSION_CONFLICT', `someone else changed this ${what} meanwhile: reload it and try again`);

  return {
    async createSession(
      actor: Actor,
      callId: string,
      body: { heldOn: string; minutes: string; attendees: string[] },
    ) {
      const call = await loadCall(actor, callId, 'grants.committee.manage');
      const session = await db.transaction().execute(async (trx) => {
        const row = await createCommitteeRepository(trx).insertSession({
          tenant_id: actor.tenantId,
          id: uuidv7(),
          call_id: callId,
          held_on: body.heldOn,
          minutes: body.minutes,
          attendees: body.attendees,
          created_by: actor.userId,
          updated_by: actor.userId,
        });
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'grant_committee.session_created',
            entityType: 'grant_committee_session',
            entityId: row.id,
            after: { callId, heldOn: body.heldOn },
          },
          trx,
        );
        return row;
      });
      return toSession(session, call);
    },

    async listSessions(actor: Actor, callId: string) {
      const call = await loadCall(actor, callId, 'grants.committee.manage');
      const budget = await budgetOf(call);
      return {
        items: (await repo.listSessions(actor.tenantId, callId)).map((s) => ({
          ...sessionFields(s),
          budget,
        })),
      };
    },

    async getSession(actor: Actor, id: string) {
      const { session, call } = await loadSession(actor, id);
      return toSession(session, call);
    },

    async updateSession(
      actor: Actor,
      id: string,
      body: {
        version: number;
        heldOn?: string | undefined;
        minutes?: string | undefined;
        attendees?: string[] | undefined;
      },
    ) {
      const { session, call } = await loadSession(actor, id);
      if (session.status === 'closed')
        throw new AppError('CONFLICT', 'the session is closed; its minutes are final');
      const updated = await db.transaction().execute(async (trx) => {
        const row = await createCommitteeRepository(trx).updateSession(actor.tenantId, id, body.version, {
          ...(body.heldOn !== undefined ? { held_on: body.heldOn } : {}),
          ...(body.minutes !== undefined ? { minutes: body.minutes } : {}),
          ...(body.attendees !== undefined ? { attendees: body.attendees } : {}),
          updated_by: actor.userId,
        });
        if (!row) throw stale('session');
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'grant_committee.session_updated',
            entityType: 'grant_committee_session',
            entityId: id,
            meta: { fields: Object.keys(body).filter((k) => k !== 'version') },
          },
          trx,
        );
        return row;
      });
      return toSession(updated, call);
    },

    /** Closes the minutes; decisions still proposed in it stay to be approved or withdrawn. */
    async closeSession(actor: Actor, id: string, version: number) {
      const { session, call } = await loadSession(actor, id);
      if (session.status === 'closed') throw new AppError('CONFLICT', 'the session is closed already');
      const updated = await db.transaction().execute(async (trx) => {
        const row = await createCommitteeRepository(trx).updateSession(actor.tenantId, id, version, {
          status: 'closed',
          closed_at: new Date(),
          updated_by: actor.userId,
        });
        if (!row) throw stale('session');
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'grant_committee.session_closed',
            entityType: 'grant_committee_session',
            entityId: id,
          },
          trx,
        );
        return row;
      });
      return toSession(updated, call);
    },
    ...createDecisionsService(db, deps, { loadCall, loadSession, budgetOf, stale }),
  };
}

function sessionFields(s: SessionRow) {
  return {
    id: s.id,
    version: s.version,
    callId: s.call_id,
    heldOn: s.held_on,
    minutes: s.minutes,
    attendees: s.attendees,
    status: s.status,
    closedAt: s.closed_at ? iso(s.closed_at) : null,
    createdAt: iso(s.created_at),
    updatedAt: iso(s.updated_at),
  };
}

export type CommitteeService = ReturnType<typeof createCommitteeService>;
