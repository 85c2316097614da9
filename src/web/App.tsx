import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useMe, useSetupStatus } from './api/queries.js';
import type { Me } from './api/types.js';
import { memo, Suspense, useDeferredValue, type ReactNode } from 'react';
import { Layout } from './components/Layout.js';
import { PageSkeleton } from './components/PageSkeleton.js';
import { PageDrawn } from './components/once-settled.js';
import { firstScreenPath, useLeaveFirstScreenWhen } from './components/first-screen.js';
import { lazyNamed } from './routing/lazy-named.js';

// Every page is its own chunk: a first visit downloads the shell and the page it opens, nothing else.
const SetupPage = lazyNamed(() => import('./pages/SetupPage.js'), 'SetupPage');
const SignInPage = lazyNamed(() => import('./pages/SignInPage.js'), 'SignInPage');
const ForgotPasswordPage = lazyNamed(() => import('./pages/ForgotPasswordPage.js'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyNamed(() => import('./pages/ResetPasswordPage.js'), 'ResetPasswordPage');
const AcceptInvitePage = lazyNamed(() => import('./pages/AcceptInvitePage.js'), 'AcceptInvitePage');
const HomePage = lazyNamed(() => import('./pages/HomePage.js'), 'HomePage');
const PeoplePage = lazyNamed(() => import('./pages/PeoplePage.js'), 'PeoplePage');
const TeamsPage = lazyNamed(() => import('./pages/TeamsPage.js'), 'TeamsPage');
const TeamPage = lazyNamed(() => import('./pages/TeamPage.js'), 'TeamPage');
const TokensPage = lazyNamed(() => import('./pages/TokensPage.js'), 'TokensPage');
const ProfilePage = lazyNamed(() => import('./pages/ProfilePage.js'), 'ProfilePage');
const TreePage = lazyNamed(() => import('./pages/TreePage.js'), 'TreePage');
const ObjectivePage = lazyNamed(() => import('./pages/ObjectivePage.js'), 'ObjectivePage');
const PrinciplesPage = lazyNamed(() => import('./pages/PrinciplesPage.js'), 'PrinciplesPage');
const PersonPage = lazyNamed(() => import('./pages/PersonPage.js'), 'PersonPage');
const NeedsAttentionPage = lazyNamed(() => import('./pages/NeedsAttentionPage.js'), 'NeedsAttentionPage');
const RhythmSettingsPage = lazyNamed(() => import('./pages/RhythmSettingsPage.js'), 'RhythmSettingsPage');
const FeedPage = lazyNamed(() => import('./pages/FeedPage.js'), 'FeedPage');
const NotificationsPage = lazyNamed(() => import('./pages/NotificationsPage.js'), 'NotificationsPage');
const StatusMarginsPage = lazyNamed(() => import('./pages/StatusMarginsPage.js'), 'StatusMarginsPage');
const SlackInstallPage = lazyNamed(() => import('./pages/SlackInstallPage.js'), 'SlackInstallPage');
const SsoSettingsPage = lazyNamed(() => import('./pages/SsoSettingsPage.js'), 'SsoSettingsPage');
const ScimSettingsPage = lazyNamed(() => import('./pages/ScimSettingsPage.js'), 'ScimSettingsPage');
const KpisPage = lazyNamed(() => import('./pages/KpisPage.js'), 'KpisPage');
const KpiPage = lazyNamed(() => import('./pages/KpiPage.js'), 'KpiPage');
const ReviewPage = lazyNamed(() => import('./pages/ReviewPage.js'), 'ReviewPage');
const LessonsPage = lazyNamed(() => import('./pages/LessonsPage.js'), 'LessonsPage');
const EvaluationPage = lazyNamed(() => import('./pages/EvaluationPage.js'), 'EvaluationPage');
const CycleRetrospectivesPage = lazyNamed(() => import('./pages/CycleRetrospectivesPage.js'), 'CycleRetrospectivesPage');
const RetrospectivePage = lazyNamed(() => import('./pages/RetrospectivePage.js'), 'RetrospectivePage');
const AlignmentMapPage = lazyNamed(() => import('./pages/AlignmentMapPage.js'), 'AlignmentMapPage');
const HeatmapPage = lazyNamed(() => import('./pages/HeatmapPage.js'), 'HeatmapPage');
const LeaderboardPage = lazyNamed(() => import('./pages/LeaderboardPage.js'), 'LeaderboardPage');
const DepartmentMapPage = lazyNamed(() => import('./pages/DepartmentMapPage.js'), 'DepartmentMapPage');
const StrategyPage = lazyNamed(() => import('./pages/StrategyPage.js'), 'StrategyPage');
const PillarPage = lazyNamed(() => import('./pages/PillarPage.js'), 'PillarPage');
const SurveysPage = lazyNamed(() => import('./pages/SurveysPage.js'), 'SurveysPage');
const SurveyAnswerPage = lazyNamed(() => import('./pages/SurveyAnswerPage.js'), 'SurveyAnswerPage');
const SurveyResultsPage = lazyNamed(() => import('./pages/SurveyResultsPage.js'), 'SurveyResultsPage');
const AdoptionPage = lazyNamed(() => import('./pages/AdoptionPage.js'), 'AdoptionPage');
const RolloutPage = lazyNamed(() => import('./pages/RolloutPage.js'), 'RolloutPage');
const WelcomePage = lazyNamed(() => import('./pages/WelcomePage.js'), 'WelcomePage');
const MeetingsPage = lazyNamed(() => import('./pages/MeetingsPage.js'), 'MeetingsPage');
const MeetingPage = lazyNamed(() => import('./pages/MeetingPage.js'), 'MeetingPage');
const ImportPage = lazyNamed(() => import('./pages/ImportPage.js'), 'ImportPage');
const AuditLogPage = lazyNamed(() => import('./pages/AuditLogPage.js'), 'AuditLogPage');
const WebhooksPage = lazyNamed(() => import('./pages/WebhooksPage.js'), 'WebhooksPage');
const ReportPage = lazyNamed(() => import('./pages/ReportPage.js'), 'ReportPage');
const SharedReportPage = lazyNamed(() => import('./pages/SharedReportPage.js'), 'SharedReportPage');

/** A lazy page inside the shell: the navigation stays while the page's chunk arrives. */
const page = (node: ReactNode) => (
  <Suspense fallback={<PageSkeleton />}>
    {node}
    <PageDrawn />
  </Suspense>
);
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
  // Asked at once, beside /setup, not after it: index.html preloads both, and a preload must be used by the first
  // fetch (a later one, after signing in, would otherwise get the preloaded 401).
  const meQuery = useMe(setup.data?.needed !== true);
  // An answer re-renders this component at once, in one task (a store update is never a transition). The shell and
  // the page below take the answers deferred, so React renders them in a transition, in 5 ms slices.
  const setupPending = useDeferredValue(setup.isPending);
  const setupNeeded = useDeferredValue(setup.data?.needed);
  const me = { isPending: useDeferredValue(meQuery.isPending), data: useDeferredValue(meQuery.data) };
  // The first screen index.html drew stays while the app starts towards its page, and leaves if it goes elsewhere.
  useLeaveFirstScreenWhen(location.pathname !== firstScreenPath() || setupNeeded === true || (!me.isPending && !me.data));
  if (location.pathname.startsWith('/invite/')) {
    return (
      <Routes>
        <Route path="/invite/:token" element={standalone(<AcceptInvitePage />)} />
      </Routes>
    );
  }
  if (location.pathname === '/forgot-password' || location.pathname === '/reset-password') {
    return (
      <Routes>
        <Route path="/forgot-password" element={standalone(<ForgotPasswordPage />)} />
        <Route path="/reset-password" element={standalone(<ResetPasswordPage />)} />
      </Routes>
    );
  }
  if (location.pathname.startsWith('/shared/reports/')) {
    return (
      <Routes>
        <Route path="/shared/reports/:token" element={standalone(<SharedReportPage />)} />
      </Routes>
    );
  }
  if (setupPending || (me.isPending && !setupNeeded)) return <Loading />;
  if (setupNeeded) return standalone(<SetupPage />);
  if (!me.data) return standalone(<SignInPage />);
  return <SignedIn me={me.data} />;
}

/** The signed-in app: memoised, so an answer that re-renders App at once does not redraw the shell and the page. */
const SignedIn = memo(function SignedIn({ me }: { me: Me }) {
  return (
    <Routes>
      <Route element={<Layout me={me} />}>
        <Route index element={page(<HomePage me={me} />)} />
        <Route path="people" element={page(<PeoplePage me={me} />)} />
        <Route path="people/:id" element={page(<PersonPage />)} />
        <Route path="teams" element={page(<TeamsPage me={me} />)} />
        <Route path="teams/:id" element={page(<TeamPage />)} />
        <Route path="okrs" element={page(<TreePage me={me} />)} />
        <Route path="okrs/map" element={page(<AlignmentMapPage />)} />
        <Route path="okrs/heatmap" element={page(<HeatmapPage />)} />
        <Route path="okrs/leaderboard" element={page(<LeaderboardPage />)} />
        <Route path="okrs/departments" element={page(<DepartmentMapPage />)} />
        <Route path="strategy" element={page(<StrategyPage />)} />
        <Route path="strategy/pillars/:id" element={page(<PillarPage />)} />
        <Route path="objectives/:id" element={page(<ObjectivePage me={me} />)} />
        <Route path="principles" element={page(<PrinciplesPage me={me} />)} />
        <Route path="attention" element={page(<NeedsAttentionPage me={me} />)} />
        <Route path="settings/rhythm" element={page(<RhythmSettingsPage me={me} />)} />
        <Route path="settings/status-margins" element={page(<StatusMarginsPage me={me} />)} />
        <Route path="settings/sso" element={page(<SsoSettingsPage me={me} />)} />
        <Route path="settings/scim" element={page(<ScimSettingsPage me={me} />)} />
        <Route path="feed" element={page(<FeedPage me={me} />)} />
        <Route path="notifications" element={page(<NotificationsPage me={me} />)} />
        <Route path="meetings" element={page(<MeetingsPage me={me} />)} />
        <Route path="meetings/:id" element={page(<MeetingPage />)} />
        <Route path="settings/tokens" element={page(<TokensPage me={me} />)} />
        <Route path="settings/slack" element={page(<SlackInstallPage />)} />
        <Route path="settings/profile" element={page(<ProfilePage me={me} />)} />
        <Route path="kpis" element={page(<KpisPage />)} />
        <Route path="kpis/:id" element={page(<KpiPage />)} />
        <Route path="review" element={page(<ReviewPage me={me} />)} />
        <Route path="cycles/:id/review" element={page(<ReviewPage me={me} />)} />
        <Route path="lessons" element={page(<LessonsPage />)} />
        <Route path="cycles/:id/evaluation" element={page(<EvaluationPage />)} />
        <Route path="cycles/:id/retrospectives" element={page(<CycleRetrospectivesPage />)} />
        <Route path="retrospectives/:id" element={page(<RetrospectivePage />)} />
        <Route path="surveys" element={page(<SurveysPage me={me} />)} />
        <Route path="surveys/:id/answer" element={page(<SurveyAnswerPage />)} />
        <Route path="surveys/:id/results" element={page(<SurveyResultsPage />)} />
        <Route path="rollout" element={page(<RolloutPage me={me} />)} />
        <Route path="welcome" element={page(<WelcomePage />)} />
        <Route path="adoption" element={page(<AdoptionPage me={me} />)} />
        <Route path="settings/import" element={page(<ImportPage me={me} />)} />
        <Route path="settings/audit" element={page(<AuditLogPage me={me} />)} />
        <Route path="settings/webhooks" element={page(<WebhooksPage />)} />
        <Route path="cycles/:id/report" element={page(<ReportPage me={me} />)} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
});
