// The customer portal (网上营业厅) at /portal: its own frame, apart from the staff AppLayout and its
// login; registered in app/routes.tsx as one top-level branch.
import { lazy, type ComponentType } from 'react';
import { Navigate, useParams, type RouteObject } from 'react-router-dom';
import { PortalShell } from './PortalShell';
import { PortalTabsLayout } from './PortalTabsLayout';

const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const PortalLoginPage = named(() => import('./PortalLoginPage'), 'PortalLoginPage');
const PortalHomePage = named(() => import('./PortalHomePage'), 'PortalHomePage');
const PortalRequestFormPage = named(() => import('./PortalRequestFormPage'), 'PortalRequestFormPage');
const PortalRequestsPage = named(() => import('./PortalRequestsPage'), 'PortalRequestsPage');
const PortalRequestDetailPage = named(() => import('./PortalRequestDetailPage'), 'PortalRequestDetailPage');
const PortalMessagesPage = named(() => import('./PortalMessagesPage'), 'PortalMessagesPage');
const PortalBillingPage = named(() => import('./PortalBillingPage'), 'PortalBillingPage');
const PortalPayReturnPage = named(() => import('./PortalPayReturnPage'), 'PortalPayReturnPage');

/** The return-visit SMS links to /portal/orders/:caseNo. */
function OrderLink() {
  const { caseNo = '' } = useParams();
  return <Navigate to={`/portal/requests/${caseNo}`} replace />;
}

export const portalRoute: RouteObject = {
  path: '/portal',
  element: <PortalShell />,
  children: [
    { path: 'login', element: <PortalLoginPage /> },
    {
      element: <PortalTabsLayout />,
      children: [
        { index: true, element: <PortalHomePage /> },
        { path: 'new', element: <PortalRequestFormPage /> },
        { path: 'requests', element: <PortalRequestsPage /> },
        { path: 'requests/:caseNo', element: <PortalRequestDetailPage /> },
        { path: 'orders/:caseNo', element: <OrderLink /> },
        { path: 'messages', element: <PortalMessagesPage /> },
        { path: 'billing', element: <PortalBillingPage /> },
        { path: 'billing/return', element: <PortalPayReturnPage /> },
        { path: '*', element: <Navigate to="/portal" replace /> },
      ],
    },
  ],
};
