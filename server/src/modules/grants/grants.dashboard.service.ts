import type { ApplicantGroup, CallDashboard } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { notFound } from '../../shared/app-error.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import { createCallsRepository } from './grants.calls.repository.ts';
import { scopeOfCall } from './grants.calls.service.ts';
import { createDashboardRepository } from './grants.dashboard.repository.ts';

/** The call dashboard: funnel, money committed and paid, by oblast and by applicant group. */
export function createDashboardService(db: Database) {
  const repo = createDashboardRepository(db);
  const calls = createCallsRepository(db);

  const breakdown = (r: {
    applied: number;
    eligible: number;
    approved: number;
    committed: string;
    paid_minor: string;
  }) => ({
    applied: r.applied,
    eligible: r.eligible,
    approved: r.approved,
    committedMinor: Number(r.committed),
    paidMinor: Number(r.paid_minor),
  });

  return {
    async callDashboard(actor: Actor, callId: string): Promise<CallDashboard> {
      const call = await calls.findCall(actor.tenantId, callId);
      if (!call) throw notFound('call');
      assertCan(actor, 'grants.dashboard.read', scopeOfCall(call));
      const { overall: o, byOblast, byGroup } = await repo.callFigures(actor.tenantId, callId);
      return {
        callId,
        currency: call.currency,
        funnel: {
          applied: o.applied,
          eligible: o.eligible,
          scored: o.scored,
          approved: o.approved,
          paid: o.paid,
          operatingAt6Months: o.operating6,
        },
        money: {
          budgetMinor: Number(call.budget_minor),
          committedMinor: Number(o.committed),
          paidMinor: Number(o.paid_minor),
        },
        byOblast: byOblast.map((r) => ({ oblastPcode: r.oblast, ...breakdown(r) })),
        byGroup: byGroup.map((r) => ({ group: r.grp as ApplicantGroup, ...breakdown(r) })),
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
