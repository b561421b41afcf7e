// The billing pages, lazy-loaded like every page; registered in app/routes.tsx with one line.
import { lazy, type ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';

const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const BillsPage = named(() => import('./BillsPage'), 'BillsPage');
const BillDetailPage = named(() => import('./BillDetailPage'), 'BillDetailPage');
const BillRunsPage = named(() => import('./BillRunsPage'), 'BillRunsPage');
const QuotePage = named(() => import('./QuotePage'), 'QuotePage');
const TariffsPage = named(() => import('./TariffsPage'), 'TariffsPage');
const TariffVersionPage = named(() => import('./TariffVersionPage'), 'TariffVersionPage');
const AdjustmentsPage = named(() => import('./AdjustmentsPage'), 'AdjustmentsPage');

export const billingRoutes: RouteObject[] = [
  { path: 'billing/bills', element: <BillsPage /> },
  { path: 'billing/bills/:id', element: <BillDetailPage /> },
  { path: 'billing/runs', element: <BillRunsPage /> },
  { path: 'billing/quote', element: <QuotePage /> },
  { path: 'billing/tariffs', element: <TariffsPage /> },
  { path: 'billing/tariffs/:id', element: <TariffVersionPage /> },
  { path: 'billing/adjustments', element: <AdjustmentsPage /> },
];
