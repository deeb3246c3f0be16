import {
  actorWith,
  buildApprovedDecision,
  buildAward,
  buildCall,
  buildEligibleApplication,
  buildPerson,
  factoryActor,
} from '../../test/factories.ts';
import type { TestApp } from '../../test/test-app.ts';
import { moveApplicationStatus } from './grants.reviews.repository.ts';

/** One valid request per review, committee, award, payment, monitoring and dashboard route. */
interface Example {
  url: string;
  payload?: unknown;
}

interface MatrixContext {
  app: () => TestApp;
  /** The organisation every matrix user belongs to. */
  organisationId: () => string;
  /** The matrix user with the reviewer role: reviewer routes act on its own assignments. */
  reviewerId: () => string;
}

const scores = [
  { criterion: 'viability', score: 4, comment: 'Ринок збуту є.' },
  { criterion: 'jobs', score: 3, comment: 'Два робочі місця.' },
];

/**
 * Every role runs every example, so what a request would use up (an assignment, a proposed
 * decision, an award) is made fresh each time; what it only reads is made once.
 */
export function grantAwardExamples(ctx: MatrixContext): Record<string, () => Promise<Example>> {
  const t = ctx.app;
  const once = <T>(make: () => Promise<T>) => {
    let made: Promise<T> | undefined;
    return () => (made ??= make());
  };
  const manager = () => actorWith(t(), ctx.organisationId(), ['programme_manager']);
  // A budget for hundreds of small grants: every example approves one.
  const sharedCall = once(() => buildCall(t(), { budgetMinor: 1_000_000_000, maxPerGrantMinor: 700_000 }));
  const eligible = async () => buildEligibleApplication(t(), (await sharedCall()).id);
  /** Eligible and moved straight to reviewed: the committee's examples need no scoring. */
  const reviewed = async () => {
    const app = await eligible();
    await moveApplicationStatus(t().db, t().tenantId, app.id, ['screened_eligible'], 'reviewed', null);
    return app;
  };
  const session = async () =>
    t().services.grantsCommittee.createSession(manager(), (await sharedCall()).id, {
      heldOn: '2026-11-20',
      minutes: 'Матриця.',
      attendees: [],
    });
  const proposed = async () => {
    const app = await reviewed();
    return t().services.grantsCommittee.proposeDecision(manager(), (await session()).id, {
      applicationId: app.id,
      outcome: 'approve',
      amountMinor: 100_000,
      reason: null,
    });
  };
  const award = async () => {
    const app = await reviewed();
    const decision = await buildApprovedDecision(t(), (await sharedCall()).id, app.id, {
      outcome: 'approve',
      amountMinor: 100_000,
    });
    return { app, award: await buildAward(t(), decision.id) };
  };
  const sharedAward = once(award);
  /** An award whose application is linked to a consenting person: payments can go through. */
  const payable = async () => {
    const a = await award();
    const actor = factoryActor(t(), ctx.organisationId());
    const person = await buildPerson(t(), ctx.organisationId());
    const row = await t().services.grantScreening.getApplication(actor, a.app.id, false);
    await t().services.grantScreening.linkPerson(actor, a.app.id, {
      personId: person.id,
      version: row.version,
    });
    return a.award;
  };
  /** An application assigned to the matrix reviewer, declared free of conflict when asked. */
  const assigned = async (declare: boolean, scored = false) => {
    const app = await eligible();
    await t().services.grantsReviews.assignReviewers(manager(), app.id, [ctx.reviewerId()]);
    const reviewer = actorWith(t(), ctx.organisationId(), ['reviewer'], ctx.reviewerId());
    if (declare)
      await t().services.grantsReviews.declareConflict(reviewer, app.id, { conflict: false, note: null });
    if (scored) await t().services.grantsReviews.saveScores(reviewer, app.id, scores);
    return app;
  };
  const sharedAssigned = once(() => assigned(true));
  const reviewerUrl = (id: string) => `/api/v1/grants/applications/${id}/review`;

  return {
    // ---- review ----
    'POST /api/v1/grants/applications/:id/reviewers': async () => ({
      url: `/api/v1/grants/applications/${(await eligible()).id}/reviewers`,
      payload: { reviewerIds: [ctx.reviewerId()] },
    }),
    'GET /api/v1/grants/applications/:id/reviews': async () => ({
      url: `/api/v1/grants/applications/${(await sharedAssigned()).id}/reviews`,
    }),
    'POST /api/v1/grants/review-assignments/:id/withdraw': async () => {
      const app = await eligible();
      const r = await t().services.grantsReviews.assignReviewers(manager(), app.id, [ctx.reviewerId()]);
      return { url: `/api/v1/grants/review-assignments/${r.assignments[0]!.id}/withdraw` };
    },
    'GET /api/v1/grants/reviews': async () => ({ url: '/api/v1/grants/reviews' }),
    'POST /api/v1/grants/applications/:id/review/conflict': async () => ({
      url: `${reviewerUrl((await assigned(false)).id)}/conflict`,
      payload: { conflict: false },
    }),
    'GET /api/v1/grants/applications/:id/review': async () => ({
      url: reviewerUrl((await sharedAssigned()).id),
    }),
    'PUT /api/v1/grants/applications/:id/review': async () => ({
      url: reviewerUrl((await sharedAssigned()).id),
      payload: { scores },
    }),
    'POST /api/v1/grants/applications/:id/review/submit': async () => ({
      url: `${reviewerUrl((await assigned(true, true)).id)}/submit`,
    }),
    'GET /api/v1/grants/calls/:id/ranking': async () => ({
      url: `/api/v1/grants/calls/${(await sharedCall()).id}/ranking`,
    }),

    // ---- committee ----
    'GET /api/v1/grants/calls/:id/committee-sessions': async () => ({
      url: `/api/v1/grants/calls/${(await sharedCall()).id}/committee-sessions`,
    }),
    'POST /api/v1/grants/calls/:id/committee-sessions': async () => ({
      url: `/api/v1/grants/calls/${(await sharedCall()).id}/committee-sessions`,
      payload: { heldOn: '2026-11-21', attendees: ['Голова'] },
    }),
    'GET /api/v1/grants/committee-sessions/:id': async () => ({
      url: `/api/v1/grants/committee-sessions/${(await session()).id}`,
    }),
    'PATCH /api/v1/grants/committee-sessions/:id': async () => {
      const s = await session();
      return {
        url: `/api/v1/grants/committee-sessions/${s.id}`,
        payload: { version: s.version, minutes: 'Нове.' },
      };
    },
    'POST /api/v1/grants/committee-sessions/:id/close': async () => {
      const s = await session();
      return { url: `/api/v1/grants/committee-sessions/${s.id}/close`, payload: { version: s.version } };
    },
    'POST /api/v1/grants/committee-sessions/:id/decisions': async () => ({
      url: `/api/v1/grants/committee-sessions/${(await session()).id}/decisions`,
      payload: { applicationId: (await reviewed()).id, outcome: 'waiting_list' },
    }),
    'POST /api/v1/grants/decisions/:id/approve': async () => {
      const d = await proposed();
      return { url: `/api/v1/grants/decisions/${d.id}/approve`, payload: { version: d.version } };
    },
    'POST /api/v1/grants/decisions/:id/withdraw': async () => {
      const d = await proposed();
      return { url: `/api/v1/grants/decisions/${d.id}/withdraw`, payload: { version: d.version } };
    },

    // ---- awards, payments, monitoring, dashboard ----
    'POST /api/v1/grants/awards': async () => {
      const app = await reviewed();
      const decision = await buildApprovedDecision(t(), (await sharedCall()).id, app.id, {
        outcome: 'approve',
        amountMinor: 100_000,
      });
      return { url: '/api/v1/grants/awards', payload: { decisionId: decision.id } };
    },
    'GET /api/v1/grants/awards': async () => ({
      url: `/api/v1/grants/awards?callId=${(await sharedCall()).id}`,
    }),
    'GET /api/v1/grants/awards/:id': async () => ({
      url: `/api/v1/grants/awards/${(await sharedAward()).award.id}`,
    }),
    'PUT /api/v1/grants/awards/:id/plan': async () => {
      const { award: a } = await award();
      return {
        url: `/api/v1/grants/awards/${a.id}/plan`,
        payload: {
          version: a.version,
          tranches: [
            { amountMinor: 60_000, dueDate: '2027-01-10', modality: 'cash' },
            {
              amountMinor: 40_000,
              dueDate: '2027-03-10',
              modality: 'in_kind',
              items: [{ item: 'Витяжка', quantity: 1, unitCostMinor: 40_000 }],
            },
          ],
        },
      };
    },
    'GET /api/v1/grants/awards/:id/agreement.pdf': async () => ({
      url: `/api/v1/grants/awards/${(await sharedAward()).award.id}/agreement.pdf`,
    }),
    'POST /api/v1/grants/awards/:id/payments': async () => {
      const a = await payable();
      return {
        url: `/api/v1/grants/awards/${a.id}/payments`,
        payload: {
          trancheId: a.tranches[0]!.id,
          paidOn: '2026-11-01',
          amountMinor: 50_000,
          reference: 'PP-matrix',
        },
      };
    },
    'GET /api/v1/grants/awards/:id/payments': async () => ({
      url: `/api/v1/grants/awards/${(await sharedAward()).award.id}/payments`,
    }),
    'POST /api/v1/grants/awards/:id/visits': async () => ({
      url: `/api/v1/grants/awards/${(await sharedAward()).award.id}/visits`,
      payload: { visitedOn: '2026-11-02', operating: true, jobsCreated: 1, jobsKept: 1 },
    }),
    'GET /api/v1/grants/awards/:id/visits': async () => ({
      url: `/api/v1/grants/awards/${(await sharedAward()).award.id}/visits`,
    }),
    'GET /api/v1/grants/follow-ups': async () => ({
      url: `/api/v1/grants/follow-ups?callId=${(await sharedCall()).id}`,
    }),
    'POST /api/v1/grants/awards/:id/close': async () => {
      const { award: a } = await award();
      return {
        url: `/api/v1/grants/awards/${a.id}/close`,
        payload: { version: a.version, reason: 'completed' },
      };
    },
    'GET /api/v1/grants/calls/:id/dashboard': async () => ({
      url: `/api/v1/grants/calls/${(await sharedCall()).id}/dashboard`,
    }),
  };
}
