import { Button } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from './session.ts';

const AccountMenu = lazy(async () => ({ default: (await import('./AccountMenu.tsx')).AccountMenu }));

/** The header's account corner: a sign-in link, or the signed-in user's menu. */
export function UserMenu() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const { pathname, search } = useLocation();

  if (!session) {
    if (pathname.startsWith('/sign-in')) return null;
    const next = pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + search)}`;
    return (
      <Button component={Link} to={`/sign-in${next}`} size="compact-sm" variant="outline">
        {t('nav.signIn')}
      </Button>
    );
  }
  return (
    <Suspense fallback={null}>
      <AccountMenu session={session} />
    </Suspense>
  );
}
