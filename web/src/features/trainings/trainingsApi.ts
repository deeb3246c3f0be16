import {
  alumniList,
  alumnusReporter,
  attendanceSheet,
  awarenessSession,
  awarenessSessionsPage,
  type CreateAwarenessSessionBody,
  type CreateTrainingEventBody,
  certificateVerification,
  declineResult,
  eventReach,
  facilitatorCandidates,
  issueCertificatesResult,
  knowledgeSummary,
  knowledgeTest,
  projectReach,
  publicTrainingEvent,
  publicTrainingEventsList,
  selectionResult,
  type TestKind,
  type TestQuestion,
  testScores,
  trainingApplicantsList,
  trainingApplicationReceipt,
  trainingEvent,
  trainingEventsPage,
  trainingParticipantsList,
} from '@oselia/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiRequest, isApiError } from '../../api/client.ts';

const id = encodeURIComponent;

export const trainingsKeys = {
  all: ['trainings'] as const,
  list: (status: string | undefined) => ['trainings', 'list', status ?? 'all'] as const,
  event: (eventId: string) => ['trainings', 'event', eventId] as const,
  of: (eventId: string, part: string) => ['trainings', 'event', eventId, part] as const,
  sheet: (eventId: string, sessionId: string) => ['trainings', 'event', eventId, 'sheet', sessionId] as const,
  test: (eventId: string, kind: TestKind) => ['trainings', 'event', eventId, 'test', kind] as const,
  project: (code: string) => ['trainings', 'project', code] as const,
  public: ['trainings', 'public'] as const,
};

export const eventsQuery = (status?: string) =>
  queryOptions({
    queryKey: trainingsKeys.list(status),
    queryFn: ({ signal }) =>
      apiGet('/trainings/events', trainingEventsPage, { query: { status, limit: 200 }, signal }),
  });

export const eventQuery = (eventId: string) =>
  queryOptions({
    queryKey: trainingsKeys.event(eventId),
    queryFn: ({ signal }) => apiGet(`/trainings/events/${id(eventId)}`, trainingEvent, { signal }),
  });

export const applicantsQuery = (eventId: string) =>
  queryOptions({
    queryKey: trainingsKeys.of(eventId, 'applicants'),
    queryFn: ({ signal }) =>
      apiGet(`/trainings/events/${id(eventId)}/applications`, trainingApplicantsList, { signal }),
  });

export const participantsQuery = (eventId: string) =>
  queryOptions({
    queryKey: trainingsKeys.of(eventId, 'participants'),
    queryFn: ({ signal }) =>
      apiGet(`/trainings/events/${id(eventId)}/participants`, trainingParticipantsList, { signal }),
  });

export const sheetQuery = (eventId: string, sessionId: string) =>
  queryOptions({
    queryKey: trainingsKeys.sheet(eventId, sessionId),
    queryFn: ({ signal }) =>
      apiGet(`/trainings/events/${id(eventId)}/sessions/${id(sessionId)}/attendance`, attendanceSheet, {
        signal,
      }),
    refetchOnWindowFocus: false,
  });

/** A test, or null while none is set. */
export const testQuery = (eventId: string, kind: TestKind) =>
  queryOptions({
    queryKey: trainingsKeys.test(eventId, kind),
    queryFn: async ({ signal }) => {
      try {
        return await apiGet(`/trainings/events/${id(eventId)}/tests/${kind}`, knowledgeTest, { signal });
      } catch (error) {
        if (isApiError(error) && error.isNotFound) return null;
        throw error;
      }
    },
  });

export const knowledgeQuery = (eventId: string) =>
  queryOptions({
    queryKey: trainingsKeys.of(eventId, 'knowledge'),
    queryFn: ({ signal }) =>
      apiGet(`/trainings/events/${id(eventId)}/knowledge`, knowledgeSummary, { signal }),
  });

export const alumniQuery = (eventId: string) =>
  queryOptions({
    queryKey: trainingsKeys.of(eventId, 'alumni'),
    queryFn: ({ signal }) => apiGet(`/trainings/events/${id(eventId)}/alumni`, alumniList, { signal }),
  });

export const awarenessQuery = (eventId: string) =>
  queryOptions({
    queryKey: trainingsKeys.of(eventId, 'awareness'),
    queryFn: ({ signal }) =>
      apiGet('/awareness-sessions', awarenessSessionsPage, { query: { eventId, limit: 200 }, signal }),
  });

export const reachQuery = (eventId: string) =>
  queryOptions({
    queryKey: trainingsKeys.of(eventId, 'reach'),
    queryFn: ({ signal }) => apiGet(`/trainings/events/${id(eventId)}/reach`, eventReach, { signal }),
  });

export const projectReachQuery = (code: string) =>
  queryOptions({
    queryKey: trainingsKeys.project(code),
    queryFn: ({ signal }) =>
      apiGet('/trainings/reach', projectReach, { query: { projectCode: code }, signal }),
  });

export const candidatesQuery = () =>
  queryOptions({
    queryKey: ['trainings', 'facilitator-candidates'],
    queryFn: ({ signal }) => apiGet('/trainings/facilitator-candidates', facilitatorCandidates, { signal }),
    staleTime: 5 * 60_000,
  });

export const publicEventsQuery = () =>
  queryOptions({
    queryKey: trainingsKeys.public,
    queryFn: ({ signal }) => apiGet('/public/trainings', publicTrainingEventsList, { signal }),
  });

export const publicEventQuery = (eventId: string) =>
  queryOptions({
    queryKey: [...trainingsKeys.public, eventId],
    queryFn: ({ signal }) => apiGet(`/public/trainings/${id(eventId)}`, publicTrainingEvent, { signal }),
  });

export const verifyQuery = (code: string) =>
  queryOptions({
    queryKey: ['trainings', 'verify', code],
    queryFn: ({ signal }) => apiGet(`/public/certificates/${id(code)}`, certificateVerification, { signal }),
    enabled: code.trim().length >= 4,
    retry: false,
  });

export const reporterQuery = (token: string) =>
  queryOptions({
    queryKey: ['trainings', 'reporter', token],
    queryFn: ({ signal }) => apiGet(`/public/awareness/reporters/${id(token)}`, alumnusReporter, { signal }),
    retry: false,
  });

export type EventBody = CreateTrainingEventBody;

export const trainingsApi = {
  create: (body: EventBody) => apiRequest('/trainings/events', trainingEvent, { method: 'POST', body }),
  update: (eventId: string, body: Partial<EventBody> & { version: number; status?: string }) =>
    apiRequest(`/trainings/events/${id(eventId)}`, trainingEvent, { method: 'PATCH', body }),
  select: (eventId: string) =>
    apiRequest(`/trainings/events/${id(eventId)}/selection`, selectionResult, { method: 'POST' }),
  decline: (applicationId: string, version: number, reason: string | null) =>
    apiRequest(`/trainings/applications/${id(applicationId)}/decline`, declineResult, {
      method: 'POST',
      body: { version, reason },
    }),
  recordAttendance: (
    eventId: string,
    sessionId: string,
    entries: { applicationId: string; present: boolean }[],
  ) =>
    apiRequest(`/trainings/events/${id(eventId)}/sessions/${id(sessionId)}/attendance`, attendanceSheet, {
      method: 'PUT',
      body: { entries },
    }),
  putTest: (eventId: string, kind: TestKind, questions: TestQuestion[], version?: number) =>
    apiRequest(`/trainings/events/${id(eventId)}/tests/${kind}`, knowledgeTest, {
      method: 'PUT',
      body: { questions, ...(version === undefined ? {} : { version }) },
    }),
  recordAnswers: (
    eventId: string,
    kind: TestKind,
    entries: { applicationId: string; answers: Record<string, string[]> }[],
  ) =>
    apiRequest(`/trainings/events/${id(eventId)}/tests/${kind}/answers`, testScores, {
      method: 'PUT',
      body: { entries },
    }),
  issueCertificates: (eventId: string) =>
    apiRequest(`/trainings/events/${id(eventId)}/certificates`, issueCertificatesResult, { method: 'POST' }),
  recordSession: (body: CreateAwarenessSessionBody) =>
    apiRequest('/awareness-sessions', awarenessSession, { method: 'POST', body }),
  reportSession: (token: string, body: Omit<CreateAwarenessSessionBody, 'alumnusApplicationId'>) =>
    apiRequest(
      `/public/awareness/reporters/${id(token)}/sessions`,
      awarenessSession.omit({ facilitator: true }),
      {
        method: 'POST',
        body,
      },
    ),
  apply: (eventId: string, language: 'uk' | 'en', answers: Record<string, unknown>) =>
    apiRequest(`/public/trainings/${id(eventId)}/applications`, trainingApplicationReceipt, {
      method: 'POST',
      body: { language, answers },
    }),
};

/** Where a certificate's PDF downloads from (a plain link: the session cookie goes along). */
export const certificatePdfUrl = (certificateId: string) =>
  `/api/v1/trainings/certificates/${id(certificateId)}/pdf`;
