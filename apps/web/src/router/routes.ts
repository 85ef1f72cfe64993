import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router';
import { chartWidth } from '../features/dashboard/chart-width';
import { readDashboardQuery } from '../features/dashboard/dashboard-query';
import { contentLang } from '../i18n';
import { useDashboardPrefetchStore } from '../stores/dashboard-prefetch';
import { useReferenceStore } from '../stores/reference';
import { ROLE_GROUPS, type Role } from '@kesu/schema';
import type { Messages } from '../i18n/locales/zh-CN';

type TitleKey = `nav.${keyof Messages['nav'] & string}`;

declare module 'vue-router' {
  interface RouteMeta {
    /** No session needed. */
    public?: boolean;
    /** Roles that may open the page (a group the API guards alike); absent means every logged-in user. */
    roles?: readonly Role[];
    title?: TitleKey;
  }
}

/** Where each role lands after logging in. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'admin':
      return 'plans';
    case 'reviewer':
      return 'review-queue';
    case 'reporter':
      return 'my-assignments';
    case 'leader':
      return 'dashboard';
    default:
      return 'progress';
  }
}

/**
 * Asks for the dashboard's data while its page is still loading (the reports take longer than
 * the page's code), when the address already names the region and year.
 */
function prefetchDashboard(to: RouteLocationNormalized): void {
  const { region, year } = readDashboardQuery(to.query);
  if (region === null || year === null) return;
  useDashboardPrefetchStore().request(region, year, { width: chartWidth(), lang: contentLang() });
  // The page names the region and lists its sub-regions: both are looked up beside the data, not after the page opens.
  const reference = useReferenceStore();
  void reference.ancestry(region).catch(() => undefined);
  void reference.childrenOf(region).catch(() => undefined);
}

const { office: OFFICE, review: REVIEW, watch: WATCH, analyse: ANALYSE } = ROLE_GROUPS;

// Every page is its own chunk, so a reporter's browser never loads the builder or the plan editor.
export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('../pages/LoginPage.vue'),
    meta: { public: true, title: 'nav.login' },
  },
  {
    path: '/',
    component: () => import('../components/shell/AppShell.vue'),
    children: [
      // Never shown: the router guard sends each role on to its own first page.
      { path: '', name: 'home', component: () => import('../pages/NotFoundPage.vue') },
      {
        path: 'plans',
        name: 'plans',
        component: () => import('../pages/plans/PlanListPage.vue'),
        meta: { roles: OFFICE, title: 'nav.plans' },
      },
      {
        path: 'plans/:id',
        name: 'plan-review',
        component: () => import('../pages/plans/PlanReviewPage.vue'),
        props: true,
        meta: { roles: OFFICE, title: 'nav.planReview' },
      },
      {
        path: 'alignment',
        name: 'plan-alignment',
        component: () => import('../pages/plans/PlanAlignmentPage.vue'),
        meta: { roles: WATCH, title: 'nav.alignment' },
      },
      {
        path: 'forms',
        name: 'forms',
        component: () => import('../pages/forms/FormListPage.vue'),
        meta: { roles: OFFICE, title: 'nav.forms' },
      },
      {
        path: 'forms/:id',
        name: 'form-builder',
        component: () => import('../pages/forms/FormBuilderPage.vue'),
        props: true,
        meta: { roles: OFFICE, title: 'nav.formBuilder' },
      },
      {
        path: 'assignments/new',
        name: 'assign',
        component: () => import('../pages/assignments/AssignPage.vue'),
        meta: { roles: OFFICE, title: 'nav.assign' },
      },
      {
        path: 'assignments',
        name: 'progress',
        component: () => import('../pages/assignments/ProgressPage.vue'),
        meta: { roles: WATCH, title: 'nav.progress' },
      },
      {
        path: 'report',
        name: 'my-assignments',
        component: () => import('../pages/report/MyAssignmentsPage.vue'),
        meta: { roles: ROLE_GROUPS.report, title: 'nav.myAssignments' },
      },
      {
        path: 'report/:id',
        name: 'report-fill',
        component: () => import('../pages/report/ReportFillPage.vue'),
        props: true,
        meta: { roles: ROLE_GROUPS.report, title: 'nav.reportFill' },
      },
      {
        path: 'dashboard',
        name: 'dashboard',
        component: () => import('../pages/dashboard/DashboardPage.vue'),
        beforeEnter: prefetchDashboard,
        meta: { roles: WATCH, title: 'nav.dashboard' },
      },
      {
        path: 'sql',
        name: 'workbench',
        component: () => import('../pages/workbench/WorkbenchPage.vue'),
        meta: { roles: ANALYSE, title: 'nav.workbench' },
      },
      {
        path: 'print',
        name: 'print-report',
        component: () => import('../pages/print/PrintReportPage.vue'),
        meta: { roles: WATCH, title: 'nav.printReport' },
      },
      {
        path: 'review',
        name: 'review-queue',
        component: () => import('../pages/review/ReviewQueuePage.vue'),
        meta: { roles: REVIEW, title: 'nav.reviewQueue' },
      },
      {
        path: 'review/:id',
        name: 'review-submission',
        component: () => import('../pages/review/ReviewSubmissionPage.vue'),
        props: true,
        meta: { roles: REVIEW, title: 'nav.reviewSubmission' },
      },
      {
        path: 'users',
        name: 'users',
        component: () => import('../pages/users/UserListPage.vue'),
        meta: { roles: OFFICE, title: 'nav.users' },
      },
      {
        path: 'users/missing',
        name: 'missing-accounts',
        component: () => import('../pages/users/MissingAccountsPage.vue'),
        meta: { roles: ROLE_GROUPS.chaseAccounts, title: 'nav.missingAccounts' },
      },
      {
        path: 'records/audit',
        name: 'audit',
        component: () => import('../pages/records/AuditPage.vue'),
        meta: { roles: OFFICE, title: 'nav.audit' },
      },
      {
        path: 'records/backups',
        name: 'backups',
        component: () => import('../pages/records/BackupsPage.vue'),
        meta: { roles: OFFICE, title: 'nav.backups' },
      },
      {
        path: 'inbox',
        name: 'inbox',
        component: () => import('../pages/inbox/InboxPage.vue'),
        meta: { title: 'nav.inbox' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('../pages/NotFoundPage.vue'),
        meta: { title: 'nav.notFound' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'forbidden',
        component: () => import('../pages/ForbiddenPage.vue'),
        meta: { title: 'nav.forbidden' },
      },
    ],
  },
];
