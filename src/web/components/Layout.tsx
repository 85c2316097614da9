import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import type { Me } from '../api/types.js';
import { UserMenuOnDemand } from './header/UserMenuOnDemand.js';
import { NotificationBell } from './NotificationBell.js';
import { titleOfPath, useDocumentTitle } from './page-title.js';
import { SkipLink } from './SkipLink.js';

const NAV: { to: string; label: string; shownIf?: keyof Me['can'] }[] = [
  { to: '/', label: 'Home' },
  { to: '/okrs', label: 'OKRs' },
  { to: '/kpis', label: 'KPIs' },
  { to: '/review', label: 'Review' },
  { to: '/okrs/map', label: 'Alignment map' },
  { to: '/okrs/heatmap', label: 'Heatmap' },
  { to: '/okrs/departments', label: 'Department map' },
  { to: '/strategy', label: 'Strategy' },
  { to: '/feed', label: 'Feed' },
  { to: '/attention', label: 'Needs attention' },
  { to: '/lessons', label: 'Lessons' },
  { to: '/surveys', label: 'Surveys' },
  { to: '/meetings', label: 'Meetings' },
  { to: '/teams', label: 'Teams' },
  { to: '/people', label: 'People' },
  { to: '/principles', label: 'Guiding principles' },
  { to: '/settings/rhythm', label: 'Check-in rhythm' },
  { to: '/settings/status-margins', label: 'Status margins' },
  { to: '/settings/tokens', label: 'API tokens' },
  { to: '/settings/import', label: 'Import OKRs', shownIf: 'importData' },
  { to: '/adoption', label: 'Adoption', shownIf: 'readAdoption' },
];

/** The navigation item a path belongs to: the longest matching prefix (/okrs/map is not /okrs); Home only exactly. */
const activeNav = (path: string) =>
  path === '/' ? '/' : NAV.filter((n) => n.to !== '/' && path.startsWith(n.to)).sort((a, b) => b.to.length - a.to.length)[0]?.to;

/** The app shell: navigation, the organisation's name and the user menu. */
export function Layout({ me }: { me: Me }) {
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
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
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        {NAV.filter((item) => !item.shownIf || me.can[item.shownIf]).map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={item.label}
            onClick={close}
            active={activeNav(location.pathname) === item.to}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
