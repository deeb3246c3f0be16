import type {
  BilingualText,
  EligibilityRule,
  GrantCall,
  PublicGrantCall,
  RequiredDocument,
  ScoringRubric,
} from '@oselia/contracts';
import { iso } from '../../shared/iso.ts';
import type { CallRow } from './grants.calls.repository.ts';
import { describeRule } from './grants.eligibility.ts';

/** jsonb arrives parsed from both engines; rules were checked against the contract when saved. */
export const rulesOf = (r: CallRow) => r.eligibility_rules as EligibilityRule[];
export const documentsOf = (r: CallRow) => r.required_documents as RequiredDocument[];
export const rubricOf = (r: CallRow) => r.scoring_rubric as ScoringRubric;

export function toCallSummary(r: CallRow) {
  return {
    ...toPublicCallSummary(r),
    version: r.version,
    form: r.form_id && r.form_version ? { id: r.form_id, version: r.form_version } : null,
    reviewersPerApplication: r.reviewers_per_application,
    projectId: r.project_id,
    openedAt: iso(r.opened_at),
    closedAt: iso(r.closed_at),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function toCall(r: CallRow, applicationCounts: Record<string, number>): GrantCall {
  return {
    ...toCallSummary(r),
    eligibilityRules: rulesOf(r),
    requiredDocuments: documentsOf(r),
    scoringRubric: rubricOf(r),
    applicationCounts,
  };
}

export function toPublicCallSummary(r: CallRow) {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    title: r.title,
    description: r.description,
    currency: r.currency,
    budgetMinor: Number(r.budget_minor),
    maxPerGrantMinor: Number(r.max_per_grant_minor),
    opensAt: iso(r.opens_at),
    closesAt: iso(r.closes_at),
  };
}

/** The public page: what to meet, what to upload, how it is scored, the form to fill. */
export function toPublicCall(
  r: CallRow,
  form: Record<string, unknown> | null,
  oblastNames: ReadonlyMap<string, BilingualText> = new Map(),
): PublicGrantCall {
  const money = { maxPerGrantMinor: Number(r.max_per_grant_minor), currency: r.currency };
  return {
    ...toPublicCallSummary(r),
    eligibility: rulesOf(r).map((rule) => describeRule(rule, money, oblastNames)),
    requiredDocuments: documentsOf(r),
    criteria: rubricOf(r).criteria.map((c) => ({ label: c.label, weight: c.weight })),
    form,
  };
}
