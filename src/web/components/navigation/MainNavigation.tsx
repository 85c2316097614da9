import { memo } from 'react';
import { Link } from 'react-router';
import type { Me } from '../../api/types.js';
import './main-navigation.css';

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
export const activeNav = (path: string) =>
  path === '/' ? '/' : NAV.filter((n) => n.to !== '/' && path.startsWith(n.to)).sort((a, b) => b.to.length - a.to.length)[0]?.to;

interface Props {
  can: Me['can'];
  /** The path of the navigation item the current page belongs to. */
  active: string | undefined;
  /** Called when a link is followed: on phones the navigation closes. */
  onNavigate: () => void;
}

/**
 * The pages a person may open, grouped under headings; the current one is marked `aria-current="page"`.
 * Plain links rather than Mantine's NavLink: the same look for a tenth of the rendering, and memoised, so a change
 * elsewhere in the shell does not draw the list again.
 */
export const MainNavigation = memo(function MainNavigation({ can, active, onNavigate }: Props) {
  return GROUPS.map((group) => {
    const items = NAV.filter((item) => item.group === group && (!item.shownIf || can[item.shownIf]));
    if (items.length === 0) return null;
    return (
      <div key={group} role="group" aria-label={group}>
        <p className="cairn-nav-heading">{group}</p>
        {items.map((item) => (
          <Link
            key={item.to}
            to={item.to}
            className="cairn-nav-link mantine-focus-auto"
            aria-current={active === item.to ? 'page' : undefined}
            onClick={onNavigate}
          >
            <span className="cairn-nav-link-body">
              <span className="cairn-nav-link-label">{item.label}</span>
            </span>
          </Link>
        ))}
      </div>
    );
  });
});
