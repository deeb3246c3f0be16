import { z } from 'zod';
import { pageOf } from './common.contract.ts';
import {
  applicantGroup,
  applicationDocument,
  applicationStatus,
  bilingualText,
  grantCurrency,
  minorUnits,
  ruleOutcome,
  ruleResult,
} from './grants.contract.ts';
import { applicantDetails, businessIdKind } from './grants-application.contract.ts';
import { isoDateTime } from './grants-fields.ts';
import { pcode } from './places.contract.ts';

/** Applications as staff see them, and their screening against the call's eligibility rules. */

// ---- Applications and screening (staff) ----

export const screeningResult = z.enum(['eligible', 'ineligible', 'needs_review']);
export type ScreeningResult = z.infer<typeof screeningResult>;

export const screening = z.object({
  version: z.number().int(),
  automaticResult: screeningResult,
  /** The override when there is one, else the automatic result. */
  result: screeningResult,
  rules: z.array(ruleResult),
  priorAssistance: z.object({
    outcome: ruleOutcome,
    personIds: z.array(z.uuid()),
    received: z.array(z.object({ personId: z.uuid(), date: z.string(), type: z.string() })),
    message: bilingualText,
  }),
  duplicates: z.array(
    z.object({
      personId: z.uuid(),
      probability: z.number(),
      decision: z.enum(['link', 'review', 'distinct']),
    }),
  ),
  screenedAt: isoDateTime,
  override: z
    .object({
      result: z.enum(['eligible', 'ineligible']),
      reason: z.string(),
      by: z.uuid().nullable(),
      at: isoDateTime,
    })
    .nullable(),
});
export type Screening = z.infer<typeof screening>;

export const applicationSummary = z.object({
  id: z.uuid(),
  referenceCode: z.string(),
  callId: z.uuid(),
  status: applicationStatus,
  version: z.number().int(),
  language: z.enum(['uk', 'en']),
  applicantName: z.string().nullable(),
  organisationName: z.string().nullable(),
  businessId: z.object({ kind: businessIdKind, masked: z.string() }).nullable(),
  oblastPcode: z.string().nullable(),
  groups: z.array(applicantGroup),
  requestedAmountMinor: minorUnits.nullable(),
  currency: grantCurrency,
  personId: z.uuid().nullable(),
  submittedAt: isoDateTime.nullable(),
  screeningResult: screeningResult.nullable(),
});
export type ApplicationSummary = z.infer<typeof applicationSummary>;
export const applicationsPage = pageOf(applicationSummary);

export const grantApplication = applicationSummary.extend({
  applicant: applicantDetails.nullable(),
  answers: z.record(z.string(), z.unknown()),
  documents: z.array(applicationDocument),
  screening: screening.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type GrantApplication = z.infer<typeof grantApplication>;

export const listApplicationsQuery = z.object({
  status: applicationStatus.optional(),
  oblast: pcode.optional(),
  eligible: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const screeningRunResult = z.object({
  screened: z.number().int(),
  eligible: z.number().int(),
  ineligible: z.number().int(),
  needsReview: z.number().int(),
});
export const overrideScreeningBody = z.object({
  result: z.enum(['eligible', 'ineligible']),
  reason: z.string().trim().min(5, 'say why, in a sentence').max(2000),
  version: z.number().int().min(1),
});
export const linkPersonBody = z.object({ personId: z.uuid(), version: z.number().int().min(1) });
