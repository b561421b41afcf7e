// Every page is lazy-loaded so the first paint only needs the shell; ECharts loads with the pages that chart.
import { lazy, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { LoginPage } from '../features/auth/LoginPage';
import { RequireAuth } from '../features/auth/RequireAuth';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { workOrderRoutes } from '../features/workorders/workOrderRoutes';
import { portalRoute } from '../features/portal/portalRoutes';
import { meteringRoutes } from '../features/metering/meteringRoutes';
import { billingRoutes } from '../features/billing/billingRoutes';
import { paymentsRoutes } from '../features/payments/paymentsRoutes';

const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const HomePage = named(() => import('../features/home/HomePage'), 'HomePage');
const CustomerSearchPage = named(
  () => import('../features/customers/CustomerSearchPage'),
  'CustomerSearchPage',
);
const Customer360Page = named(() => import('../features/customers/Customer360Page'), 'Customer360Page');
const CustomerFormPage = named(() => import('../features/customers/CustomerFormPage'), 'CustomerFormPage');
const ImportPage = named(() => import('../features/imports/ImportPage'), 'ImportPage');
const MyCustomersPage = named(
  () => import('../features/account-managers/MyCustomersPage'),
  'MyCustomersPage',
);
const VisitPlansPage = named(() => import('../features/account-managers/VisitPlansPage'), 'VisitPlansPage');
const UnassignedPage = named(() => import('../features/account-managers/UnassignedPage'), 'UnassignedPage');
const OrgUnitsPage = named(() => import('../features/admin/OrgUnitsPage'), 'OrgUnitsPage');
const UsersPage = named(() => import('../features/admin/UsersPage'), 'UsersPage');
const CalendarPage = named(() => import('../features/calendar/CalendarPage'), 'CalendarPage');
const ServiceNormsPage = named(() => import('../features/norms/ServiceNormsPage'), 'ServiceNormsPage');
const NoticesPage = named(() => import('../features/notices/NoticesPage'), 'NoticesPage');
const NotificationsPage = named(
  () => import('../features/notifications/NotificationsPage'),
  'NotificationsPage',
);

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // The customer portal (网上营业厅): its own frame and login, outside the staff layout.
  portalRoute,
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'customers', element: <CustomerSearchPage /> },
      { path: 'customers/new', element: <CustomerFormPage /> },
      { path: 'customers/:id', element: <Customer360Page /> },
      { path: 'customers/:id/edit', element: <CustomerFormPage /> },
      { path: 'imports', element: <ImportPage /> },
      { path: 'my/customers', element: <MyCustomersPage /> },
      { path: 'visit-plans', element: <VisitPlansPage /> },
      { path: 'managers/unassigned', element: <UnassignedPage /> },
      { path: 'admin/org-units', element: <OrgUnitsPage /> },
      { path: 'admin/users', element: <UsersPage /> },
      { path: 'admin/calendar', element: <CalendarPage /> },
      { path: 'service-norms', element: <ServiceNormsPage /> },
      { path: 'notices', element: <NoticesPage /> },
      { path: 'admin/notifications', element: <NotificationsPage /> },
      ...workOrderRoutes,
      ...meteringRoutes,
      ...billingRoutes,
      ...paymentsRoutes,
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
