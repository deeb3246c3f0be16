import { Button, Divider, NavLink as MantineNavLink } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { useSession } from './session.ts';
import { useSignOut } from './signOut.ts';

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

/** The account corner as links at the end of the phone menu, where the header has no room. */
export function PhoneAccountLinks() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const { pathname } = useLocation();
  const { here } = useSignOut();
  return (
    <>
      <Divider my="xs" />
      {!session ? (
        <MantineNavLink component={NavLink} to="/sign-in" label={t('nav.signIn')} fw={500} />
      ) : (
        <>
          {session.state === 'active' && (
            <MantineNavLink
              component={NavLink}
              to="/account"
              label={t('auth.myAccount')}
              description={session.user.displayName}
              active={pathname === '/account'}
              variant="filled"
              fw={500}
            />
          )}
          <MantineNavLink
            component="button"
            label={t('auth.signOut')}
            onClick={() => here.mutate()}
            fw={500}
          />
        </>
      )}
    </>
  );
}
