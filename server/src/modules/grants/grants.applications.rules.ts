import type {
  ApplicantDetails,
  ApplicationStatus,
  FormDefinition,
  Question,
  RequiredDocument,
} from '@oselia/contracts';
import { newPrefixedReference, newSecret, normaliseCode } from '../../shared/reference-codes.ts';
import { isValidTaxNumber } from '../people/people.rules.ts';

/**
 * ЄДРПОУ (the register code of a legal entity): eight digits, the last a check digit. The weights
 * are 1…7, or 7,1…6 for codes between 30,000,000 and 60,000,000; when the remainder is 10, the
 * weights go up by 2, and a second 10 means 0.
 */
export function isValidEdrpou(value: string): boolean {
  if (!/^\d{8}$/.test(value)) return false;
  const d = [...value].map(Number);
  const n = Number(value);
  const weights = n < 30_000_000 || n > 60_000_000 ? [1, 2, 3, 4, 5, 6, 7] : [7, 1, 2, 3, 4, 5, 6];
  const sum = (shift: number) => weights.reduce((acc, w, i) => acc + (w + shift) * d[i]!, 0) % 11;
  let check = sum(0);
  if (check === 10) check = sum(2) % 10;
  return check === d[7];
}

export type BusinessIdKind = 'edrpou' | 'rnokpp';

/** Digits only; null with a message when the number is not a valid code of its kind. */
export function checkBusinessId(
  kind: BusinessIdKind,
  value: string,
): { canonical: string } | { problem: string } {
  const canonical = value.replace(/[\s-]/g, '');
  if (kind === 'edrpou') {
    return isValidEdrpou(canonical)
      ? { canonical }
      : { problem: 'an ЄДРПОУ code has 8 digits and a valid check digit' };
  }
  return isValidTaxNumber(canonical)
    ? { canonical }
    : { problem: 'a РНОКПП (sole trader) has 10 digits and a valid check digit' };
}

export const maskBusinessId = (canonical: string) =>
  `${'•'.repeat(canonical.length - 3)}${canonical.slice(-3)}`;

/** A short reference to say on the phone: GR-7K3M-9QXP. The applicant also gets a secret (newSecret). */
export const newReferenceCode = () => newPrefixedReference('GR');
export { newSecret, normaliseCode };

export const SECRET_PURPOSE = 'grant-application-secret';

/**
 * What the applicant is told. Screening results, review and scores stay inside until the
 * committee decides; an application is simply "under review" meanwhile.
 */
export function publicStatusOf(status: ApplicationStatus | string) {
  switch (status) {
    case 'draft':
      return 'draft' as const;
    case 'submitted':
      return 'submitted' as const;
    case 'approved':
    case 'awarded':
    case 'closed':
      return 'approved' as const;
    case 'waiting_list':
      return 'waiting_list' as const;
    case 'rejected':
      return 'not_selected' as const;
    case 'withdrawn':
      return 'withdrawn' as const;
    default:
      return 'under_review' as const;
  }
}

/** Every file question of a form, repeat groups included. */
export function fileQuestions(definition: FormDefinition | null): Map<string, Question> {
  const found = new Map<string, Question>();
  const walk = (qs: Question[]) => {
    for (const q of qs) {
      if (q.type === 'file') found.set(q.name, q);
      if (q.repeat) walk(q.repeat.questions);
    }
  };
  for (const s of definition?.sections ?? []) walk(s.questions);
  return found;
}

/** File ids the answers point at, at any depth. */
export function answeredFileIds(answers: unknown, names: Set<string>): string[] {
  const ids: string[] = [];
  const walk = (a: unknown) => {
    if (!a || typeof a !== 'object' || Array.isArray(a)) return;
    for (const [k, v] of Object.entries(a)) {
      if (names.has(k) && Array.isArray(v)) ids.push(...v.filter((x): x is string => typeof x === 'string'));
      else if (Array.isArray(v)) v.forEach(walk);
    }
  };
  walk(answers);
  return ids;
}

export const formatReference = (value: string) => {
  const c = normaliseCode(value);
  return /^GR[A-Z0-9]{8}$/.test(c) ? `GR-${c.slice(2, 6)}-${c.slice(6)}` : null;
};

export const isUniqueViolation = (e: unknown, constraint: string) => {
  const err = e as { code?: string; constraint?: string; message?: string };
  return err?.code === '23505' && (err.constraint === constraint || String(err.message).includes(constraint));
};

/** What a draft still lacks before it may be submitted (the form's own answers are checked apart). */
export function missingForSubmission(
  kind: 'business' | 'youth' | 'community',
  required: readonly RequiredDocument[],
  row: { oblast_pcode: string | null; requested_minor: number | null; business_id_hash: string | null },
  applicant: ApplicantDetails | null,
  documents: readonly { kind: string }[],
) {
  const problems: { field: string; message: string }[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!applicant) add('applicant', 'give the applicant’s name and a phone number or email');
  else if (!applicant.phone && !applicant.email)
    add('applicant.phone', 'give a phone number or an email, so we can reach you');
  if (!row.oblast_pcode) add('oblastPcode', 'say where the business or initiative is (oblast or finer)');
  if (row.requested_minor === null) add('requestedAmountMinor', 'say how much you request');
  if (kind === 'business' && !row.business_id_hash)
    add('businessId', 'a business call needs the business’s ЄДРПОУ code or the sole trader’s РНОКПП');
  for (const d of required) {
    if (d.required && !documents.some((x) => x.kind === d.kind))
      add(`documents.${d.kind}`, `upload: ${d.label.en}`);
  }
  return problems;
}
