import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, Outlet, useLocation } from 'react-router';
import type { Me } from '../api/types.js';
import { UserMenuOnDemand } from './header/UserMenuOnDemand.js';
import { NotificationBell } from './NotificationBell.js';
import { titleOfPath, useDocumentTitle } from './page-title.js';
import { SkipLink } from './SkipLink.js';

type NavGroup = 'Goals' | 'Across teams' | 'Meet and learn' | 'Organisation' | 'Settings';
const GROUPS: NavGroup[] = ['Goals', 'Across teams', 'Meet and learn', 'Organisation', 'Settings'];

/** One line per page; a page's group decides its heading in the navigation. */
const NAV: { to: string; label: string; group: NavGroup; shownIf?: keyof Me['can'] }[] = [
  { to: '/', label: 'Home', group: 'Goals' },
  { to: '/okrs', label: 'OKRs', group: 'Goals' },
  { to: '/kpis', label: 'KPIs', group: 'Goals' },
  { to: '/strategy', label: 'Strategy', group: 'Goals' },
  { to: '/attention', label: 'Needs attention', group: 'Goals' },
  { to: '/feed', label: 'Feed', group: 'Goals' },
  { to: '/okrs/map', label: 'Alignment map', group: 'Across teams' },
  { to: '/okrs/heatmap', label: 'Heatmap', group: 'Across teams' },
  { to: '/okrs/departments', label: 'Department map', group: 'Across teams' },
  { to: '/okrs/leaderboard', label: 'Leaderboard', group: 'Across teams' },
  { to: '/meetings', label: 'Meetings', group: 'Meet and learn' },
  { to: '/review', label: 'Review', group: 'Meet and learn' },
  { to: '/lessons', label: 'Lessons', group: 'Meet and learn' },
  { to: '/surveys', label: 'Surveys', group: 'Meet and learn' },
  { to: '/welcome', label: 'Getting started', group: 'Meet and learn' },
  { to: '/teams', label: 'Teams', group: 'Organisation' },
  { to: '/people', label: 'People', group: 'Organisation' },
  { to: '/adoption', label: 'Adoption', group: 'Organisation', shownIf: 'readAdoption' },
  { to: '/rollout', label: 'Rollout', group: 'Organisation', shownIf: 'manageRollout' },
  { to: '/principles', label: 'Guiding principles', group: 'Settings' },
  { to: '/settings/rhythm', label: 'Check-in rhythm', group: 'Settings' },
  { to: '/settings/status-margins', label: 'Status margins', group: 'Settings' },
  { to: '/settings/tokens', label: 'API tokens', group: 'Settings' },
  { to: '/settings/webhooks', label: 'Webhooks', group: 'Settings', shownIf: 'manageRhythm' },
  { to: '/settings/slack', label: 'Slack app', group: 'Settings', shownIf: 'manageOrganization' },
  { to: '/settings/sso', label: 'Single sign-on', group: 'Settings', shownIf: 'manageOrganization' },
  { to: '/settings/scim', label: 'Provisioning (SCIM)', group: 'Settings', shownIf: 'manageOrganization' },
  { to: '/settings/import', label: 'Import OKRs', group: 'Settings', shownIf: 'importData' },
  { to: '/settings/audit', label: 'Audit log', group: 'Settings', shownIf: 'readAudit' },
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
        <AppShell.Section grow style={{ overflowY: 'auto' }}>
          {GROUPS.map((group) => {
            const items = NAV.filter((item) => item.group === group && (!item.shownIf || me.can[item.shownIf]));
            if (items.length === 0) return null;
            return (
              <div key={group} role="group" aria-label={group}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pt="sm" pb={4}>
                  {group}
                </Text>
                {items.map((item) => (
                  <NavLink
                    key={item.to}
                    component={Link}
                    to={item.to}
                    label={item.label}
                    onClick={close}
                    active={activeNav(location.pathname) === item.to}
                    py={6}
                  />
                ))}
              </div>
            );
          })}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
