import { Avatar, Button, Menu, Text } from '@mantine/core';
import type { CurrentSession } from '@oselia/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignOut } from './signOut.ts';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** The signed-in user's menu (loaded on demand: the menu's popover code is large). */
export function AccountMenu({ session }: { session: CurrentSession }) {
  const { t } = useTranslation();
  const { here, everywhere } = useSignOut();
  const name = session.user.displayName;
  const active = session.state === 'active';
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={240} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="subtle"
          size="compact-md"
          px={4}
          aria-label={t('auth.userMenu', { name })}
          leftSection={
            <Avatar size={28} color="blue" variant="filled" aria-hidden>
              {initials(name)}
            </Avatar>
          }
        >
          <Text component="span" size="sm" fw={500} visibleFrom="sm" truncate maw={180}>
            {name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{session.user.email}</Menu.Label>
        {active && (
          <Menu.Item component={Link} to="/account">
            {t('auth.myAccount')}
          </Menu.Item>
        )}
        <Menu.Item onClick={() => here.mutate()}>{t('auth.signOut')}</Menu.Item>
        {active && <Menu.Item onClick={() => everywhere.mutate()}>{t('auth.signOutEverywhere')}</Menu.Item>}
      </Menu.Dropdown>
    </Menu>
  );
}
