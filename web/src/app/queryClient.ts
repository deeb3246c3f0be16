import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/errors.ts';

/** Retries only what may pass by itself: network failures and 5xx, twice at most. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!isApiError(error)) return false;
  return error.isNetwork || error.status >= 500;
}

const SESSION_KEY = ['auth', 'session'];

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the session ended (signed out elsewhere, idle too long, expired): ask the
  // server again what the session is; protected pages then send the person to sign in, keeping the
  // path to come back to.
  const onError = (error: unknown) => {
    if (isApiError(error) && error.isUnauthenticated) {
      void client.invalidateQueries({ queryKey: SESSION_KEY, exact: true });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] !== SESSION_KEY[0]) onError(error);
      },
    }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}
