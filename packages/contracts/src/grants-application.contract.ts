import { z } from 'zod';
import {
  applicantGroup,
  applicationDocument,
  bilingualText,
  grantCurrency,
  minorUnits,
} from './grants.contract.ts';
import { isoDateTime, slug } from './grants-fields.ts';
import { pcode } from './places.contract.ts';

/**
 * The public side of a grant application: drafts, submission, document upload and what the
 * applicant may see of its status.
 */

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
