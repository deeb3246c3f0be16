import {
  type DedupDecisionBody,
  dedupPair,
  dedupPairDetail,
  dedupPairsPage,
  dedupRunStarted,
  duplicateCheckResult,
  jobsPage,
} from '@oselia/contracts';
import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../api/client.ts';
import type { DuplicateCheckRequest } from './explanation.ts';

export const PAIR_STATUSES = ['pending', 'skipped', 'merged', 'not_same', 'undone'] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];
export type PairKind = 'link' | 'review';
export const DEDUP_RUN_KIND = 'dedup.run';

const id = encodeURIComponent;

export const dedupKeys = {
  all: ['dedup'] as const,
  pairs: (status: PairStatus, kind: PairKind | undefined) =>
    ['dedup', 'pairs', status, kind ?? 'all'] as const,
  pair: (pairId: string) => ['dedup', 'pair', pairId] as const,
  lastRun: ['dedup', 'last-run'] as const,
  check: (body: DuplicateCheckRequest | null) => ['dedup', 'check', body] as const,
};

export const pairsQuery = (status: PairStatus, kind: PairKind | undefined) =>
  infiniteQueryOptions({
    queryKey: dedupKeys.pairs(status, kind),
    queryFn: ({ pageParam, signal }) =>
      apiGet('/dedup/pairs', dedupPairsPage, {
        query: { status, decision: kind, cursor: pageParam, limit: 20 },
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    staleTime: 5_000,
  });

export const pairQuery = (pairId: string) =>
  queryOptions({
    queryKey: dedupKeys.pair(pairId),
    queryFn: ({ signal }) => apiGet(`/dedup/pairs/${id(pairId)}`, dedupPairDetail, { signal }),
    // Every look at a pair is audit-logged: do not re-read behind the reviewer's back.
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });

/** The latest dedup run, to show its progress or when it ended. */
export const lastRunQuery = () =>
  queryOptions({
    queryKey: dedupKeys.lastRun,
    queryFn: async ({ signal }) =>
      (await apiGet('/jobs', jobsPage, { query: { kind: DEDUP_RUN_KIND, limit: 1 }, signal })).items[0] ??
      null,
    staleTime: 2_000,
  });

/** Likely duplicates of a draft registration; the previous answer stays while the next one loads. */
export const duplicateCheckQuery = (body: DuplicateCheckRequest | null) =>
  queryOptions({
    queryKey: dedupKeys.check(body),
    queryFn: ({ signal }) =>
      apiRequest('/people/duplicate-check', duplicateCheckResult, { method: 'POST', body, signal }),
    enabled: body !== null,
    staleTime: 30_000,
    retry: false,
    placeholderData: keepPreviousData,
  });

export const dedupApi = {
  startRun: () => apiRequest('/dedup/runs', dedupRunStarted, { method: 'POST' }),
  decide: (pairId: string, body: DedupDecisionBody) =>
    apiRequest(`/dedup/pairs/${id(pairId)}/decision`, dedupPair, { method: 'POST', body }),
  undo: (pairId: string) => apiRequest(`/dedup/pairs/${id(pairId)}/undo`, dedupPair, { method: 'POST' }),
  /** The strongest pending pair other than `except`, for "next pair". */
  nextPending: async (except: string) => {
    const page = await apiGet('/dedup/pairs', dedupPairsPage, { query: { status: 'pending', limit: 3 } });
    return page.items.find((p) => p.id !== except)?.id ?? null;
  },
};
