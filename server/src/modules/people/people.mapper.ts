import type { Person, WashingtonGroup } from '@oselia/contracts';
import type { PersonRecord } from '@oselia/matching';
import type { AssistanceRow, ConsentRow, PersonIdentifierRow, PersonRow } from '../../db/schema.ts';
import { iso } from '../../shared/iso.ts';
import { ageBandOf } from './people.rules.ts';

export function toIdentifier(r: PersonIdentifierRow) {
  return { id: r.id, type: r.type, masked: r.masked, createdAt: iso(r.created_at) };
}

export function toPerson(r: PersonRow, identifiers: PersonIdentifierRow[]): Person {
  return {
    id: r.id,
    version: r.version,
    familyName: r.family_name,
    givenName: r.given_name,
    patronymic: r.patronymic,
    latinName: {
      familyName: r.family_name_latin,
      givenName: r.given_name_latin,
      patronymic: r.patronymic_latin,
    },
    birthDate: r.birth_date,
    birthDatePrecision: r.birth_date_precision,
    ageBand: ageBandOf(r.birth_date),
    sex: r.sex,
    phones: r.phones,
    populationGroup: r.population_group,
    originPcode: r.origin_pcode,
    currentPcode: r.current_pcode,
    displacementDate: r.displacement_date,
    washingtonGroup: (r.washington_group as WashingtonGroup | null) ?? null,
    disability: r.disability,
    vulnerabilities: r.vulnerabilities as Person['vulnerabilities'],
    householdId: r.household_id,
    relationshipToHead: r.relationship_to_head,
    identifiers: identifiers.map(toIdentifier),
    registeredByOrganisationId: r.registered_by_org,
    mergedInto: r.merged_into ?? null,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** What the audit log keeps of a person: the record without search internals or identifiers. */
export function personForAudit(r: PersonRow) {
  const { search_keys: _k, search_text: _t, tenant_id: _tenant, ...rest } = r;
  return rest;
}

/** A person's scope facts, for the policy checks. */
export const scopeOf = (p: Pick<PersonRow, 'registered_by_org' | 'current_pcode'>) => ({
  organisationId: p.registered_by_org,
  oblastPcode: p.current_pcode,
});

export function toConsent(r: ConsentRow) {
  return {
    id: r.id,
    purpose: r.purpose,
    status: r.status,
    method: r.method,
    organisationId: r.organisation_id,
    note: r.note,
    recordedBy: r.recorded_by_label,
    recordedAt: iso(r.recorded_at),
  };
}

export function toAssistance(r: AssistanceRow) {
  return {
    id: r.id,
    personId: r.person_id,
    householdId: r.household_id,
    type: r.type,
    date: r.date,
    projectCode: r.project_code,
    placePcode: r.place_pcode,
    valueMinor: r.value_minor === null ? null : Number(r.value_minor),
    currency: r.currency,
    modality: r.modality,
    source: r.source,
    note: r.note,
    createdAt: iso(r.created_at),
  };
}

/** A person as the matching engine reads it (tax number only as its keyed hash). */
export function toMatchRecord(r: {
  id: string;
  family_name: string;
  given_name: string;
  patronymic: string | null;
  sex: string;
  birth_date: string | null;
  phone: string | null | undefined;
  tax_hash: string | null;
  current_pcode?: string | null;
}): PersonRecord {
  return {
    id: r.id,
    familyName: r.family_name,
    givenName: r.given_name,
    patronymic: r.patronymic ?? undefined,
    sex: r.sex === 'F' || r.sex === 'M' ? r.sex : undefined,
    birthDate: r.birth_date ?? undefined,
    phone: r.phone?.replace(/^\+/, '') ?? undefined,
    taxIdHash: r.tax_hash ?? undefined,
    oblastPcode: r.current_pcode?.slice(0, 4) ?? undefined,
  };
}
