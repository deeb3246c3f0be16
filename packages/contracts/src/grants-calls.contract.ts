import { z } from 'zod';
import { pageOf } from './common.contract.ts';
import {
  bilingualText,
  eligibilityRule,
  grantCallKind,
  grantCallStatus,
  grantCurrency,
  minorUnits,
  pinnedForm,
  requiredDocument,
  scoringRubric,
} from './grants.contract.ts';
import { isoDateTime } from './grants-fields.ts';

/** Grant calls for proposals: as staff create, edit and list them, and as the public sees them. */

// ---- Calls (staff) ----

const callFields = {
  kind: grantCallKind,
  title: bilingualText,
  description: bilingualText,
  currency: grantCurrency,
  budgetMinor: minorUnits.min(1),
  maxPerGrantMinor: minorUnits.min(1),
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  eligibilityRules: z.array(eligibilityRule).max(50),
  requiredDocuments: z.array(requiredDocument).max(20),
  scoringRubric,
  form: pinnedForm.nullable(),
  reviewersPerApplication: z.number().int().min(1).max(10),
  projectId: z.uuid().nullable(),
};

export const createCallBody = z.object({
  ...callFields,
  eligibilityRules: callFields.eligibilityRules.default([]),
  requiredDocuments: callFields.requiredDocuments.default([]),
  scoringRubric: scoringRubric.default({ criteria: [] }),
  form: callFields.form.default(null),
  reviewersPerApplication: callFields.reviewersPerApplication.default(2),
  projectId: callFields.projectId.default(null),
});
export type CreateCallBody = z.output<typeof createCallBody>;

/** Send the version you read; a stale version gets 409. An open call keeps its rules, form and rubric. */
export const updateCallBody = z
  .object(callFields)
  .partial()
  .extend({ version: z.number().int().min(1) });
export type UpdateCallBody = z.output<typeof updateCallBody>;
export const callVersionBody = z.object({ version: z.number().int().min(1) });

export const grantCall = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: grantCallStatus,
  ...callFields,
  openedAt: isoDateTime.nullable(),
  closedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Applications by status (drafts included). */
  applicationCounts: z.record(z.string(), z.number().int()),
});
export type GrantCall = z.infer<typeof grantCall>;
export const grantCallSummary = grantCall.omit({
  eligibilityRules: true,
  requiredDocuments: true,
  scoringRubric: true,
  applicationCounts: true,
});
export const grantCallsPage = pageOf(grantCallSummary);
export const listCallsQuery = z.object({
  status: grantCallStatus.optional(),
  kind: grantCallKind.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

// ---- Calls (public) ----

/** A call as the public sees it: no project, reviewers, internal ids or counts. */
export const publicGrantCall = z.object({
  id: z.uuid(),
  kind: grantCallKind,
  status: grantCallStatus,
  title: bilingualText,
  description: bilingualText,
  currency: grantCurrency,
  budgetMinor: minorUnits,
  maxPerGrantMinor: minorUnits,
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  /** What an application must meet, one line per rule. */
  eligibility: z.array(bilingualText),
  requiredDocuments: z.array(requiredDocument),
  /** How applications are scored: criteria and their weights. */
  criteria: z.array(z.object({ label: bilingualText, weight: z.number().int() })),
  /** The form definition (see the forms contract), or null when the call asks none. */
  form: z.record(z.string(), z.unknown()).nullable(),
});
export type PublicGrantCall = z.infer<typeof publicGrantCall>;
export const publicGrantCallSummary = publicGrantCall.omit({
  eligibility: true,
  requiredDocuments: true,
  criteria: true,
  form: true,
});
export const publicGrantCallsList = z.object({ items: z.array(publicGrantCallSummary) });
