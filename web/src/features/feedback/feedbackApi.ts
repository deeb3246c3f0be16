import {
  type FeedbackCategory,
  type FeedbackStatus,
  feedbackHandlers,
  feedbackItem,
  feedbackList,
  feedbackReceipt,
  feedbackStats,
  type RecordFeedbackBody,
  usersPage,
} from '@oselia/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiGet, apiRequest, apiSend } from '../../api/client.ts';

const id = encodeURIComponent;

/** The queue's filters, as they stand in the page address. */
export interface QueueFilter {
  category?: FeedbackCategory;
  status?: FeedbackStatus;
  overdue?: boolean;
  escalated?: boolean;
  assignee?: 'me' | 'none';
  /** A reference code as typed; the server reads it whatever its case, spaces or dashes. */
  reference?: string;
  /** From 1. */
  page?: number;
}

/** Items per page of the queue. */
export const QUEUE_PAGE = 50;

export const feedbackKeys = {
  all: ['feedback'] as const,
  list: (filter: QueueFilter) => ['feedback', 'list', filter] as const,
  item: (itemId: string) => ['feedback', 'item', itemId] as const,
  stats: ['feedback', 'stats'] as const,
  handlers: ['feedback', 'handlers'] as const,
  staff: ['feedback', 'staff'] as const,
};

export const queueQuery = (filter: QueueFilter) =>
  queryOptions({
    queryKey: feedbackKeys.list(filter),
    queryFn: ({ signal }) => {
      const { page = 1, ...rest } = filter;
      return apiGet('/feedback', feedbackList, {
        query: { ...rest, limit: QUEUE_PAGE, offset: (page - 1) * QUEUE_PAGE },
        signal,
      });
    },
    // The page being left stays in view until the next one arrives.
    placeholderData: keepPreviousData,
  });

export const itemQuery = (itemId: string) =>
  queryOptions({
    queryKey: feedbackKeys.item(itemId),
    queryFn: ({ signal }) => apiGet(`/feedback/${id(itemId)}`, feedbackItem, { signal }),
    // A form is open on this page; a refetch on focus would start it afresh.
    refetchOnWindowFocus: false,
  });

export const statsQuery = () =>
  queryOptions({
    queryKey: feedbackKeys.stats,
    queryFn: ({ signal }) => apiGet('/feedback/stats', feedbackStats, { signal }),
  });

export const handlersQuery = () =>
  queryOptions({
    queryKey: feedbackKeys.handlers,
    queryFn: ({ signal }) => apiGet('/feedback/handlers', feedbackHandlers, { signal }),
  });

/**
 * Active users whose role may handle feedback (admins and registration officers): whom an admin
 * may assign an item to or designate for sensitive reports. Listing users is for admins only.
 */
export const feedbackStaffQuery = () =>
  queryOptions({
    queryKey: feedbackKeys.staff,
    queryFn: async ({ signal }) => {
      const pages = await Promise.all(
        (['registration_officer', 'admin'] as const).map((role) =>
          apiGet('/users', usersPage, { query: { role, status: 'active', limit: 200 }, signal }),
        ),
      );
      const seen = new Set<string>();
      return pages
        .flatMap((p) => p.items)
        .filter((u) => !seen.has(u.id) && seen.add(u.id))
        .map((u) => ({ id: u.id, displayName: u.displayName, email: u.email }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
    },
    staleTime: 60_000,
  });

export const feedbackApi = {
  record: (body: RecordFeedbackBody) => apiRequest('/feedback', feedbackReceipt, { method: 'POST', body }),
  respond: (itemId: string, version: number, visibility: 'public' | 'internal', text: string) =>
    apiRequest(`/feedback/${id(itemId)}/responses`, feedbackItem, {
      method: 'POST',
      body: { version, visibility, text },
    }),
  assign: (itemId: string, version: number, assigneeId: string | null) =>
    apiRequest(`/feedback/${id(itemId)}/assign`, feedbackItem, {
      method: 'POST',
      body: { version, assigneeId },
    }),
  escalate: (itemId: string, version: number, reason: string) =>
    apiRequest(`/feedback/${id(itemId)}/escalate`, feedbackItem, {
      method: 'POST',
      body: { version, reason },
    }),
  close: (itemId: string, version: number, resolution: string) =>
    apiRequest(`/feedback/${id(itemId)}/close`, feedbackItem, {
      method: 'POST',
      body: { version, resolution },
    }),
  grantHandler: (userId: string) => apiSend(`/feedback/handlers/${id(userId)}`, { method: 'PUT' }),
  revokeHandler: (userId: string) => apiSend(`/feedback/handlers/${id(userId)}`, { method: 'DELETE' }),
};
