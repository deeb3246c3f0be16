import { z } from 'zod';
import { pageOf } from './common.contract.ts';
import { storedMediaType } from './files.contract.ts';
import { pcode } from './places.contract.ts';

/**
 * Grants: calls for proposals, public applications and screening. Money is always integer minor
 * units (kopiyky, cents) with an ISO 4217 currency; never a floating-point number.
 */

const isoDateTime = z.iso.datetime({ offset: true });
const slug = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_]*$/, 'a lower-case letter, then lower-case letters, digits or _');
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

// ---- Public application ----

const nameText = z.string().trim().min(1).max(100);
export const applicantDetails = z.object({
  familyName: nameText,
  givenName: nameText,
  patronymic: nameText.nullable().default(null),
  birthDate: z.iso.date().nullable().default(null),
  phone: z.string().trim().max(30).nullable().default(null),
  email: z.email().max(200).nullable().default(null),
  /** The business, initiative or group applying. */
  organisationName: z.string().trim().max(200).nullable().default(null),
});
export type ApplicantDetails = z.output<typeof applicantDetails>;

/** ЄДРПОУ: 8 digits (a legal entity); РНОКПП: 10 digits (a sole trader, ФОП). Check digits are verified. */
export const businessIdKind = z.enum(['edrpou', 'rnokpp']);
export const businessIdInput = z.object({ kind: businessIdKind, value: z.string().trim().min(1).max(20) });

const draftFields = {
  language: z.enum(['uk', 'en']),
  applicant: applicantDetails.nullable(),
  businessId: businessIdInput.nullable(),
  oblastPcode: pcode.nullable(),
  groups: z.array(applicantGroup).max(5),
  requestedAmountMinor: minorUnits.nullable(),
  /** Answers to the call's form, by question name (see the forms contract). */
  answers: z.record(z.string().max(64), z.unknown()),
};

export const startApplicationBody = z
  .object(draftFields)
  .partial()
  .extend({ language: draftFields.language });
export type StartApplicationBody = z.output<typeof startApplicationBody>;
/** Save a draft: send only what changed, and the version you read (stale → 409). */
export const saveDraftBody = z
  .object(draftFields)
  .partial()
  .extend({ version: z.number().int().min(1) });
export type SaveDraftBody = z.output<typeof saveDraftBody>;
export const submitApplicationBody = z.object({ version: z.number().int().min(1) });

/** The only answer that carries the secret: it is shown once and kept only as a keyed hash. */
export const applicationStarted = z.object({
  referenceCode: z.string(),
  secret: z.string(),
  status: z.literal('draft'),
  version: z.number().int(),
});

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
export const uploadDocumentQuery = z.object({ kind: slug, name: z.string().trim().min(1).max(200) });

/** What an applicant sees of its status: never internal notes, scores or screening details. */
export const publicApplicationStatus = z.enum([
  'draft',
  'submitted',
  'under_review',
  'approved',
  'waiting_list',
  'not_selected',
  'withdrawn',
]);
export const publicMessage = z.object({ at: isoDateTime, subject: z.string(), body: z.string() });
export type PublicMessage = z.infer<typeof publicMessage>;
export const applicationStatusView = z.object({
  referenceCode: z.string(),
  callTitle: bilingualText,
  status: publicApplicationStatus,
  submittedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
  messages: z.array(publicMessage),
});
export type ApplicationStatusView = z.infer<typeof applicationStatusView>;

/** The applicant's own draft (or submitted application), to continue or re-read. */
export const applicantApplication = z.object({
  referenceCode: z.string(),
  callId: z.uuid(),
  status: publicApplicationStatus,
  version: z.number().int(),
  language: z.enum(['uk', 'en']),
  applicant: applicantDetails.nullable(),
  businessId: z.object({ kind: businessIdKind, masked: z.string() }).nullable(),
  oblastPcode: z.string().nullable(),
  groups: z.array(applicantGroup),
  requestedAmountMinor: minorUnits.nullable(),
  currency: grantCurrency,
  answers: z.record(z.string(), z.unknown()),
  documents: z.array(applicationDocument),
  submittedAt: isoDateTime.nullable(),
  closesAt: isoDateTime,
});
export type ApplicantApplication = z.infer<typeof applicantApplication>;
export const submitResult = z.object({
  referenceCode: z.string(),
  status: publicApplicationStatus,
  submittedAt: isoDateTime,
});

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
