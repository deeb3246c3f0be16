import { Anchor, AppShell, Box, Burger, Group, NavLink as MantineNavLink, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { mayOpen, useSession } from '../features/access/session.ts';
import { PhoneAccountLinks, UserMenu } from '../features/access/UserMenu.tsx';
import { Loading } from '../ui/Loading.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { navItems } from './routes.tsx';

const NAV_ID = 'main-navigation';
const MAIN_ID = 'main-content';

/** Moves focus to the new page's heading after client-side navigation, as a page load would. */
function useFocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the path changes
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById(MAIN_ID);
    const heading = main?.querySelector<HTMLElement>('h1');
    (heading ?? main)?.focus({ preventScroll: false });
  }, [pathname]);
}

export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const isMobile = useMediaQuery('(max-width: 47.99em)', false);
  const burgerRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const { data: session } = useSession();
  const links = navItems.filter((item) => mayOpen(item.access, session));
  // One entry is current: the longest that holds the address (Feedback statistics, not Feedback too).
  const activeTo = links
    .filter((item) =>
      item.end
        ? pathname === item.to
        : pathname === item.to || pathname.startsWith(`${item.to.replace(/\/$/, '')}/`),
    )
    .reduce<string | null>((best, item) => (best && best.length >= item.to.length ? best : item.to), null);

  useFocusOnNavigate();

  // Close the phone menu whenever the page changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => close(), [pathname, close]);

  const menuHidden = isMobile && !opened;

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <a className="skip-link" href={`#${MAIN_ID}`}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              ref={burgerRef}
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('app.closeMenu') : t('app.openMenu')}
              aria-expanded={opened}
              aria-controls={NAV_ID}
            />
            <Anchor component={Link} to="/" underline="never" c="var(--mantine-color-text)">
              <Text component="span" fw={700} fz="xl">
                {t('app.name')}
              </Text>
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            {/* On a phone the account links live in the menu drawer instead. */}
            <Box visibleFrom="sm">
              <UserMenu />
            </Box>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar
        id={NAV_ID}
        p="sm"
        // An admin's menu is longer than a laptop screen is tall: it scrolls on its own.
        style={{ overflowY: 'auto' }}
        aria-label={t('app.mainNav')}
        inert={menuHidden}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && isMobile && opened) {
            close();
            burgerRef.current?.focus();
          }
        }}
      >
        {links.map((item) => (
          <MantineNavLink
            key={item.to}
            // A plain link: React Router's NavLink would also mark the parent entry (People on
            // People › Import) as the current page.
            component={Link}
            to={item.to}
            aria-current={item.to === activeTo ? 'page' : undefined}
            label={t(`nav.${item.label}`)}
            active={item.to === activeTo}
            variant="filled"
            fw={500}
          />
        ))}
        {isMobile && <PhoneAccountLinks />}
      </AppShell.Navbar>

      <AppShell.Main id={MAIN_ID} tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <ScrollRestoration />
    </AppShell>
  );
}
