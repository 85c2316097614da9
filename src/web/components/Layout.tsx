import { AppShell, Burger, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import type { Me } from '../api/types.js';
import { UserMenuOnDemand } from './header/UserMenuOnDemand.js';
import { activeNav, MainNavigation } from './navigation/MainNavigation.js';
import { NotificationBell } from './NotificationBell.js';
import { titleOfPath, useDocumentTitle } from './page-title.js';
import { SkipLink } from './SkipLink.js';
import { useWideScreen } from './wide-screen.js';

/** The app shell: navigation, the organisation's name and the user menu. */
export function Layout({ me }: { me: Me }) {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  // Read at once (no first render as narrow, then wide): the navigation must not flash in on a desktop.
  const wide = useWideScreen();
  // Kept once drawn, so the drawer's closing slide still shows its links.
  const [navDrawn, setNavDrawn] = useState(wide);
  if ((wide || opened) && !navDrawn) setNavDrawn(true);
  useDocumentTitle(titleOfPath(location.pathname));
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <SkipLink target="main-content" />
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Title order={3} c="teal.9">
              Cairn
            </Title>
            <Text c="dimmed" size="sm" truncate data-testid="org-name" visibleFrom="xs">
              {me.organization.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <UserMenuOnDemand me={me} />
          </Group>
        </Group>
      </AppShell.Header>
      {/* On a phone the drawer is drawn the first time it opens (Home then lays out 152 elements, not 249), and
          while closed it is inert: slid out of view, its links must not take the keyboard's focus. */}
      <AppShell.Navbar p="sm" aria-label="Main navigation" inert={!wide && !opened}>
        <AppShell.Section grow style={{ overflowY: 'auto' }}>
          {navDrawn && <MainNavigation can={me.can} active={activeNav(location.pathname)} onNavigate={close} />}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
