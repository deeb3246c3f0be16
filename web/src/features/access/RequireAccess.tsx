import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiErrorAlert } from '../../ui/ApiErrorAlert.tsx';
import { Loading } from '../../ui/Loading.tsx';
import { PageTitle } from '../../ui/PageTitle.tsx';
import type { PageAccess } from './permissions.ts';
import { decideAccess, isSigningOut, useSession } from './session.ts';

/** The path (with query) to come back to after signing in. */
export function useReturnPath(): string {
  const location = useLocation();
  return `${location.pathname}${location.search}`;
}

/**
 * Shows its children only when the session may open the page; otherwise sends the person to sign
 * in, to the second step, or to two-factor set-up, with `next` pointing back here.
 */
export function RequireAccess({ access, children }: { access: PageAccess; children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const here = useReturnPath();
  const next = encodeURIComponent(here);

  if (access === 'public') return children;
  if (session.isPending) return <Loading />;
  if (session.isError && session.data === undefined) {
    return <ApiErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  }
  switch (decideAccess(access, session.data ?? null)) {
    case 'allowed':
      return children;
    case 'anonymous':
      // Signing out: the sign-in page is on its way; do not add "come back here" to it.
      if (isSigningOut()) return null;
      return <Navigate to={`/sign-in?next=${next}`} replace />;
    case 'mfa':
      return <Navigate to={`/sign-in/code?next=${next}`} replace />;
    case 'enrol':
      return <Navigate to={`/account/two-factor?next=${next}`} replace />;
    case 'forbidden':
      return (
        <>
          <PageTitle>{t('errors.forbiddenTitle')}</PageTitle>
          <p>{t('errors.forbiddenBody')}</p>
        </>
      );
  }
}
