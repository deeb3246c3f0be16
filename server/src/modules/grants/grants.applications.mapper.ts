import type {
  ApplicantApplication,
  ApplicantDetails,
  ApplicantGroup,
  ApplicationDocument,
  ApplicationStatus,
  ApplicationSummary,
  ScreeningResult,
} from '@oselia/contracts';
import type { Crypto } from '../../shared/crypto.ts';
import { iso } from '../../shared/iso.ts';
import type { ApplicationRow, DocumentRow } from './grants.applications.repository.ts';
import { publicStatusOf } from './grants.applications.rules.ts';

/**
 * Personal data of an application, stored encrypted as one JSON value: the applicant's name and
 * contact, and the business number in full (kept for the registry check; only its keyed hash and
 * masked form are stored in the clear).
 */
export interface SealedApplicant {
  applicant: ApplicantDetails | null;
  businessId: string | null;
}

export function sealApplicant(crypto: Crypto, value: SealedApplicant): string | null {
  return value.applicant || value.businessId ? crypto.encrypt(JSON.stringify(value)) : null;
}

export function openSealed(crypto: Crypto, sealed: string | null): SealedApplicant {
  if (!sealed) return { applicant: null, businessId: null };
  const v = JSON.parse(crypto.decrypt(sealed)) as Partial<SealedApplicant>;
  return { applicant: v.applicant ?? null, businessId: v.businessId ?? null };
}

export const openApplicant = (crypto: Crypto, sealed: string | null) => openSealed(crypto, sealed).applicant;

export function toDocument(d: DocumentRow): ApplicationDocument {
  return {
    id: d.id,
    fileId: d.file_id,
    kind: d.kind,
    fileName: d.original_name,
    mediaType: d.media_type,
    sizeBytes: Number(d.size_bytes),
    uploadedAt: iso(d.created_at),
  };
}

const businessOf = (r: ApplicationRow) =>
  r.business_id_kind && r.business_id_masked
    ? { kind: r.business_id_kind, masked: r.business_id_masked }
    : null;

export const answersOf = (r: ApplicationRow) => (r.answers ?? {}) as Record<string, unknown>;

/** The applicant's own view: its answers and documents, never the secret or staff findings. */
export function toApplicantApplication(
  crypto: Crypto,
  r: ApplicationRow,
  documents: DocumentRow[],
  closesAt: Date | string,
): ApplicantApplication {
  return {
    referenceCode: r.reference_code,
    callId: r.call_id,
    status: publicStatusOf(r.status),
    version: r.version,
    language: r.language,
    applicant: openApplicant(crypto, r.applicant_encrypted),
    businessId: businessOf(r),
    oblastPcode: r.oblast_pcode,
    groups: r.groups as ApplicantGroup[],
    requestedAmountMinor: r.requested_minor === null ? null : Number(r.requested_minor),
    currency: r.currency,
    answers: answersOf(r),
    documents: documents.map(toDocument),
    submittedAt: r.submitted_at ? iso(r.submitted_at) : null,
    closesAt: iso(closesAt),
  };
}

export function toSummary(
  crypto: Crypto,
  r: ApplicationRow,
  screeningResult: ScreeningResult | null,
): ApplicationSummary {
  const applicant = openApplicant(crypto, r.applicant_encrypted);
  return {
    id: r.id,
    referenceCode: r.reference_code,
    callId: r.call_id,
    status: r.status as ApplicationStatus,
    version: r.version,
    language: r.language,
    applicantName: applicant ? `${applicant.familyName} ${applicant.givenName}` : null,
    organisationName: applicant?.organisationName ?? null,
    businessId: businessOf(r),
    oblastPcode: r.oblast_pcode,
    groups: r.groups as ApplicantGroup[],
    requestedAmountMinor: r.requested_minor === null ? null : Number(r.requested_minor),
    currency: r.currency,
    personId: r.person_id,
    submittedAt: r.submitted_at ? iso(r.submitted_at) : null,
    screeningResult,
  };
}
