import type { ApplicantGroup, ApplicationStatus, CallRanking } from '@oselia/contracts';
import type { Database } from '../../db/database.ts';
import { notFound } from '../../shared/app-error.ts';
import type { Crypto } from '../../shared/crypto.ts';
import { type Actor, assertCan } from '../access/access.policy.ts';
import { rubricOf } from './grants.calls.mapper.ts';
import { createCallsRepository } from './grants.calls.repository.ts';
import { scopeOfCall } from './grants.calls.service.ts';
import { nameOf } from './grants.reviews.mapper.ts';
import { createReviewsRepository } from './grants.reviews.repository.ts';
import { agreementOf, rankByMean, STRONG_DISAGREEMENT_SPREAD } from './grants.reviews.rules.ts';

/**
 * Every application of a call in or past review, ranked by the mean of its reviewers' weighted
 * totals, with their spread and the strong-disagreement flag, and the mean per criterion.
 */
export async function rankCall(
  db: Database,
  crypto: Crypto,
  actor: Actor,
  callId: string,
): Promise<CallRanking> {
  const repo = createReviewsRepository(db);
  const calls = createCallsRepository(db);

  const call = await calls.findCall(actor.tenantId, callId);
  if (!call) throw notFound('call');
  assertCan(actor, 'grants.reviews.read', scopeOfCall(call));
  const [applications, reviews] = await Promise.all([
    repo.listRankable(actor.tenantId, callId),
    repo.listSubmittedForCall(actor.tenantId, callId),
  ]);
  const rubric = rubricOf(call);
  const rows = applications
    .filter((a) => !actor.oblastScope || actor.oblastScope.some((o) => (a.oblast_pcode ?? '').startsWith(o)))
    .map((a) => {
      const mine = reviews.filter((r) => r.application_id === a.id);
      const totals = new Map(mine.map((r) => [r.id, r.weighted_total!]));
      const agreement = agreementOf([...totals.values()]);
      return {
        key: a.reference_code,
        applicationId: a.id,
        referenceCode: a.reference_code,
        organisationName: nameOf(crypto, a.applicant_encrypted).organisationName,
        oblastPcode: a.oblast_pcode,
        groups: a.groups as ApplicantGroup[],
        status: a.status as ApplicationStatus,
        requestedAmountMinor: a.requested_minor === null ? null : Number(a.requested_minor),
        reviewsSubmitted: totals.size,
        reviewsRequired: call.reviewers_per_application,
        ...agreement,
        criteria: rubric.criteria.map((c) => {
          const s = mine.filter((r) => r.criterion_key === c.key).map((r) => r.score);
          return {
            key: c.key,
            mean: s.length ? Math.round((s.reduce((x, y) => x + y, 0) / s.length) * 100) / 100 : null,
          };
        }),
      };
    });
  return {
    callId,
    currency: call.currency,
    threshold: STRONG_DISAGREEMENT_SPREAD,
    items: rankByMean(rows).map(({ key: _key, ...row }) => row),
  };
}
