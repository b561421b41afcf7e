// The service centre's pages, lazy-loaded like every page; registered in app/routes.tsx with one line.
import { lazy, type ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';

const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const WorkOrdersPage = named(() => import('./WorkOrdersPage'), 'WorkOrdersPage');
const NewWorkOrderPage = named(() => import('./NewWorkOrderPage'), 'NewWorkOrderPage');
const WorkOrderDetailPage = named(() => import('./WorkOrderDetailPage'), 'WorkOrderDetailPage');
const SlaBoardPage = named(() => import('./SlaBoardPage'), 'SlaBoardPage');
const ReportsPage = named(() => import('./ReportsPage'), 'ReportsPage');
const RoutingRulesPage = named(() => import('./RoutingRulesPage'), 'RoutingRulesPage');
const TimeLimitsPage = named(() => import('./TimeLimitsPage'), 'TimeLimitsPage');

export const workOrderRoutes: RouteObject[] = [
  { path: 'workorders', element: <WorkOrdersPage /> },
  { path: 'workorders/new', element: <NewWorkOrderPage /> },
  { path: 'workorders/board', element: <SlaBoardPage /> },
  { path: 'workorders/reports', element: <ReportsPage /> },
  { path: 'workorders/:id', element: <WorkOrderDetailPage /> },
  { path: 'admin/routing-rules', element: <RoutingRulesPage /> },
  { path: 'admin/time-limits', element: <TimeLimitsPage /> },
];
