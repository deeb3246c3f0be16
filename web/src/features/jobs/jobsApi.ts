import { type Job, type JobStatus, job, jobsPage } from '@oselia/contracts';
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiGet } from '../../api/client.ts';

export const isActive = (status: JobStatus) => status === 'queued' || status === 'running';

export const jobsListQuery = (status: JobStatus | undefined) =>
  infiniteQueryOptions({
    queryKey: ['jobs', 'list', status ?? 'all'],
    queryFn: ({ pageParam, signal }) =>
      apiGet('/jobs', jobsPage, { query: { status, cursor: pageParam, limit: 50 }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    staleTime: 2_000,
    // Keep the list fresh while something is still moving.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((j) => isActive(j.status))) ? 5_000 : false,
  });

export const jobQuery = (id: string) =>
  queryOptions({
    queryKey: ['jobs', 'detail', id],
    queryFn: ({ signal }) => apiGet(`/jobs/${encodeURIComponent(id)}`, job, { signal }),
    staleTime: 0,
    // Poll every second while the job is queued or running.
    refetchInterval: (query) => {
      const data: Job | undefined = query.state.data;
      return data && isActive(data.status) ? 1_000 : false;
    },
  });
