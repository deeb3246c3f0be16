import {
  assistance,
  assistancePage,
  auditPage,
  type CreatePersonBody,
  consent,
  consentOverview,
  household,
  type Person,
  type Place,
  person,
  personSearchResult,
  placeDetail,
  placesPage,
  revealedIdentifier,
} from '@oselia/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiRequest, type ResponseSchema } from '../../api/client.ts';

export interface PeopleFilter {
  q?: string;
  oblast?: string;
  populationGroup?: string;
  vulnerability?: string;
  disability?: 'true' | 'false';
  minHouseholdSize?: number;
}

const id = encodeURIComponent;

/** The membership history answer has no named contract schema; this checks its shape. */
export interface MembershipSpan {
  householdId: string;
  relationship: string;
  from: string;
  to: string | null;
}
const membershipHistory: ResponseSchema<MembershipSpan[]> = {
  safeParse(data: unknown) {
    const ok =
      Array.isArray(data) &&
      data.every(
        (d) =>
          typeof d === 'object' &&
          d !== null &&
          typeof d.householdId === 'string' &&
          typeof d.relationship === 'string' &&
          typeof d.from === 'string',
      );
    return ok
      ? { success: true, data: data as MembershipSpan[] }
      : { success: false, error: { issues: ['not a membership history'] } };
  },
};

export const peopleKeys = {
  all: ['people'] as const,
  search: (filter: PeopleFilter) => ['people', 'search', filter] as const,
  person: (personId: string) => ['people', 'person', personId] as const,
  consents: (personId: string) => ['people', 'person', personId, 'consents'] as const,
  assistance: (personId: string) => ['people', 'person', personId, 'assistance'] as const,
  memberships: (personId: string) => ['people', 'person', personId, 'households'] as const,
  audit: (personId: string) => ['people', 'person', personId, 'audit'] as const,
  household: (householdId: string) => ['people', 'household', householdId] as const,
};

export const searchPeopleQuery = (filter: PeopleFilter, enabled = true) =>
  queryOptions({
    queryKey: peopleKeys.search(filter),
    queryFn: ({ signal }) =>
      apiGet('/people', personSearchResult, { query: { ...filter, limit: 50 }, signal }),
    enabled,
    staleTime: 10_000,
  });

export const personQuery = (personId: string) =>
  queryOptions({
    queryKey: peopleKeys.person(personId),
    queryFn: ({ signal }) => apiGet(`/people/${id(personId)}`, person, { signal }),
    // Every opening is audit-logged: do not re-read behind the officer's back.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });

export const consentsQuery = (personId: string) =>
  queryOptions({
    queryKey: peopleKeys.consents(personId),
    queryFn: ({ signal }) => apiGet(`/people/${id(personId)}/consents`, consentOverview, { signal }),
  });

export const assistanceQuery = (personId: string) =>
  queryOptions({
    queryKey: peopleKeys.assistance(personId),
    queryFn: ({ signal }) =>
      apiGet(`/people/${id(personId)}/assistance`, assistancePage, { query: { limit: 100 }, signal }),
  });

export const membershipsQuery = (personId: string) =>
  queryOptions({
    queryKey: peopleKeys.memberships(personId),
    queryFn: ({ signal }) => apiGet(`/people/${id(personId)}/households`, membershipHistory, { signal }),
  });

export const householdQuery = (householdId: string) =>
  queryOptions({
    queryKey: peopleKeys.household(householdId),
    queryFn: ({ signal }) => apiGet(`/households/${id(householdId)}`, household, { signal }),
  });

export const personAuditQuery = (personId: string) =>
  queryOptions({
    queryKey: peopleKeys.audit(personId),
    queryFn: ({ signal }) =>
      apiGet('/audit', auditPage, {
        query: { entityType: 'person', entityId: personId, limit: 100 },
        signal,
      }),
  });

/** The 27 oblast-level units (names for the place picker's context and the oblast filter). */
export const oblastListQuery = () =>
  queryOptions({
    queryKey: ['places', 'people-oblasts'],
    queryFn: async ({ signal }): Promise<Place[]> =>
      (await apiGet('/places', placesPage, { query: { level: 1, limit: 100 }, signal })).items,
    staleTime: 30 * 60_000,
  });

export const placeSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['places', 'people-picker', q],
    queryFn: async ({ signal }): Promise<Place[]> =>
      (await apiGet('/places', placesPage, { query: { q, limit: 20 }, signal })).items,
    enabled: q.trim().length >= 2,
    staleTime: 5 * 60_000,
  });

export const placeQuery = (pcode: string | null) =>
  queryOptions({
    queryKey: ['places', 'detail', pcode ?? ''],
    queryFn: ({ signal }) => apiGet(`/places/${id(pcode ?? '')}`, placeDetail, { signal }),
    enabled: !!pcode,
    staleTime: 30 * 60_000,
  });

export type PersonPatch = Partial<Omit<CreatePersonBody, 'identifiers' | 'consents'>> & { version: number };

export interface NewHouseholdBody {
  address: string | null;
  currentPcode: string | null;
  members: { relationship: string; person: CreatePersonBody }[];
}

export const peopleApi = {
  registerHousehold: (body: NewHouseholdBody, idempotencyKey: string) =>
    apiRequest('/households', household, {
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  registerPerson: (body: CreatePersonBody, idempotencyKey: string) =>
    apiRequest('/people', person, { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  updatePerson: (personId: string, patch: PersonPatch): Promise<Person> =>
    apiRequest(`/people/${id(personId)}`, person, { method: 'PATCH', body: patch }),
  addIdentifier: (personId: string, body: { type: string; value: string }) =>
    apiRequest(`/people/${id(personId)}/identifiers`, person, { method: 'POST', body }),
  revealIdentifier: (personId: string, identifierId: string) =>
    apiRequest(`/people/${id(personId)}/identifiers/${id(identifierId)}/reveal`, revealedIdentifier, {
      method: 'POST',
    }),
  recordConsent: (
    personId: string,
    body: {
      purpose: string;
      status: 'given' | 'withdrawn';
      method: string;
      organisationId?: string | null;
      note: string | null;
    },
  ) => apiRequest(`/people/${id(personId)}/consents`, consent, { method: 'POST', body }),
  recordAssistance: (
    personId: string,
    body: {
      type: string;
      date: string;
      modality: string;
      valueMinor: number | null;
      currency: string | null;
      projectCode: string | null;
      note: string | null;
    },
  ) => apiRequest(`/people/${id(personId)}/assistance`, assistance, { method: 'POST', body }),
  moveMember: (householdId: string, body: { personId: string; relationship: string; version: number }) =>
    apiRequest(`/households/${id(householdId)}/members`, household, { method: 'POST', body }),
};
