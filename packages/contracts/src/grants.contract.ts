import { z } from 'zod';
import { storedMediaType } from './files.contract.ts';
import { isoDateTime, slug } from './grants-fields.ts';
import { pcode } from './places.contract.ts';

/**
 * Grants: calls for proposals, public applications and screening. Money is always integer minor
 * units (kopiyky, cents) with an ISO 4217 currency; never a floating-point number.
 *
 * This file holds what the others build on: money and text fields, statuses, eligibility rules,
 * documents and the scoring rubric. Calls are in grants-calls.contract.ts; the public application
 * in grants-application.contract.ts; applications and screening for staff in
 * grants-screening.contract.ts; review and award in grants-review and grants-award.
 */

/** Minor units: a whole, non-negative number that JavaScript holds exactly. */
export const minorUnits = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
export const grantCurrency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as UAH, EUR or USD');

/** A text in Ukrainian and English. */
export const bilingualText = z.object({
  uk: z.string().trim().min(1).max(20_000),
  en: z.string().trim().min(1).max(20_000),
});
export type BilingualText = z.infer<typeof bilingualText>;

export const grantCallKind = z.enum(['business', 'youth', 'community']);
export type GrantCallKind = z.infer<typeof grantCallKind>;
export const grantCallStatus = z.enum(['draft', 'open', 'closed']);
export type GrantCallStatus = z.infer<typeof grantCallStatus>;

/**
 * Where an application is. Intake and screening set the first four; review, committee and award
 * move it on. `withdrawn` can happen at any time.
 */
export const applicationStatus = z.enum([
  'draft',
  'submitted',
  'screened_eligible',
  'screened_ineligible',
  'in_review',
  'reviewed',
  'approved',
  'waiting_list',
  'rejected',
  'awarded',
  'closed',
  'withdrawn',
]);
export type ApplicationStatus = z.infer<typeof applicationStatus>;

export const applicantGroup = z.enum(['idp', 'host', 'women_led', 'youth', 'veteran']);
export type ApplicantGroup = z.infer<typeof applicantGroup>;

/** Assistance-ledger types a grant payment is recorded under (and `no_grant_within_months` looks for). */
export const grantAssistanceTypes = ['business_grant', 'youth_grant', 'community_grant'] as const;

// ---- Eligibility rules, declared as data ----

const ruleLabel = { label: bilingualText.optional() };
const answerOp = z.enum(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'not_in', 'includes', 'answered']);
export type AnswerRuleOp = z.infer<typeof answerOp>;
const ruleValue = z.union([
  z.string().max(200),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string().max(200), z.number()])).max(500),
]);

/**
 * One rule of a call. Rules that read an answer name the form question (defaults: the common
 * names `registration_date`, `staff_count`, `sector`). `amount_at_most` without `maxMinor` uses
 * the call's maximum per grant; `no_grant_within_months` asks the assistance ledger about the
 * person the applicant matches in the registry.
 */
export const eligibilityRule = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('registered_at_least_months'),
    months: z.number().int().min(1).max(600),
    question: slug.default('registration_date'),
    ...ruleLabel,
  }),
  z.object({
    type: z.literal('staff_at_most'),
    max: z.number().int().min(0).max(1_000_000),
    question: slug.default('staff_count'),
    ...ruleLabel,
  }),
  z.object({
    type: z.literal('sector_not_in'),
    sectors: z.array(z.string().min(1).max(100)).min(1).max(200),
    question: slug.default('sector'),
    ...ruleLabel,
  }),
  z.object({ type: z.literal('oblast_in'), oblasts: z.array(pcode).min(1).max(30), ...ruleLabel }),
  z.object({
    type: z.literal('no_grant_within_months'),
    months: z.number().int().min(1).max(600),
    /** Ledger types that count; default the grant types. */
    assistanceTypes: z.array(z.string().min(1).max(100)).max(50).optional(),
    ...ruleLabel,
  }),
  z.object({ type: z.literal('amount_at_most'), maxMinor: minorUnits.optional(), ...ruleLabel }),
  z.object({
    type: z.literal('answer'),
    question: slug,
    op: answerOp,
    value: ruleValue.optional(),
    /** What the rule asks, shown as the reason when it fails (e.g. "The business operates in Ukraine"). */
    label: bilingualText,
  }),
]);
export type EligibilityRule = z.infer<typeof eligibilityRule>;
export type EligibilityRuleInput = z.input<typeof eligibilityRule>;

export const ruleOutcome = z.enum(['pass', 'fail', 'unknown']);
export type RuleOutcome = z.infer<typeof ruleOutcome>;
export const ruleResult = z.object({
  index: z.number().int(),
  type: z.string(),
  outcome: ruleOutcome,
  reason: bilingualText,
});
export type RuleResult = z.infer<typeof ruleResult>;

// ---- Documents and scoring ----

export const requiredDocument = z.object({
  kind: slug,
  label: bilingualText,
  description: bilingualText.optional(),
  /** false: may be uploaded, is not needed to submit. */
  required: z.boolean().default(true),
  maxFiles: z.number().int().min(1).max(10).default(3),
});
export type RequiredDocument = z.infer<typeof requiredDocument>;

export const rubricCriterion = z.object({
  key: slug,
  label: bilingualText,
  description: bilingualText.optional(),
  /** Whole percentage points; a call opens only when its weights add up to 100. */
  weight: z.number().int().min(1).max(100),
  scale: z
    .object({ min: z.number().int().min(0).max(100), max: z.number().int().min(1).max(100) })
    .refine((s) => s.max > s.min, 'max must be above min'),
});
export type RubricCriterion = z.infer<typeof rubricCriterion>;
export const scoringRubric = z.object({ criteria: z.array(rubricCriterion).max(30) });
export type ScoringRubric = z.infer<typeof scoringRubric>;

/** The form a call asks applicants to fill: a stored form definition, one fixed version. */
export const pinnedForm = z.object({ id: z.uuid(), version: z.number().int().min(1) });

// ---- Uploaded documents ----

/** `fileId` is what a file question's answer holds; staff fetch the bytes with GET /files/{fileId}. */
export const applicationDocument = z.object({
  id: z.uuid(),
  fileId: z.uuid(),
  kind: z.string(),
  fileName: z.string(),
  mediaType: storedMediaType,
  sizeBytes: z.number().int(),
  uploadedAt: isoDateTime,
});
export type ApplicationDocument = z.infer<typeof applicationDocument>;
