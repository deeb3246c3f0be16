import type { ApplicantApplication, ApplicantGroup, SaveDraftBody } from '@oselia/contracts';
import { isApiError } from '../../api/errors.ts';
import type { ApplicantKey } from './publicGrantsApi.ts';

/** The applicant's draft as the form holds it: texts as typed, money in minor units. */
export interface ApplyFields {
  language: 'uk' | 'en';
  familyName: string;
  givenName: string;
  patronymic: string;
  birthDate: string;
  phone: string;
  email: string;
  organisationName: string;
  businessKind: 'edrpou' | 'rnokpp';
  businessValue: string;
  oblastPcode: string | null;
  groups: ApplicantGroup[];
  requestedAmountMinor: number | null;
  answers: Record<string, unknown>;
}

export const emptyFields = (language: 'uk' | 'en'): ApplyFields => ({
  language,
  familyName: '',
  givenName: '',
  patronymic: '',
  birthDate: '',
  phone: '',
  email: '',
  organisationName: '',
  businessKind: 'edrpou',
  businessValue: '',
  oblastPcode: null,
  groups: [],
  requestedAmountMinor: null,
  answers: {},
});

/** A saved application back into the form. The business number is never sent back whole: it stays as typed. */
export function fieldsFrom(app: ApplicantApplication, previous: ApplyFields): ApplyFields {
  const a = app.applicant;
  return {
    language: app.language,
    familyName: a?.familyName ?? '',
    givenName: a?.givenName ?? '',
    patronymic: a?.patronymic ?? '',
    birthDate: a?.birthDate ?? '',
    phone: a?.phone ?? '',
    email: a?.email ?? '',
    organisationName: a?.organisationName ?? '',
    businessKind: app.businessId?.kind ?? previous.businessKind,
    businessValue: previous.businessValue,
    oblastPcode: app.oblastPcode,
    groups: app.groups,
    requestedAmountMinor: app.requestedAmountMinor,
    answers: app.answers,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/**
 * What a save sends. The applicant's details go only with both names (the server needs them to
 * keep the rest); the business number only when typed (a saved one is kept otherwise).
 */
export function draftBody(
  f: ApplyFields,
): Omit<SaveDraftBody, 'version' | 'language'> & { language: 'uk' | 'en' } {
  const named = f.familyName.trim() !== '' && f.givenName.trim() !== '';
  return {
    language: f.language,
    ...(named
      ? {
          applicant: {
            familyName: f.familyName.trim(),
            givenName: f.givenName.trim(),
            patronymic: orNull(f.patronymic),
            birthDate: orNull(f.birthDate),
            phone: orNull(f.phone),
            email: orNull(f.email),
            organisationName: orNull(f.organisationName),
          },
        }
      : {}),
    ...(f.businessValue.trim() !== ''
      ? { businessId: { kind: f.businessKind, value: f.businessValue.trim() } }
      : {}),
    oblastPcode: f.oblastPcode,
    groups: f.groups,
    requestedAmountMinor: f.requestedAmountMinor,
    answers: f.answers,
  };
}

/** Any applicant detail typed without both names: it could not be saved. */
export function namesMissing(f: ApplyFields): boolean {
  const named = f.familyName.trim() !== '' && f.givenName.trim() !== '';
  const other = [f.familyName, f.givenName, f.patronymic, f.birthDate, f.phone, f.email, f.organisationName];
  return !named && other.some((v) => v.trim() !== '');
}

/** Message keys for the server's field messages this page knows (the server speaks English). */
const KNOWN: [RegExp, string][] = [
  [/give the applicant.s name/, 'grants.apply.errors.applicant'],
  [/give a phone number or an email/, 'grants.apply.errors.contact'],
  [/say where the business/, 'grants.apply.errors.oblast'],
  [/say how much you request/, 'grants.apply.errors.amount'],
  [/a business call needs/, 'grants.apply.errors.businessId'],
  [/ЄДРПОУ code has 8 digits/, 'grants.apply.errors.edrpou'],
  [/РНОКПП \(sole trader\) has 10 digits/, 'grants.apply.errors.rnokpp'],
  [/^upload: /, 'grants.apply.errors.documentMissing'],
  [/unknown P-code/, 'grants.apply.errors.oblast'],
  [/email/i, 'forms.email'],
];

/** Which form field a server field path belongs to. */
export function fieldOf(path: string): string {
  const p = path.replace(/^body\./, '');
  if (p === 'applicant' || p === 'applicant.familyName') return 'familyName';
  if (p.startsWith('applicant.')) return p.slice('applicant.'.length);
  if (p.startsWith('businessId')) return 'businessValue';
  if (p.startsWith('documents.')) return p;
  if (p.startsWith('answers')) return 'answers';
  return p;
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** `details.fields` of a refusal, by form field, in the reader's language. */
export function applyFieldErrors(t: Translate, error: unknown): Record<string, string> {
  if (!isApiError(error)) return {};
  const details = error.details as { fields?: { field?: unknown; message?: unknown }[] } | undefined;
  const out: Record<string, string> = {};
  for (const f of details?.fields ?? []) {
    if (typeof f.field !== 'string') continue;
    const message = typeof f.message === 'string' ? f.message : '';
    const known = KNOWN.find(([pattern]) => pattern.test(message));
    out[fieldOf(f.field)] ??= known ? t(known[1]) : message;
  }
  return out;
}

/** The refusals of a whole application (not of one field), in the reader's language. */
export function applyRefusal(t: Translate, error: unknown): string | null {
  if (!isApiError(error)) return null;
  if (error.code === 'VERSION_CONFLICT') return t('grants.apply.errors.stale');
  if (/already been submitted to this call/.test(error.message)) return t('grants.apply.errors.duplicate');
  if (/call closed on|no longer accepted|not open for applications/.test(error.message))
    return t('grants.apply.errors.closed');
  if (/has been submitted and can no longer change/.test(error.message))
    return t('grants.apply.errors.submitted');
  return null;
}

/** "3,2 МБ": a size for people. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** Why an upload was refused, in the reader's language. */
export function uploadRefusal(t: Translate, error: unknown, fileName: string, locale: string): string {
  if (!isApiError(error)) return t('grants.apply.uploadFailed', { name: fileName });
  const details = (error.details ?? {}) as { maxBytes?: unknown; maxFiles?: unknown };
  if (error.status === 413) {
    const max = typeof details.maxBytes === 'number' ? formatBytes(details.maxBytes, locale) : null;
    return max
      ? t('grants.apply.tooLarge', { name: fileName, max })
      : t('grants.apply.tooLargeNoLimit', { name: fileName });
  }
  if (error.status === 415) return t('grants.apply.wrongType', { name: fileName });
  if (typeof details.maxFiles === 'number') return t('grants.apply.tooMany', { n: details.maxFiles });
  if (error.isNetwork) return t('grants.apply.uploadNetwork', { name: fileName });
  return applyRefusal(t, error) ?? `${t('grants.apply.uploadFailed', { name: fileName })} ${error.message}`;
}

const STORAGE_PREFIX = 'oselia.grantApplication.';

/**
 * The key of a draft in progress, kept for this browser tab only (sessionStorage ends with the
 * tab), so a reload does not lose the draft. The applicant is told to write it down anyway.
 */
export const draftKeyStore = {
  read(callId: string): ApplicantKey | null {
    try {
      const raw = window.sessionStorage.getItem(STORAGE_PREFIX + callId);
      const parsed = raw ? (JSON.parse(raw) as Partial<ApplicantKey>) : null;
      return typeof parsed?.referenceCode === 'string' && typeof parsed.secret === 'string'
        ? { referenceCode: parsed.referenceCode, secret: parsed.secret }
        : null;
    } catch {
      return null;
    }
  },
  write(callId: string, key: ApplicantKey) {
    try {
      window.sessionStorage.setItem(STORAGE_PREFIX + callId, JSON.stringify(key));
    } catch {
      // Storage off: the key lives on the page only.
    }
  },
  clear(callId: string) {
    try {
      window.sessionStorage.removeItem(STORAGE_PREFIX + callId);
    } catch {
      // Nothing stored.
    }
  },
};
