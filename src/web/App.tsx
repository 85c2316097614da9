import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe, useSetupStatus } from './api/queries.js';
import { Layout } from './components/Layout.js';
import { SetupPage } from './pages/SetupPage.js';
import { SignInPage } from './pages/SignInPage.js';
import { AcceptInvitePage } from './pages/AcceptInvitePage.js';
import { HomePage } from './pages/HomePage.js';
import { PeoplePage } from './pages/PeoplePage.js';
import { TeamsPage } from './pages/TeamsPage.js';
import { TeamPage } from './pages/TeamPage.js';
import { TokensPage } from './pages/TokensPage.js';
import { ProfilePage } from './pages/ProfilePage.js';
import { TreePage } from './pages/TreePage.js';
import { ObjectivePage } from './pages/ObjectivePage.js';
import { PrinciplesPage } from './pages/PrinciplesPage.js';
import { PersonPage } from './pages/PersonPage.js';
import { NeedsAttentionPage } from './pages/NeedsAttentionPage.js';
import { RhythmSettingsPage } from './pages/RhythmSettingsPage.js';
import { FeedPage } from './pages/FeedPage.js';
import { NotificationsPage } from './pages/NotificationsPage.js';
import { StatusMarginsPage } from './pages/StatusMarginsPage.js';

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
        <Route path="/invite/:token" element={<AcceptInvitePage />} />
      </Routes>
    );
  }
  if (setup.isPending || (me.isPending && !setup.data?.needed)) return <Loading />;
  if (setup.data?.needed) return <SetupPage />;
  if (!me.data) return <SignInPage />;
  return (
    <Routes>
      <Route element={<Layout me={me.data} />}>
        <Route index element={<HomePage me={me.data} />} />
        <Route path="people" element={<PeoplePage me={me.data} />} />
        <Route path="people/:id" element={<PersonPage />} />
        <Route path="teams" element={<TeamsPage me={me.data} />} />
        <Route path="teams/:id" element={<TeamPage />} />
        <Route path="okrs" element={<TreePage me={me.data} />} />
        <Route path="objectives/:id" element={<ObjectivePage me={me.data} />} />
        <Route path="principles" element={<PrinciplesPage me={me.data} />} />
        <Route path="attention" element={<NeedsAttentionPage me={me.data} />} />
        <Route path="settings/rhythm" element={<RhythmSettingsPage me={me.data} />} />
        <Route path="settings/status-margins" element={<StatusMarginsPage me={me.data} />} />
        <Route path="feed" element={<FeedPage me={me.data} />} />
        <Route path="notifications" element={<NotificationsPage me={me.data} />} />
        <Route path="settings/tokens" element={<TokensPage />} />
        <Route path="settings/profile" element={<ProfilePage me={me.data} />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
