import { lazy, Suspense, useEffect, useRef } from 'react';
import { Spinner } from '../components/Spinner.tsx';
import { nb } from '../i18n/index.ts';
import { CreatePlanPage } from '../pages/CreatePlanPage.tsx';
import { LoginPage } from '../pages/LoginPage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { PlansPage } from '../pages/PlansPage.tsx';
import { RegisterPage } from '../pages/RegisterPage.tsx';
import { AppHeader } from './AppHeader.tsx';
import { PageErrorBoundary } from './PageErrorBoundary.tsx';
import { navigate, useLocationPath } from '../routing/navigation.ts';
import { preloadableLazy } from './preloadableLazy.tsx';
import { matchRoute, paths, type Route } from '../routing/routes.ts';
import { SessionProvider, useSession } from '../session/SessionContext.tsx';

// The plan editor (Yjs, Tiptap, plan-model) is its own chunk; the login and plan list never load it.
const planPage = preloadableLazy(
  () => import('../plan/PlanPage.tsx').then((m) => m.PlanPage),
  <Spinner label={nb.plan.loading} />,
);
const PlanPage = planPage.Component;
// Opened straight at a plan's address: fetch the editor while the session is checked, not after.
if (matchRoute(window.location.pathname).name === 'plan') void planPage.preload();
const PrintPage = lazy(() => import('../print/PrintPage.tsx').then((m) => ({ default: m.PrintPage })));
const AccessPage = lazy(() => import('../sharing/AccessPage.tsx').then((m) => ({ default: m.AccessPage })));
const AccessLogPage = lazy(() => import('../sharing/AccessLogPage.tsx').then((m) => ({ default: m.AccessLogPage })));
const HistoryPage = lazy(() => import('../history/HistoryPage.tsx').then((m) => ({ default: m.HistoryPage })));
const VersionPage = lazy(() => import('../history/VersionPage.tsx').then((m) => ({ default: m.VersionPage })));
const MeetingPage = lazy(() => import('../meetings/MeetingPage.tsx').then((m) => ({ default: m.MeetingPage })));
const MeetingRecordPage = lazy(() =>
  import('../meetings/MeetingPage.tsx').then((m) => ({ default: m.MeetingRecordPage })),
);
const ChangesPage = lazy(() => import('../history/ChangesPage.tsx').then((m) => ({ default: m.ChangesPage })));
const ForgotPasswordPage = lazy(() =>
  import('../auth/ForgotPasswordPage.tsx').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('../auth/ResetPasswordPage.tsx').then((m) => ({ default: m.ResetPasswordPage })),
);
const NotificationsPage = lazy(() =>
  import('../pages/NotificationsPage.tsx').then((m) => ({ default: m.NotificationsPage })),
);
const InvitationPage = lazy(() => import('../invite/InvitationPage.tsx').then((m) => ({ default: m.InvitationPage })));

const PUBLIC_ROUTES: ReadonlySet<Route['name']> = new Set(['login', 'register']);
// Pages that work both logged in and out (an invitation link is opened before there is an account; a reset link
// from a mail may be opened in a browser that is still logged in).
const OPEN_ROUTES: ReadonlySet<Route['name']> = new Set(['invitation', 'forgotPassword', 'resetPassword']);

function Routes() {
  const { pathname, search } = useLocationPath();
  const { user } = useSession();
  const route = matchRoute(pathname);
  const needsLogin = !PUBLIC_ROUTES.has(route.name) && !OPEN_ROUTES.has(route.name) && user === null;
  const previous = useRef<string | null>(null);

  useEffect(() => {
    if (needsLogin) navigate(paths.login(pathname + search), { replace: true });
    else if (user && PUBLIC_ROUTES.has(route.name)) navigate(paths.plans(), { replace: true });
  }, [needsLogin, user, route.name, pathname, search]);

  // After in-app navigation, move focus to the new page's heading so screen readers announce it.
  const pageKey = route.name === 'plan' ? `plan:${route.planId}` : pathname;
  useEffect(() => {
    if (previous.current !== null && previous.current !== pageKey) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus());
    }
    previous.current = pageKey;
  }, [pageKey]);

  if (user === undefined || needsLogin) return <Spinner label={nb.loading} />;
  switch (route.name) {
    case 'login':
      return <LoginPage />;
    case 'register':
      return <RegisterPage />;
    case 'plans':
      return <PlansPage />;
    case 'notifications':
      return <NotificationsPage />;
    case 'createPlan':
      return <CreatePlanPage />;
    case 'plan':
      return <PlanPage key={route.planId} planId={route.planId} section={route.section} />;
    case 'print':
      return <PrintPage key={route.planId} planId={route.planId} />;
    case 'access':
      return <AccessPage key={route.planId} planId={route.planId} />;
    case 'accessLog':
      return <AccessLogPage key={route.planId} planId={route.planId} />;
    case 'history':
      return <HistoryPage key={route.planId} planId={route.planId} />;
    case 'version':
      return <VersionPage key={`${route.planId}:${route.seq}`} planId={route.planId} seq={route.seq} />;
    case 'changes':
      return <ChangesPage key={`${route.planId}:${search}`} planId={route.planId} />;
    case 'meeting':
      return (
        <MeetingPage key={`${route.planId}:${route.meetingId}`} planId={route.planId} meetingId={route.meetingId} />
      );
    case 'meetingRecord':
      return (
        <MeetingRecordPage
          key={`${route.planId}:${route.meetingId}`}
          planId={route.planId}
          meetingId={route.meetingId}
        />
      );
    case 'invitation':
      return <InvitationPage />;
    case 'forgotPassword':
      return <ForgotPasswordPage />;
    case 'resetPassword':
      return <ResetPasswordPage />;
    case 'notFound':
      return <NotFoundPage />;
  }
}

/** The page of the address, with what it throws said in words (PageErrorBoundary). */
function Pages() {
  const { pathname } = useLocationPath();
  return (
    <PageErrorBoundary path={pathname}>
      <Suspense fallback={<Spinner label={nb.loading} />}>
        <Routes />
      </Suspense>
    </PageErrorBoundary>
  );
}

export function App() {
  return (
    <SessionProvider>
      <a className="skip-link" href="#innhold">
        {nb.skipToContent}
      </a>
      <AppHeader />
      <main id="innhold" className="app-main" tabIndex={-1}>
        <Pages />
      </main>
    </SessionProvider>
  );
}
