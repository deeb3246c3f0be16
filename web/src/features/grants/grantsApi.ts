import {
  type ApplicationStatus,
  applicationReviews,
  applicationsPage,
  awardsPage,
  type CreateCallBody,
  callDashboard,
  callRanking,
  committeeSession,
  committeeSessionsList,
  followUpsList,
  formDefinitionRecord,
  formDefinitionsPage,
  type GrantCallKind,
  type GrantCallStatus,
  grantApplication,
  grantAward,
  grantCall,
  grantCallsPage,
  grantDecision,
  grantPayment,
  monitoringVisit,
  notificationsPage,
  paymentsList,
  screening,
  screeningRunResult,
  type TrancheInput,
  type UpdateCallBody,
  visitsList,
} from '@oselia/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../api/client.ts';
import { reviewerChoices } from './reviewerChoices.ts';

const id = encodeURIComponent;

export interface ApplicationFilter {
  status?: ApplicationStatus | undefined;
  oblast?: string | undefined;
  eligible?: 'true' | 'false' | undefined;
}

export const grantsKeys = {
  all: ['grants'] as const,
  calls: (status?: GrantCallStatus, kind?: GrantCallKind) =>
    ['grants', 'calls', status ?? '', kind ?? ''] as const,
  call: (callId: string) => ['grants', 'call', callId] as const,
  applications: (callId: string, filter: ApplicationFilter) =>
    ['grants', 'call', callId, 'applications', filter] as const,
  ranking: (callId: string) => ['grants', 'call', callId, 'ranking'] as const,
  sessions: (callId: string) => ['grants', 'call', callId, 'sessions'] as const,
  dashboard: (callId: string) => ['grants', 'call', callId, 'dashboard'] as const,
  application: (applicationId: string) => ['grants', 'application', applicationId] as const,
  reviews: (applicationId: string) => ['grants', 'application', applicationId, 'reviews'] as const,
  session: (sessionId: string) => ['grants', 'session', sessionId] as const,
  awards: (callId?: string) => ['grants', 'awards', callId ?? ''] as const,
  award: (awardId: string) => ['grants', 'award', awardId] as const,
  payments: (awardId: string) => ['grants', 'award', awardId, 'payments'] as const,
  visits: (awardId: string) => ['grants', 'award', awardId, 'visits'] as const,
  followUps: (filter: { callId?: string; awardId?: string }) => ['grants', 'follow-ups', filter] as const,
  notifications: (entityType: string, entityId: string) =>
    ['grants', 'notifications', entityType, entityId] as const,
  forms: ['grants', 'forms'] as const,
  form: (formId: string) => ['grants', 'form', formId] as const,
  reviewers: ['grants', 'reviewers'] as const,
};

export const callsQuery = (status?: GrantCallStatus, kind?: GrantCallKind) =>
  queryOptions({
    queryKey: grantsKeys.calls(status, kind),
    queryFn: ({ signal }) =>
      apiGet('/grants/calls', grantCallsPage, { query: { status, kind, limit: 200 }, signal }),
    staleTime: 10_000,
  });

export const callQuery = (callId: string) =>
  queryOptions({
    queryKey: grantsKeys.call(callId),
    queryFn: ({ signal }) => apiGet(`/grants/calls/${id(callId)}`, grantCall, { signal }),
    staleTime: 10_000,
  });

export const applicationsQuery = (callId: string, filter: ApplicationFilter) =>
  queryOptions({
    queryKey: grantsKeys.applications(callId, filter),
    queryFn: ({ signal }) =>
      apiGet(`/grants/calls/${id(callId)}/applications`, applicationsPage, {
        query: { ...filter, limit: 200 },
        signal,
      }),
    staleTime: 5_000,
  });

export const applicationQuery = (applicationId: string) =>
  queryOptions({
    queryKey: grantsKeys.application(applicationId),
    queryFn: ({ signal }) =>
      apiGet(`/grants/applications/${id(applicationId)}`, grantApplication, { signal }),
    // Every opening is audit-logged: do not re-read behind the manager's back.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });

export const reviewsQuery = (applicationId: string) =>
  queryOptions({
    queryKey: grantsKeys.reviews(applicationId),
    queryFn: ({ signal }) =>
      apiGet(`/grants/applications/${id(applicationId)}/reviews`, applicationReviews, { signal }),
    staleTime: 5_000,
  });

export const rankingQuery = (callId: string) =>
  queryOptions({
    queryKey: grantsKeys.ranking(callId),
    queryFn: ({ signal }) => apiGet(`/grants/calls/${id(callId)}/ranking`, callRanking, { signal }),
    staleTime: 5_000,
  });

export const sessionsQuery = (callId: string) =>
  queryOptions({
    queryKey: grantsKeys.sessions(callId),
    queryFn: ({ signal }) =>
      apiGet(`/grants/calls/${id(callId)}/committee-sessions`, committeeSessionsList, { signal }),
    staleTime: 5_000,
  });

export const sessionQuery = (sessionId: string) =>
  queryOptions({
    queryKey: grantsKeys.session(sessionId),
    queryFn: ({ signal }) =>
      apiGet(`/grants/committee-sessions/${id(sessionId)}`, committeeSession, { signal }),
    staleTime: 5_000,
  });

export const dashboardQuery = (callId: string) =>
  queryOptions({
    queryKey: grantsKeys.dashboard(callId),
    queryFn: ({ signal }) => apiGet(`/grants/calls/${id(callId)}/dashboard`, callDashboard, { signal }),
    staleTime: 30_000,
  });

export const awardsQuery = (callId?: string) =>
  queryOptions({
    queryKey: grantsKeys.awards(callId),
    queryFn: ({ signal }) => apiGet('/grants/awards', awardsPage, { query: { callId, limit: 200 }, signal }),
    staleTime: 5_000,
  });

export const awardQuery = (awardId: string) =>
  queryOptions({
    queryKey: grantsKeys.award(awardId),
    queryFn: ({ signal }) => apiGet(`/grants/awards/${id(awardId)}`, grantAward, { signal }),
    staleTime: 5_000,
  });

export const paymentsQuery = (awardId: string) =>
  queryOptions({
    queryKey: grantsKeys.payments(awardId),
    queryFn: ({ signal }) => apiGet(`/grants/awards/${id(awardId)}/payments`, paymentsList, { signal }),
    staleTime: 5_000,
  });

export const visitsQuery = (awardId: string, enabled = true) =>
  queryOptions({
    queryKey: grantsKeys.visits(awardId),
    queryFn: ({ signal }) => apiGet(`/grants/awards/${id(awardId)}/visits`, visitsList, { signal }),
    staleTime: 5_000,
    enabled,
  });

export const followUpsQuery = (filter: { callId?: string; awardId?: string }, enabled = true) =>
  queryOptions({
    queryKey: grantsKeys.followUps(filter),
    queryFn: ({ signal }) => apiGet('/grants/follow-ups', followUpsList, { query: filter, signal }),
    staleTime: 30_000,
    enabled,
  });

/** The outbox messages about one record (an application), newest first. */
export const notificationsQuery = (entityType: string, entityId: string, enabled = true) =>
  queryOptions({
    queryKey: grantsKeys.notifications(entityType, entityId),
    queryFn: ({ signal }) =>
      apiGet('/notifications', notificationsPage, { query: { entityType, entityId, limit: 50 }, signal }),
    staleTime: 10_000,
    enabled,
  });

/** Stored form definitions, to pin one to a call. */
export const formsQuery = () =>
  queryOptions({
    queryKey: grantsKeys.forms,
    queryFn: ({ signal }) => apiGet('/forms', formDefinitionsPage, { query: { limit: 200 }, signal }),
    staleTime: 60_000,
    retry: false,
  });

export const formQuery = (formId: string | null, version?: number) =>
  queryOptions({
    queryKey: [...grantsKeys.form(formId ?? ''), version ?? 'latest'],
    queryFn: ({ signal }) =>
      apiGet(`/forms/${id(formId ?? '')}`, formDefinitionRecord, { query: { version }, signal }),
    enabled: formId !== null,
    staleTime: 60_000,
    retry: false,
  });

/** Active users with the reviewer role, to assign to applications. */
export const reviewersQuery = () =>
  queryOptions({
    queryKey: grantsKeys.reviewers,
    queryFn: ({ signal }) => apiGet('/grants/reviewers', reviewerChoices, { signal }),
    staleTime: 60_000,
  });

const post = <T>(path: string, schema: Parameters<typeof apiRequest<T>>[1], body?: unknown) =>
  apiRequest(path, schema, { method: 'POST', ...(body === undefined ? {} : { body }) });

export const grantsApi = {
  createCall: (body: CreateCallBody) => post('/grants/calls', grantCall, body),
  updateCall: (callId: string, body: UpdateCallBody) =>
    apiRequest(`/grants/calls/${id(callId)}`, grantCall, { method: 'PATCH', body }),
  openCall: (callId: string, version: number) =>
    post(`/grants/calls/${id(callId)}/open`, grantCall, { version }),
  closeCall: (callId: string, version: number) =>
    post(`/grants/calls/${id(callId)}/close`, grantCall, { version }),

  screenCall: (callId: string) => post(`/grants/calls/${id(callId)}/screening`, screeningRunResult),
  screenApplication: (applicationId: string) =>
    post(`/grants/applications/${id(applicationId)}/screening`, screening),
  overrideScreening: (
    applicationId: string,
    body: { result: 'eligible' | 'ineligible'; reason: string; version: number },
  ) => post(`/grants/applications/${id(applicationId)}/screening/override`, screening, body),
  linkPerson: (applicationId: string, personId: string, version: number) =>
    post(`/grants/applications/${id(applicationId)}/person`, grantApplication, { personId, version }),

  assignReviewers: (applicationId: string, reviewerIds: string[]) =>
    post(`/grants/applications/${id(applicationId)}/reviewers`, applicationReviews, { reviewerIds }),
  withdrawAssignment: (assignmentId: string) =>
    post(`/grants/review-assignments/${id(assignmentId)}/withdraw`, applicationReviews),

  createSession: (callId: string, body: { heldOn: string; minutes: string; attendees: string[] }) =>
    post(`/grants/calls/${id(callId)}/committee-sessions`, committeeSession, body),
  updateSession: (
    sessionId: string,
    body: { version: number; minutes?: string; attendees?: string[]; heldOn?: string },
  ) => apiRequest(`/grants/committee-sessions/${id(sessionId)}`, committeeSession, { method: 'PATCH', body }),
  closeSession: (sessionId: string, version: number) =>
    post(`/grants/committee-sessions/${id(sessionId)}/close`, committeeSession, { version }),
  proposeDecision: (
    sessionId: string,
    body: {
      applicationId: string;
      outcome: 'approve' | 'waiting_list' | 'reject';
      amountMinor: number | null;
      reason: string | null;
    },
  ) => post(`/grants/committee-sessions/${id(sessionId)}/decisions`, grantDecision, body),
  approveDecision: (decisionId: string, version: number) =>
    post(`/grants/decisions/${id(decisionId)}/approve`, grantDecision, { version }),
  withdrawDecision: (decisionId: string, version: number) =>
    post(`/grants/decisions/${id(decisionId)}/withdraw`, grantDecision, { version }),

  createAward: (body: { decisionId: string; language?: 'uk' | 'en'; tranches?: TrancheInput[] }) =>
    post('/grants/awards', grantAward, body),
  setPlan: (awardId: string, version: number, tranches: TrancheInput[]) =>
    apiRequest(`/grants/awards/${id(awardId)}/plan`, grantAward, {
      method: 'PUT',
      body: { version, tranches },
    }),
  recordPayment: (
    awardId: string,
    body: { trancheId: string; paidOn: string; amountMinor: number; reference: string },
  ) => post(`/grants/awards/${id(awardId)}/payments`, grantPayment, body),
  recordVisit: (
    awardId: string,
    body: {
      visitedOn: string;
      followUpMonth: 3 | 6 | 12 | null;
      operating: boolean;
      jobsCreated: number;
      jobsKept: number;
      notes: string | null;
    },
  ) => post(`/grants/awards/${id(awardId)}/visits`, monitoringVisit, body),
  closeAward: (
    awardId: string,
    body: {
      version: number;
      reason: 'completed' | 'not_operating' | 'terminated' | 'other';
      note: string | null;
    },
  ) => post(`/grants/awards/${id(awardId)}/close`, grantAward, body),
};

/** Where the agreement PDF and staff document downloads live (same origin, the session cookie goes along). */
export const agreementUrl = (awardId: string) => `/api/v1/grants/awards/${id(awardId)}/agreement.pdf`;
export const staffFileUrl = (fileId: string) => `/api/v1/files/${id(fileId)}`;
