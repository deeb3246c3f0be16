import { type ComponentType, lazy } from 'react';
import type { PageAccess } from '../features/access/permissions.ts';
import { NotFoundPage } from '../features/errors/NotFoundPage.tsx';
import type { Messages } from '../i18n/uk.ts';

/**
 * Every page of the app. To add one: write it under `features/<module>/`, add an entry here,
 * and give it `nav` if it belongs in the main navigation (its label lives under `nav.*` in
 * the messages). Pages are code-split with `React.lazy`.
 */
export interface AppRoute {
  /** Path relative to `/`; `index: true` for the home page. */
  path?: string;
  index?: boolean;
  Component: ComponentType;
  /** Who may open the page (default: public). Others are sent to sign in or told they may not. */
  access?: PageAccess;
  nav?: {
    label: keyof Messages['nav'];
    /** Position in the navigation, lower first. */
    order: number;
    /** Where the link points, when it differs from `path`. */
    to?: string;
  };
}

/** `React.lazy` for modules with named exports. */
function page<M extends Record<string, unknown>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

export const appRoutes: AppRoute[] = [
  {
    index: true,
    Component: page(() => import('../features/home/HomePage.tsx'), 'HomePage'),
    nav: { label: 'home', order: 10, to: '/' },
  },
  {
    path: 'places',
    Component: page(() => import('../features/places/PlacesPage.tsx'), 'PlacesPage'),
    nav: { label: 'places', order: 20 },
  },
  {
    path: 'places/:pcode',
    Component: page(() => import('../features/places/PlacesPage.tsx'), 'PlacesPage'),
  },
  {
    path: 'calls',
    Component: page(() => import('../features/grants/PublicCallsPage.tsx'), 'PublicCallsPage'),
    nav: { label: 'openCalls', order: 22 },
  },
  {
    path: 'calls/:id',
    Component: page(() => import('../features/grants/PublicCallPage.tsx'), 'PublicCallPage'),
  },
  {
    path: 'calls/:id/apply',
    Component: page(() => import('../features/grants/ApplyPage.tsx'), 'ApplyPage'),
  },
  {
    path: 'applications/status',
    Component: page(() => import('../features/grants/StatusPage.tsx'), 'StatusPage'),
  },
  {
    path: 'people',
    Component: page(() => import('../features/people/SearchPage.tsx'), 'SearchPage'),
    access: 'people.read',
    nav: { label: 'people', order: 24 },
  },
  {
    path: 'people/register',
    Component: page(() => import('../features/people/RegisterPage.tsx'), 'RegisterHouseholdPage'),
    access: 'people.write',
    nav: { label: 'registerHousehold', order: 26 },
  },
  {
    path: 'people/import',
    Component: page(() => import('../features/people/import/ImportUploadPage.tsx'), 'ImportUploadPage'),
    access: 'people.import',
    nav: { label: 'importPeople', order: 27 },
  },
  {
    path: 'people/import/:id',
    Component: page(() => import('../features/people/import/ImportPage.tsx'), 'ImportPage'),
    access: 'people.import',
  },
  {
    path: 'people/register/person',
    Component: page(() => import('../features/people/RegisterPage.tsx'), 'RegisterPersonPage'),
    access: 'people.write',
  },
  {
    path: 'people/:id',
    Component: page(() => import('../features/people/PersonPage.tsx'), 'PersonPage'),
    access: 'people.read',
  },
  {
    path: 'people/:id/edit',
    Component: page(() => import('../features/people/EditPersonPage.tsx'), 'EditPersonPage'),
    access: 'people.write',
  },
  {
    path: 'dedup',
    Component: page(() => import('../features/dedup/DedupPage.tsx'), 'DedupPage'),
    access: 'dedup.review',
    nav: { label: 'dedup', order: 28 },
  },
  {
    path: 'dedup/pairs/:id',
    Component: page(() => import('../features/dedup/PairPage.tsx'), 'PairPage'),
    access: 'dedup.review',
  },
  {
    path: 'forms',
    Component: page(() => import('../features/forms/FormsPage.tsx'), 'FormsPage'),
    access: 'forms.read',
    nav: { label: 'forms', order: 31 },
  },
  {
    path: 'forms/import',
    Component: page(() => import('../features/forms/ImportFormPage.tsx'), 'ImportFormPage'),
    access: 'forms.manage',
  },
  {
    path: 'forms/:id',
    Component: page(() => import('../features/forms/FormPreviewPage.tsx'), 'FormPreviewPage'),
    access: 'forms.read',
  },
  {
    path: 'trainings',
    Component: page(() => import('../features/trainings/TrainingsPage.tsx'), 'TrainingsPage'),
    access: 'trainings.read',
    nav: { label: 'trainings', order: 40 },
  },
  {
    path: 'trainings/new',
    Component: page(() => import('../features/trainings/TrainingEditPage.tsx'), 'TrainingCreatePage'),
    access: 'trainings.manage',
  },
  {
    path: 'trainings/reach',
    Component: page(() => import('../features/trainings/ProjectReachPage.tsx'), 'ProjectReachPage'),
    access: 'trainings.reach.read',
  },
  {
    path: 'trainings/reach/:code',
    Component: page(() => import('../features/trainings/ProjectReachPage.tsx'), 'ProjectReachPage'),
    access: 'trainings.reach.read',
  },
  {
    path: 'trainings/:id',
    Component: page(() => import('../features/trainings/TrainingPage.tsx'), 'TrainingPage'),
    access: 'trainings.read',
  },
  {
    path: 'trainings/:id/edit',
    Component: page(() => import('../features/trainings/TrainingEditPage.tsx'), 'TrainingEditPage'),
    access: 'trainings.manage',
  },
  {
    path: 'trainings/:id/sessions/:sessionId',
    Component: page(() => import('../features/trainings/AttendancePage.tsx'), 'AttendancePage'),
    access: 'trainings.attendance.record',
  },
  {
    path: 'join',
    Component: page(() => import('../features/trainings/PublicPages.tsx'), 'JoinListPage'),
    nav: { label: 'joinTraining', order: 22 },
  },
  {
    path: 'join/:id',
    Component: page(() => import('../features/trainings/PublicPages.tsx'), 'EnrolPage'),
  },
  {
    path: 'verify',
    Component: page(() => import('../features/trainings/PublicPages.tsx'), 'VerifyPage'),
    nav: { label: 'verifyCertificate', order: 23 },
  },
  {
    path: 'verify/:code',
    Component: page(() => import('../features/trainings/PublicPages.tsx'), 'VerifyPage'),
  },
  {
    path: 'awareness/report/:token',
    Component: page(() => import('../features/trainings/ReporterPage.tsx'), 'ReporterPage'),
  },
  {
    path: 'grants/calls',
    Component: page(() => import('../features/grants/CallsPage.tsx'), 'CallsPage'),
    access: 'grants.dashboard.read',
    nav: { label: 'grantCalls', order: 32 },
  },
  {
    path: 'grants/calls/new',
    Component: page(() => import('../features/grants/CallEditPage.tsx'), 'CallCreatePage'),
    access: 'grants.calls.manage',
  },
  {
    path: 'grants/calls/:id',
    Component: page(() => import('../features/grants/CallPage.tsx'), 'CallPage'),
    access: 'grants.dashboard.read',
  },
  {
    path: 'grants/calls/:id/edit',
    Component: page(() => import('../features/grants/CallEditPage.tsx'), 'CallEditPage'),
    access: 'grants.calls.manage',
  },
  {
    path: 'grants/calls/:id/dashboard',
    Component: page(() => import('../features/grants/DashboardPage.tsx'), 'DashboardPage'),
    access: 'grants.dashboard.read',
  },
  {
    path: 'grants/applications/:id',
    Component: page(() => import('../features/grants/ApplicationPage.tsx'), 'ApplicationPage'),
    access: 'grants.applications.read',
  },
  {
    path: 'grants/committee/:id',
    Component: page(() => import('../features/grants/CommitteePage.tsx'), 'CommitteePage'),
    access: 'grants.committee.manage',
  },
  {
    path: 'grants/awards',
    Component: page(() => import('../features/grants/AwardsPage.tsx'), 'AwardsPage'),
    access: 'grants.awards.read',
    nav: { label: 'grantAwards', order: 34 },
  },
  {
    path: 'grants/awards/:id',
    Component: page(() => import('../features/grants/AwardPage.tsx'), 'AwardPage'),
    access: 'grants.awards.read',
  },
  {
    path: 'grants/reviews',
    Component: page(() => import('../features/grants/MyReviewsPage.tsx'), 'MyReviewsPage'),
    access: 'grants.reviews.score',
    nav: { label: 'myReviews', order: 36 },
  },
  {
    path: 'grants/reviews/:id',
    Component: page(() => import('../features/grants/ReviewPage.tsx'), 'ReviewPage'),
    access: 'grants.reviews.score',
  },
  {
    path: 'portal/pages',
    Component: page(() => import('../features/portal/PortalPagesPage.tsx'), 'PortalPagesPage'),
    access: 'portal.read',
    nav: { label: 'sitePages', order: 60 },
  },
  {
    path: 'portal/pages/:key',
    Component: page(() => import('../features/portal/PortalPageEditPage.tsx'), 'PortalPageEditPage'),
    access: 'portal.read',
  },
  {
    path: 'portal/stories',
    Component: page(() => import('../features/portal/StoriesPage.tsx'), 'StoriesPage'),
    access: 'portal.read',
    nav: { label: 'stories', order: 62 },
  },
  {
    path: 'portal/stories/new',
    Component: page(() => import('../features/portal/StoryEditPage.tsx'), 'StoryCreatePage'),
    access: 'portal.manage',
  },
  {
    path: 'portal/stories/:id',
    Component: page(() => import('../features/portal/StoryEditPage.tsx'), 'StoryPage'),
    access: 'portal.read',
  },
  {
    path: 'feedback',
    Component: page(() => import('../features/feedback/QueuePage.tsx'), 'QueuePage'),
    access: 'feedback.read',
    nav: { label: 'feedback', order: 42 },
  },
  {
    path: 'feedback/stats',
    Component: page(() => import('../features/feedback/StatsPage.tsx'), 'StatsPage'),
    access: 'feedback.stats',
    nav: { label: 'feedbackStats', order: 44 },
  },
  {
    path: 'feedback/handlers',
    Component: page(() => import('../features/feedback/HandlersPage.tsx'), 'HandlersPage'),
    access: 'feedback.designate',
  },
  {
    path: 'feedback/:id',
    Component: page(() => import('../features/feedback/ItemPage.tsx'), 'ItemPage'),
    access: 'feedback.read',
  },
  {
    path: 'jobs',
    Component: page(() => import('../features/jobs/JobsPage.tsx'), 'JobsPage'),
    access: 'jobs.read',
    nav: { label: 'jobs', order: 30 },
  },
  {
    path: 'jobs/:id',
    Component: page(() => import('../features/jobs/JobDetailPage.tsx'), 'JobDetailPage'),
    access: 'jobs.read',
  },
  {
    path: 'sign-in',
    Component: page(() => import('../features/access/SignInPage.tsx'), 'SignInPage'),
  },
  {
    // Decides for itself where to send people who are not half-way through signing in.
    path: 'sign-in/code',
    Component: page(() => import('../features/access/SecondStepPage.tsx'), 'SecondStepPage'),
  },
  {
    path: 'invite/:token',
    Component: page(() => import('../features/access/AcceptPage.tsx'), 'AcceptInvitePage'),
  },
  {
    path: 'reset/:token',
    Component: page(() => import('../features/access/AcceptPage.tsx'), 'ResetPasswordPage'),
  },
  {
    path: 'account',
    Component: page(() => import('../features/access/AccountPage.tsx'), 'AccountPage'),
    access: 'signedIn',
  },
  {
    path: 'account/two-factor',
    Component: page(() => import('../features/access/EnrolPage.tsx'), 'EnrolPage'),
    access: 'session',
  },
  {
    path: 'admin/users',
    Component: page(() => import('../features/admin/UsersPage.tsx'), 'UsersPage'),
    access: 'users.manage',
    nav: { label: 'users', order: 100 },
  },
  {
    path: 'admin/users/new',
    Component: page(() => import('../features/admin/UserCreatePage.tsx'), 'UserCreatePage'),
    access: 'users.manage',
  },
  {
    path: 'admin/users/:id',
    Component: page(() => import('../features/admin/UserDetailPage.tsx'), 'UserDetailPage'),
    access: 'users.manage',
  },
  {
    path: 'admin/organisations',
    Component: page(() => import('../features/admin/OrganisationsPage.tsx'), 'OrganisationsPage'),
    access: 'organisations.manage',
    nav: { label: 'organisations', order: 110 },
  },
  {
    path: 'admin/organisations/:id',
    Component: page(() => import('../features/admin/OrganisationsPage.tsx'), 'OrganisationEditPage'),
    access: 'organisations.manage',
  },
  {
    path: 'admin/security',
    Component: page(() => import('../features/admin/SecurityPage.tsx'), 'SecurityPage'),
    access: 'settings.manage',
    nav: { label: 'security', order: 120 },
  },
  {
    path: 'admin/audit',
    Component: page(() => import('../features/admin/AuditPage.tsx'), 'AuditPage'),
    access: 'audit.read',
    nav: { label: 'audit', order: 130 },
  },
  {
    path: '*',
    // Small, and also used by the error boundary, so not split out.
    Component: NotFoundPage,
  },
];

export interface NavItem {
  to: string;
  label: keyof Messages['nav'];
  /** Match only the exact path (the home link). */
  end: boolean;
  access: PageAccess;
}

/** The main navigation, built from the routes that ask for it. */
export const navItems: NavItem[] = appRoutes
  .filter((route): route is AppRoute & { nav: NonNullable<AppRoute['nav']> } => route.nav !== undefined)
  .sort((a, b) => a.nav.order - b.nav.order)
  .map((route) => {
    const to = route.nav.to ?? `/${route.path ?? ''}`;
    return { to, label: route.nav.label, end: to === '/', access: route.access ?? 'public' };
  });
