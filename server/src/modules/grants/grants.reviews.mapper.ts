import type { ReviewAssignment } from '@oselia/contracts';
import type { Crypto } from '../../shared/crypto.ts';
import { iso } from '../../shared/iso.ts';
import { openApplicant } from './grants.applications.mapper.ts';
import type { ApplicationRow } from './grants.applications.repository.ts';
import { rubricOf } from './grants.calls.mapper.ts';
import type { CallRow } from './grants.calls.repository.ts';
import { scopeOfCall } from './grants.calls.service.ts';
import type { AssignmentRow } from './grants.reviews.repository.ts';
import type { CriterionScore } from './grants.reviews.rules.ts';

/** Scope of an application for the policy: its call's project and its oblast. */
export const scopeOfApplication = (
  call: Pick<CallRow, 'project_id'>,
  app: Pick<ApplicationRow, 'oblast_pcode'>,
) => ({
  ...scopeOfCall(call),
  oblastPcode: app.oblast_pcode,
});

/** Who applies, as staff lists show it: the applicant's name and the business or initiative. */
export function nameOf(crypto: Crypto, sealed: string | null) {
  const a = openApplicant(crypto, sealed);
  return {
    applicantName: a ? `${a.familyName} ${a.givenName}` : null,
    organisationName: a?.organisationName ?? null,
  };
}

/** One assignment's scores, in the order of the call's rubric. */
export function scoresOf(
  call: CallRow,
  rows: { assignment_id: string; criterion_key: string; score: number; comment: string }[],
  id: string,
) {
  const order = rubricOf(call).criteria.map((c) => c.key);
  return rows
    .filter((s) => s.assignment_id === id)
    .sort((x, y) => order.indexOf(x.criterion_key) - order.indexOf(y.criterion_key))
    .map((s) => ({ criterion: s.criterion_key, score: s.score, comment: s.comment }));
}

/** An assignment as the programme manager sees it: scores only once submitted. */
export function toAssignment(a: AssignmentRow, scores: CriterionScore[]): ReviewAssignment {
  return {
    id: a.id,
    applicationId: a.application_id,
    callId: a.call_id,
    reviewer: { id: a.reviewer_id, name: a.reviewer_name },
    status: a.status,
    conflict: a.conflict,
    conflictNote: a.conflict_note,
    declaredAt: iso(a.declared_at),
    weightedTotal: a.weighted_total,
    scores: a.status === 'submitted' ? scores : [],
    submittedAt: iso(a.submitted_at),
    assignedAt: iso(a.created_at),
  };
}
