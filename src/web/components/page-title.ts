import { useEffect } from 'react';

const APP = 'Cairn';

/** Each page's name in the browser tab and history, the app's name last. */
export const documentTitle = (page: string | null) => (page ? `${page} · ${APP}` : APP);

const TITLES: [RegExp, string][] = [
  [/^\/$/, 'Home'],
  [/^\/okrs\/?$/, 'OKRs'],
  [/^\/kpis\/?$/, 'KPIs'],
  [/^\/okrs\/map\/?$/, 'Alignment map'],
  [/^\/okrs\/heatmap\/?$/, 'Heatmap'],
  [/^\/okrs\/leaderboard\/?$/, 'Leaderboard'],
  [/^\/okrs\/departments\/?$/, 'Department map'],
  [/^\/strategy\/?$/, 'Strategy'],
  [/^\/strategy\/pillars\/[^/]+$/, 'Pillar'],
  [/^\/feed\/?$/, 'Feed'],
  [/^\/attention\/?$/, 'Needs attention'],
  [/^\/meetings\/?$/, 'Meetings'],
  [/^\/meetings\/[^/]+$/, 'Meeting'],
  [/^\/teams\/?$/, 'Teams'],
  [/^\/teams\/[^/]+$/, 'Team'],
  [/^\/people\/?$/, 'People'],
  [/^\/people\/[^/]+$/, 'Person'],
  [/^\/principles\/?$/, 'Guiding principles'],
  [/^\/notifications\/?$/, 'Notifications'],
  [/^\/settings\/rhythm\/?$/, 'Check-in rhythm'],
  [/^\/settings\/status-margins\/?$/, 'Status margins'],
  [/^\/settings\/tokens\/?$/, 'API tokens'],
  [/^\/settings\/profile\/?$/, 'Your profile'],
  [/^\/surveys\/?$/, 'Pulse surveys'],
  [/^\/surveys\/[^/]+\/answer$/, 'Answer a survey'],
  [/^\/surveys\/[^/]+\/results$/, 'Survey results'],
  [/^\/rollout\/?$/, 'Rollout'],
  [/^\/adoption\/?$/, 'Adoption'],
];

/** The page name of a path; undefined where the page names itself (an objective shows its title). */
export function titleOfPath(pathname: string): string | undefined {
  return TITLES.find(([pattern]) => pattern.test(pathname))?.[1];
}

/** Sets the tab title while `page` is known. */
export function useDocumentTitle(page: string | undefined) {
  useEffect(() => {
    if (page !== undefined) document.title = documentTitle(page);
  }, [page]);
}
