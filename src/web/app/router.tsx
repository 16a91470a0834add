// Routes (Dutch paths). Pages are loaded per capability with React.lazy so the login page stays small.
import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Layout } from './Layout';
import { useSession } from '../shared/session';
import { Alert, Loading, Page } from '../shared/components';
import { loadCatalogues } from '../i18n';

/**
 * One lazily loaded chunk per capability; `pick` names the page inside it. Pages behind the login also wait for their
 * texts (loadCatalogues); the login and password pages (`core`) need only the texts of the entry script.
 */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType, core = false) {
  return lazy(() => Promise.all([load(), core ? null : loadCatalogues()]).then(([m]) => ({ default: pick(m) })));
}

const auth = () => import('../auth/pages');
const account = () => import('../account/pages');
const students = () => import('../students/pages');
const groups = () => import('../groups/pages');
const audit = () => import('../audit/pages');
const school = () => import('../school/pages');
const home = () => import('./HomePage');
const assessments = () => import('../assessments/pages');
const groupCycle = () => import('../group-cycle/pages');
const support = () => import('../support/pages');
const meetings = () => import('../meetings/pages');
const notifications = () => import('../notifications/pages');

const LoginPage = page(auth, (m) => m.LoginPage, true);
const ForgotPasswordPage = page(auth, (m) => m.ForgotPasswordPage, true);
const ResetPasswordPage = page(auth, (m) => m.ResetPasswordPage, true);
const AccountPage = page(account, (m) => m.AccountPage);
const PupilListPage = page(students, (m) => m.PupilListPage);
const PupilPage = page(students, (m) => m.PupilPage);
const GroupListPage = page(groups, (m) => m.GroupListPage);
const GroupPage = page(groups, (m) => m.GroupPage);
const AuditPage = page(audit, (m) => m.AuditPage);
const SchoolSettingsPage = page(school, (m) => m.SchoolSettingsPage);
const YearsPage = page(school, (m) => m.YearsPage);
const AdminGroupsPage = page(school, (m) => m.AdminGroupsPage);
const AdminPupilsPage = page(school, (m) => m.AdminPupilsPage);
const AccountsPage = page(school, (m) => m.AccountsPage);
const OutboxPage = page(school, (m) => m.OutboxPage);
const HomePage = page(home, (m) => m.HomePage);
const GridPage = page(assessments, (m) => m.GridPage);
const CrossSectionPage = page(assessments, (m) => m.CrossSectionPage);
const PupilResultsPage = page(assessments, (m) => m.PupilResultsPage);
const ImportPage = page(assessments, (m) => m.ImportPage);
const TrendPage = page(assessments, (m) => m.TrendPage);
const InstrumentsPage = page(assessments, (m) => m.InstrumentsPage);
const SignalRulesPage = page(assessments, (m) => m.SignalRulesPage);
const CyclePage = page(groupCycle, (m) => m.CyclePage);
const OverviewPage = page(groupCycle, (m) => m.OverviewPage);
const ClusterPage = page(groupCycle, (m) => m.ClusterPage);
const PlanPage = page(groupCycle, (m) => m.PlanPage);
const SupportPage = page(support, (m) => m.SupportPage);
const SupportPlanPage = page(support, (m) => m.SupportPlanPage);
const ParentPlansPage = page(support, (m) => m.ParentPlansPage);
const ParentPlanPage = page(support, (m) => m.ParentPlanPage);
const SupportOverviewPage = page(support, (m) => m.SupportOverviewPage);
const TasksPage = page(support, (m) => m.TasksPage);
const MeetingsPage = page(meetings, (m) => m.MeetingsPage);
const MeetingPage = page(meetings, (m) => m.MeetingPage);
const ActionBoardPage = page(meetings, (m) => m.ActionBoardPage);
const ParentCasesPage = page(meetings, (m) => m.ParentCasesPage);
const CalendarPage = page(() => import('../calendar/pages'), (m) => m.CalendarPage);
const NotificationsPage = page(notifications, (m) => m.NotificationsPage);

function SessionUnavailable() {
  const { t } = useTranslation();
  const { refresh } = useSession();
  return (
    <Page title={t('errors.genericTitle')}>
      <Alert kind="error">
        <p>{t('errors.network')}</p>
      </Alert>
      <p>
        <button type="button" className="button" onClick={() => void refresh().catch(() => undefined)}>
          {t('common.retry')}
        </button>
      </p>
    </Page>
  );
}

/** Pages behind the login. While two-factor set-up is required, only the account page is open. */
function RequireLogin() {
  const { me, status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'error' && !me) return <SessionUnavailable />;
  if (!me) {
    const back = location.pathname + location.search;
    return <Navigate to={back === '/' ? '/inloggen' : `/inloggen?terug=${encodeURIComponent(back)}`} replace />;
  }
  if (me.mfa === 'setup_required' && location.pathname !== '/account') {
    return <Navigate to="/account" replace />;
  }
  return <Outlet />;
}

/** The login page is only for visitors who are not logged in. */
function OnlyLoggedOut() {
  const { me, status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (me) {
    const back = new URLSearchParams(location.search).get('terug');
    const target = me.mfa === 'setup_required' ? '/account' : back && back.startsWith('/') && !back.startsWith('//') ? back : '/';
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('errors.notFoundTitle')}>
      <p>{t('errors.pageNotFound')}</p>
    </Page>
  );
}

function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  // Failing to load a page's code (e.g. after a new release) is fixed by reloading.
  const chunk = error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <main id="main" className="route-error">
      <h1>{t('errors.genericTitle')}</h1>
      <p>{chunk ? t('errors.chunk') : t('errors.generic')}</p>
      <p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('common.reloadPage')}
        </button>
      </p>
    </main>
  );
}

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      {
        element: <OnlyLoggedOut />,
        children: [{ path: 'inloggen', element: <LoginPage /> }],
      },
      { path: 'wachtwoord-vergeten', element: <ForgotPasswordPage /> },
      { path: 'wachtwoord-herstellen', element: <ResetPasswordPage /> },
      {
        element: <RequireLogin />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'groepen', element: <GroupListPage /> },
          { path: 'groepen/:id', element: <GroupPage /> },
          { path: 'groepen/:id/resultaten', element: <GridPage /> },
          { path: 'groepen/:id/dwarsdoorsnede', element: <CrossSectionPage /> },
          { path: 'groepen/:id/cyclus', element: <CyclePage /> },
          { path: 'groepsoverzichten/:id', element: <OverviewPage /> },
          { path: 'groepsoverzichten/:id/clusters', element: <ClusterPage /> },
          { path: 'groepsplannen/:id', element: <PlanPage /> },
          { path: 'leerlingen', element: <PupilListPage /> },
          { path: 'leerlingen/:id', element: <PupilPage /> },
          { path: 'leerlingen/:id/logboek', element: <AuditPage /> },
          { path: 'leerlingen/:id/resultaten', element: <PupilResultsPage /> },
          { path: 'leerlingen/:id/ondersteuning', element: <SupportPage /> },
          { path: 'leerlingen/:id/plannen/:planId', element: <SupportPlanPage /> },
          { path: 'leerlingen/:id/gedeelde-plannen', element: <ParentPlansPage /> },
          { path: 'leerlingen/:id/gedeelde-plannen/:planId', element: <ParentPlanPage /> },
          { path: 'ondersteuning', element: <SupportOverviewPage /> },
          { path: 'taken', element: <TasksPage /> },
          { path: 'jaarplanning', element: <CalendarPage /> },
          { path: 'overleg', element: <MeetingsPage /> },
          { path: 'overleg/acties', element: <ActionBoardPage /> },
          { path: 'overleg/:id', element: <MeetingPage /> },
          { path: 'leerlingen/:id/besprekingen', element: <ParentCasesPage /> },
          { path: 'meldingen', element: <NotificationsPage /> },
          { path: 'resultaten/import', element: <ImportPage /> },
          { path: 'resultaten/trend', element: <TrendPage /> },
          { path: 'resultaten/toetsen', element: <InstrumentsPage /> },
          { path: 'resultaten/signalering', element: <SignalRulesPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'beheer', element: <Navigate to="/beheer/school" replace /> },
          { path: 'beheer/school', element: <SchoolSettingsPage /> },
          { path: 'beheer/jaren', element: <YearsPage /> },
          { path: 'beheer/groepen', element: <AdminGroupsPage /> },
          { path: 'beheer/leerlingen', element: <AdminPupilsPage /> },
          { path: 'beheer/accounts', element: <AccountsPage /> },
          { path: 'beheer/outbox', element: <OutboxPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
