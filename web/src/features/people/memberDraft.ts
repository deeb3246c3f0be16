import type { CreatePersonBody, Person } from '@oselia/contracts';
import { emptyWg, type WgAnswers, wgForApi } from './washingtonGroup.ts';

export type Precision = 'day' | 'month' | 'year' | 'estimated';
export type Sex = 'F' | 'M' | 'other' | 'unknown';
export type IdentifierKind = 'tax_number' | 'passport' | 'idp_certificate' | 'birth_certificate';

/** One person as the form holds them: what was typed, so a draft restores exactly. */
export interface MemberDraft {
  key: string;
  relationship: string;
  familyName: string;
  givenName: string;
  patronymic: string;
  birthDatePrecision: Precision;
  /** What was typed for the chosen precision: 2019-04-03, 2019-04, 2019, or an age such as 40. */
  birthInput: string;
  /** The ISO date sent to the server, derived from the input when it is typed. */
  birthDate: string | null;
  sex: Sex;
  phone: string;
  /** Further numbers already on record (edit only), kept as they are. */
  otherPhones: string[];
  populationGroup: string;
  originPcode: string | null;
  currentPcode: string | null;
  displacementDate: string;
  washingtonGroup: WgAnswers;
  vulnerabilities: string[];
  identifiers: { key: string; type: IdentifierKind; value: string }[];
  consentAssistance: boolean;
  consentMethod: 'signed' | 'verbal';
}

export const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

export const emptyMember = (relationship = 'head'): MemberDraft => ({
  key: newKey(),
  relationship,
  familyName: '',
  givenName: '',
  patronymic: '',
  birthDatePrecision: 'day',
  birthInput: '',
  birthDate: null,
  sex: 'unknown',
  phone: '',
  otherPhones: [],
  populationGroup: 'idp',
  originPcode: null,
  currentPcode: null,
  displacementDate: '',
  washingtonGroup: emptyWg(),
  vulnerabilities: [],
  identifiers: [],
  consentAssistance: false,
  consentMethod: 'signed',
});

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/**
 * The date saved for what is known of a birth: the exact day; the 15th of a known month; 1 July
 * of a known year; for an approximate age, the middle of the year in which someone that old was
 * born (today less the age and half a year). Middles keep the age-band error smallest.
 */
export function birthDateFrom(precision: Precision, input: string, today = new Date()): string | null {
  const v = input.trim();
  if (v === '') return null;
  switch (precision) {
    case 'day':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null;
    case 'month':
      return /^\d{4}-\d{2}$/.test(v) ? `${v}-15` : null;
    case 'year':
      return /^\d{4}$/.test(v) ? `${v}-07-01` : null;
    case 'estimated': {
      if (!/^\d{1,3}$/.test(v)) return null;
      const d = new Date(
        Date.UTC(today.getUTCFullYear() - Number(v), today.getUTCMonth(), today.getUTCDate()),
      );
      d.setUTCMonth(d.getUTCMonth() - 6);
      return iso(d);
    }
  }
}

/** What to show in the input for a stored birth date of a given precision. */
export function birthInputFrom(precision: Precision, date: string | null, today = new Date()): string {
  if (!date) return '';
  switch (precision) {
    case 'day':
      return date;
    case 'month':
      return date.slice(0, 7);
    case 'year':
      return date.slice(0, 4);
    case 'estimated': {
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      let age = today.getUTCFullYear() - y;
      if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
      return String(Math.max(0, age));
    }
  }
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The person part of a registration, as the API takes it. */
export function personBody(m: MemberDraft): CreatePersonBody {
  return {
    familyName: m.familyName.trim(),
    givenName: m.givenName.trim(),
    patronymic: orNull(m.patronymic),
    birthDate: m.birthDate,
    birthDatePrecision: m.birthDatePrecision,
    sex: m.sex,
    phones: [m.phone, ...m.otherPhones].map((p) => p.trim()).filter((p) => p !== ''),
    populationGroup: (orNull(m.populationGroup) as CreatePersonBody['populationGroup']) ?? null,
    originPcode: m.originPcode,
    currentPcode: m.currentPcode,
    displacementDate: orNull(m.displacementDate),
    washingtonGroup: wgForApi(m.washingtonGroup),
    vulnerabilities: m.vulnerabilities as CreatePersonBody['vulnerabilities'],
    identifiers: m.identifiers
      .filter((i) => i.value.trim() !== '')
      .map((i) => ({ type: i.type, value: i.value.trim() })),
    consents: m.consentAssistance
      ? [{ purpose: 'assistance', status: 'given', method: m.consentMethod }]
      : [],
  };
}

/** A saved person in the form's shape (for editing). */
export function draftFromPerson(p: Person): MemberDraft {
  return {
    ...emptyMember(p.relationshipToHead ?? 'head'),
    key: p.id,
    familyName: p.familyName,
    givenName: p.givenName,
    patronymic: p.patronymic ?? '',
    birthDatePrecision: p.birthDatePrecision,
    birthInput: birthInputFrom(p.birthDatePrecision, p.birthDate),
    birthDate: p.birthDate,
    sex: p.sex,
    phone: p.phones[0] ?? '',
    otherPhones: p.phones.slice(1),
    populationGroup: p.populationGroup ?? '',
    originPcode: p.originPcode,
    currentPcode: p.currentPcode,
    displacementDate: p.displacementDate ?? '',
    washingtonGroup: { ...emptyWg(), ...(p.washingtonGroup ?? {}) },
    vulnerabilities: [...p.vulnerabilities],
  };
}

export const fullName = (m: { familyName: string; givenName: string; patronymic?: string | null }) =>
  [m.familyName, m.givenName, m.patronymic ?? '']
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
