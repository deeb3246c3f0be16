import { conflictDeclared, myReviewsList, type ReviewAssignmentStatus, reviewSheet } from '@oselia/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../api/client.ts';

const id = encodeURIComponent;

export const reviewKeys = {
  mine: (status?: ReviewAssignmentStatus) => ['grants', 'my-reviews', status ?? 'all'] as const,
  sheet: (applicationId: string) => ['grants', 'review-sheet', applicationId] as const,
};

/** The reviewer's own assignments (only the applications assigned to it). */
export const myReviewsQuery = (status?: ReviewAssignmentStatus) =>
  queryOptions({
    queryKey: reviewKeys.mine(status),
    queryFn: ({ signal }) => apiGet('/grants/reviews', myReviewsList, { query: { status }, signal }),
    staleTime: 5_000,
  });

export const reviewSheetQuery = (applicationId: string, enabled: boolean) =>
  queryOptions({
    queryKey: reviewKeys.sheet(applicationId),
    queryFn: ({ signal }) =>
      apiGet(`/grants/applications/${id(applicationId)}/review`, reviewSheet, { signal }),
    enabled,
    staleTime: 60_000,
    refetchOnWindowFocus: false,
    retry: false,
  });

export interface ScoreInput {
  criterion: string;
  score: number;
  comment: string;
}

export const reviewsApi = {
  declare: (applicationId: string, conflict: boolean, note: string | null) =>
    apiRequest(`/grants/applications/${id(applicationId)}/review/conflict`, conflictDeclared, {
      method: 'POST',
      body: { conflict, note },
    }),
  save: (applicationId: string, scores: ScoreInput[]) =>
    apiRequest(`/grants/applications/${id(applicationId)}/review`, reviewSheet, {
      method: 'PUT',
      body: { scores },
    }),
  submit: (applicationId: string) =>
    apiRequest(`/grants/applications/${id(applicationId)}/review/submit`, reviewSheet, { method: 'POST' }),
};
