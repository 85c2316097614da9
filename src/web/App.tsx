import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe, useSetupStatus } from './api/queries.js';
import { Suspense, type ReactNode } from 'react';
import { Layout } from './components/Layout.js';
import { PageSkeleton } from './components/PageSkeleton.js';
import { lazyPage } from './routing/lazy-page.js';

// Every page is its own chunk: a first visit downloads the shell and the page it opens, nothing else.
const SetupPage = lazyPage(() => import('./pages/SetupPage.js'), 'SetupPage');
const SignInPage = lazyPage(() => import('./pages/SignInPage.js'), 'SignInPage');
const AcceptInvitePage = lazyPage(() => import('./pages/AcceptInvitePage.js'), 'AcceptInvitePage');
const HomePage = lazyPage(() => import('./pages/HomePage.js'), 'HomePage');
const PeoplePage = lazyPage(() => import('./pages/PeoplePage.js'), 'PeoplePage');
const TeamsPage = lazyPage(() => import('./pages/TeamsPage.js'), 'TeamsPage');
const TeamPage = lazyPage(() => import('./pages/TeamPage.js'), 'TeamPage');
const TokensPage = lazyPage(() => import('./pages/TokensPage.js'), 'TokensPage');
const ProfilePage = lazyPage(() => import('./pages/ProfilePage.js'), 'ProfilePage');
const TreePage = lazyPage(() => import('./pages/TreePage.js'), 'TreePage');
const ObjectivePage = lazyPage(() => import('./pages/ObjectivePage.js'), 'ObjectivePage');
const PrinciplesPage = lazyPage(() => import('./pages/PrinciplesPage.js'), 'PrinciplesPage');
const PersonPage = lazyPage(() => import('./pages/PersonPage.js'), 'PersonPage');
const NeedsAttentionPage = lazyPage(() => import('./pages/NeedsAttentionPage.js'), 'NeedsAttentionPage');
const RhythmSettingsPage = lazyPage(() => import('./pages/RhythmSettingsPage.js'), 'RhythmSettingsPage');
const FeedPage = lazyPage(() => import('./pages/FeedPage.js'), 'FeedPage');
const NotificationsPage = lazyPage(() => import('./pages/NotificationsPage.js'), 'NotificationsPage');

/** A lazy page inside the shell: the navigation stays while the page's chunk arrives. */
const page = (node: ReactNode) => <Suspense fallback={<PageSkeleton />}>{node}</Suspense>;
/** A lazy page outside the shell (setup, sign-in, invitation). */
const standalone = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

function Loading() {
  return (
    <Center h="100vh">
      <Loader aria-label="Loading" />
    </Center>
  );
}

/** Setup first, then sign-in, then the app; invitation links work while signed out. */
export function App() {
  const location = useLocation();
  const setup = useSetupStatus();
  const me = useMe(setup.data?.needed === false);
  if (location.pathname.startsWith('/invite/')) {
    return (
      <Routes>
        <Route path="/invite/:token" element={standalone(<AcceptInvitePage />)} />
      </Routes>
    );
  }
  if (setup.isPending || (me.isPending && !setup.data?.needed)) return <Loading />;
  if (setup.data?.needed) return standalone(<SetupPage />);
  if (!me.data) return standalone(<SignInPage />);
  return (
    <Routes>
      <Route element={<Layout me={me.data} />}>
        <Route index element={page(<HomePage me={me.data} />)} />
        <Route path="people" element={page(<PeoplePage me={me.data} />)} />
        <Route path="people/:id" element={page(<PersonPage />)} />
        <Route path="teams" element={page(<TeamsPage me={me.data} />)} />
        <Route path="teams/:id" element={page(<TeamPage />)} />
        <Route path="okrs" element={page(<TreePage me={me.data} />)} />
        <Route path="objectives/:id" element={page(<ObjectivePage me={me.data} />)} />
        <Route path="principles" element={page(<PrinciplesPage me={me.data} />)} />
        <Route path="attention" element={page(<NeedsAttentionPage me={me.data} />)} />
        <Route path="settings/rhythm" element={page(<RhythmSettingsPage me={me.data} />)} />
        <Route path="feed" element={page(<FeedPage me={me.data} />)} />
        <Route path="notifications" element={page(<NotificationsPage me={me.data} />)} />
        <Route path="settings/tokens" element={page(<TokensPage />)} />
        <Route path="settings/profile" element={page(<ProfilePage me={me.data} />)} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
