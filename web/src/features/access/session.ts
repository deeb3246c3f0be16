import type { CurrentSession } from '@oselia/contracts';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { setCsrfToken } from '../../api/csrf.ts';
import { isApiError } from '../../api/errors.ts';
import { type PageAccess, rolesAllow } from './permissions.ts';

export const SESSION_KEY = ['auth', 'session'] as const;

/** The current session, or null when nobody is signed in. Keeps the CSRF token up to date. */
export const sessionQuery = () =>
  queryOptions({
    queryKey: SESSION_KEY,
    queryFn: async ({ signal }): Promise<CurrentSession | null> => {
      try {
        // Loaded on demand, so the app shell does not carry zod and the contracts.
        const { fetchSession } = await import('./accessApi.ts');
        const session = await fetchSession(signal);
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (isApiError(error) && error.isUnauthenticated) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
    // Notice an idle-expired session when the person comes back to the tab.
    refetchOnWindowFocus: true,
  });

export function useSession() {
  return useQuery(sessionQuery());
}

/** Stores a session the server just returned (sign-in, second step). */
export function rememberSession(queryClient: QueryClient, session: CurrentSession | null) {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(SESSION_KEY, session);
}

/**
 * Set while signing out, until the sign-in page shows: the page being left must not send the
 * person to sign in "to come back here" (it would race the navigation to the sign-in page).
 */
let signingOut = false;
export const isSigningOut = () => signingOut;
export function setSigningOut(value: boolean) {
  signingOut = value;
}

/** After sign-out: forget the session and everything loaded with it. */
export function forgetSession(queryClient: QueryClient) {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'places' });
  queryClient.setQueryData(SESSION_KEY, null);
}

export type AccessDecision = 'allowed' | 'anonymous' | 'mfa' | 'enrol' | 'forbidden';

/** What a page with this access rule should do for this session. */
export function decideAccess(access: PageAccess, session: CurrentSession | null): AccessDecision {
  if (access === 'public') return 'allowed';
  if (!session) return 'anonymous';
  if (session.state === 'mfa_pending') return 'mfa';
  if (access === 'session') return 'allowed';
  if (session.state === 'mfa_enrolment_required') return 'enrol';
  if (access === 'signedIn') return 'allowed';
  return rolesAllow(session.user.roles, access) ? 'allowed' : 'forbidden';
}

/** Whether a link to a page with this access rule is worth showing to this session. */
export const mayOpen = (access: PageAccess, session: CurrentSession | null | undefined) =>
  decideAccess(access, session ?? null) === 'allowed';
