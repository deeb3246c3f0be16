import { healthResponse } from '@oselia/contracts';
import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../../api/client.ts';

export const healthQuery = () =>
  queryOptions({
    queryKey: ['health'],
    queryFn: ({ signal }) => apiGet('/health', healthResponse, { signal }),
    staleTime: 10_000,
  });
