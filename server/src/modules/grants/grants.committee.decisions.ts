import type { DecisionOutcome, GrantDecision } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { AppError, notFound } from '../../shared/app-error.ts';
import type { Crypto } from '../../shared/crypto.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { iso } from '../../shared/iso.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import type { AuditService } from '../access/audit.service.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import { FieldProblems } from '../people/people.validation.ts';
import { openApplicant } from './grants.applications.mapper.ts';
import { createApplicationsRepository } from './grants.applications.repository.ts';
import { type CallRow, createCallsRepository } from './grants.calls.repository.ts';
import { DECISION_TEMPLATE, decisionMessage } from './grants.committee.messages.ts';
import {
  createCommitteeRepository,
  type DecisionRow,
  type SessionRow,
} from './grants.committee.repository.ts';
import { formatMoney } from './grants.eligibility.ts';
import { scopeOfApplication } from './grants.reviews.mapper.ts';
import { moveApplicationStatus } from './grants.reviews.repository.ts';

/** Where the committee may decide: reviewed, or back from the waiting list. */
const DECIDABLE = ['reviewed', 'waiting_list'];
const STATUS_AFTER: Record<DecisionOutcome, string> = {
  approve: 'approved',
  waiting_list: 'waiting_list',
  reject: 'rejected',
};

export function toDecision(d: DecisionRow): GrantDecision {
  return {
    id: d.id,
    version: d.version,
    sessionId: d.session_id,
    callId: d.call_id,
    applicationId: d.application_id,
    referenceCode: d.reference_code,
    outcome: d.outcome,
    amountMinor: d.amount_minor === null ? null : Number(d.amount_minor),
    currency: d.currency,
    reason: d.reason,
    status: d.status,
    proposedAt: iso(d.proposed_at),
    approvedAt: d.approved_at ? iso(d.approved_at) : null,
    approvedBy: d.approved_by,
    notificationId: d.notification_id,
  };
}

/** Refuses an amount above the call's maximum per grant or above what remains of its budget. */
function checkAmount(call: CallRow, amount: number, remaining: number) {
  const money = (m: number) => formatMoney(m, call.currency, 'en');
  if (amount > Number(call.max_per_grant_minor)) {
    throw new AppError(
      'UNPROCESSABLE',
      `the amount is above the call's maximum per grant (${money(Number(call.max_per_grant_minor))})`,
      {
        fields: [{ field: 'amountMinor', message: 'above the maximum per grant' }],
      },
    );
  }
  if (amount > remaining) {
    throw new AppError(
      'UNPROCESSABLE',
      `the amount is above what remains of the call's budget (${money(remaining)})`,
      {
        fields: [{ field: 'amountMinor', message: 'above the remaining budget' }],
        remainingMinor: remaining,
      },
    );
  }
}

/** What decisions need of the committee service: the call and session checks, the budget. */
interface CommitteeHelpers {
  loadCall(
    actor: Actor,
    callId: string,
    action: 'grants.committee.manage' | 'grants.committee.approve',
  ): Promise<CallRow>;
  loadSession(actor: Actor, id: string): Promise<{ session: SessionRow; call: CallRow }>;
  budgetOf(call: CallRow, trx?: Database): Promise<{ remainingMinor: number }>;
  stale(what: string): AppError;
}

/**
 * Decisions: proposed in a session, approved by a programme manager. An approval checks the
 * budget under a lock on the call, supersedes an earlier standing decision, moves the application,
 * writes the applicant's message to the outbox and the audit log, in one transaction.
 */
export function createDecisionsService(
  db: Database,
  deps: { crypto: Crypto; audit: AuditService; notifications: NotificationsService },
  { loadCall, loadSession, budgetOf, stale }: CommitteeHelpers,
) {
  const repo = createCommitteeRepository(db);
  const apps = createApplicationsRepository(db);
  return {
    /** The committee's decision on one application, waiting for a programme manager's approval. */
    async proposeDecision(
      actor: Actor,
      sessionId: string,
      body: {
        applicationId: string;
        outcome: DecisionOutcome;
        amountMinor: number | null;
        reason: string | null;
      },
    ) {
      const { session, call } = await loadSession(actor, sessionId);
      if (session.status === 'closed')
        throw new AppError('CONFLICT', 'the session is closed: open a new one');
      const app = await apps.findApplication(actor.tenantId, body.applicationId);
      if (!app || app.call_id !== call.id) {
        const p = new FieldProblems();
        p.add('applicationId', 'not an application of this call');
        p.throwIfAny();
      }
      assertCan(actor, 'grants.committee.manage', scopeOfApplication(call, app!));
      if (!DECIDABLE.includes(app!.status)) {
        throw new AppError(
          'CONFLICT',
          `the committee decides on reviewed applications; this one is ${app!.status.replace('_', ' ')}`,
        );
      }
      if (body.amountMinor !== null)
        checkAmount(call, body.amountMinor, (await budgetOf(call)).remainingMinor);
      const id = uuidv7();
      await db.transaction().execute(async (trx) => {
        try {
          await createCommitteeRepository(trx).insertDecision({
            tenant_id: actor.tenantId,
            id,
            session_id: sessionId,
            call_id: call.id,
            application_id: app!.id,
            outcome: body.outcome,
            amount_minor: body.amountMinor,
            currency: call.currency,
            reason: body.reason,
            proposed_by: actor.userId,
          });
        } catch (error) {
          if ((error as { code?: string }).code === '23505')
            throw new AppError('CONFLICT', 'a decision on this application is already waiting for approval');
          throw error;
        }
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'grant_decision.proposed',
            entityType: 'grant_application',
            entityId: app!.id,
            after: {
              decisionId: id,
              outcome: body.outcome,
              amountMinor: body.amountMinor,
              reason: body.reason,
            },
          },
          trx,
        );
      });
      return toDecision((await repo.findDecision(actor.tenantId, id))!);
    },

    /**
     * A programme manager approves a decision: the budget is checked under a lock on the call,
     * an earlier standing decision is superseded, the application moves, the applicant's message
     * goes to the outbox (in the application's language) and the audit log records it.
     */
    async approveDecision(actor: Actor, decisionId: string, version: number) {
      const d = await repo.findDecision(actor.tenantId, decisionId);
      if (!d) throw notFound('decision');
      const call = await loadCall(actor, d.call_id, 'grants.committee.approve');
      if (d.status !== 'proposed')
        throw new AppError('CONFLICT', `the decision is ${d.status}; only a proposed one is approved`);
      if (d.version !== version) throw stale('decision');
      await db.transaction().execute(async (trx) => {
        const r = createCommitteeRepository(trx);
        // The call row is the lock: two approvals at once cannot both spend the last of the budget.
        const locked = (await createCallsRepository(trx).findCall(actor.tenantId, call.id, true))!;
        const app = (await createApplicationsRepository(trx).findApplication(
          actor.tenantId,
          d.application_id,
          true,
        ))!;
        assertCan(actor, 'grants.committee.approve', scopeOfApplication(call, app));
        if (!DECIDABLE.includes(app.status)) {
          throw new AppError(
            'CONFLICT',
            `the application is ${app.status.replace('_', ' ')} now; this decision no longer applies`,
          );
        }
        const standing = await r.findStanding(actor.tenantId, app.id);
        if (d.amount_minor !== null) {
          const budget = await budgetOf(locked, trx);
          const freed = standing?.outcome === 'approve' ? Number(standing.amount_minor) : 0;
          checkAmount(locked, Number(d.amount_minor), budget.remainingMinor + freed);
        }
        if (
          standing &&
          !(await r.updateDecision(actor.tenantId, standing.id, standing.version, { status: 'superseded' }))
        )
          throw stale('decision');
        const language = app.language;
        const message = decisionMessage(
          {
            referenceCode: app.reference_code,
            callTitle: call.title as { uk: string; en: string },
            outcome: d.outcome,
            amountMinor: d.amount_minor === null ? null : Number(d.amount_minor),
            currency: d.currency,
            reason: d.reason,
          },
          language,
        );
        const email = openApplicant(deps.crypto, app.applicant_encrypted)?.email ?? null;
        const { id: notificationId } = await deps.notifications.enqueueNotification(trx, {
          tenantId: actor.tenantId,
          recipient: email ? { kind: 'email', address: email } : null,
          language,
          templateKey: DECISION_TEMPLATE[d.outcome],
          subject: message.subject,
          body: message.body,
          entityType: 'grant_application',
          entityId: app.id,
          createdBy: actor.userId,
        });
        const approved = await r.updateDecision(actor.tenantId, d.id, d.version, {
          status: 'approved',
          approved_by: actor.userId,
          approved_at: new Date(),
          notification_id: notificationId,
        });
        if (!approved) throw stale('decision');
        if (
          !(await moveApplicationStatus(
            trx,
            actor.tenantId,
            app.id,
            DECIDABLE,
            STATUS_AFTER[d.outcome],
            actor.userId,
          ))
        )
          throw new AppError('CONFLICT', 'the application changed meanwhile: reload');
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'grant_decision.approved',
            entityType: 'grant_application',
            entityId: app.id,
            before: { status: app.status, standingDecisionId: standing?.id ?? null },
            after: {
              status: STATUS_AFTER[d.outcome],
              decisionId: d.id,
              outcome: d.outcome,
              amountMinor: d.amount_minor,
              notificationId,
            },
          },
          trx,
        );
      });
      await deps.notifications.scheduleDelivery(actor.tenantId);
      return toDecision((await repo.findDecision(actor.tenantId, decisionId))!);
    },

    /** Takes back a decision nobody has approved yet. */
    async withdrawDecision(actor: Actor, decisionId: string, version: number) {
      const d = await repo.findDecision(actor.tenantId, decisionId);
      if (!d) throw notFound('decision');
      await loadCall(actor, d.call_id, 'grants.committee.manage');
      if (d.status !== 'proposed')
        throw new AppError('CONFLICT', `the decision is ${d.status}; only a proposed one is withdrawn`);
      await db.transaction().execute(async (trx) => {
        if (
          !(await createCommitteeRepository(trx).updateDecision(actor.tenantId, d.id, version, {
            status: 'withdrawn',
          }))
        )
          throw stale('decision');
        await deps.audit.recordAudit(
          {
            tenantId: actor.tenantId,
            actor,
            action: 'grant_decision.withdrawn',
            entityType: 'grant_application',
            entityId: d.application_id,
            meta: { decisionId: d.id },
          },
          trx,
        );
      });
      return toDecision((await repo.findDecision(actor.tenantId, decisionId))!);
    },

    /** The standing approval of an application (for the award), or null. */
    async standingApproval(tenantId: string, decisionId: string) {
      const d = await repo.findDecision(tenantId, decisionId);
      return d && d.status === 'approved' && d.outcome === 'approve' ? d : null;
    },
  };
}
