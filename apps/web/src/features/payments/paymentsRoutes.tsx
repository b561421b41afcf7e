// The payments pages, lazy-loaded like every page; registered in app/routes.tsx with one line.
import { lazy, type ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';

const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const PaymentPostPage = named(() => import('./PaymentPostPage'), 'PaymentPostPage');
const PaymentsListPage = named(() => import('./PaymentsListPage'), 'PaymentsListPage');
const ArrearsPage = named(() => import('./ArrearsPage'), 'ArrearsPage');
const CollectionRatePage = named(() => import('./CollectionRatePage'), 'CollectionRatePage');
const RefundsPage = named(() => import('./RefundsPage'), 'RefundsPage');
const WithholdingPage = named(() => import('./WithholdingPage'), 'WithholdingPage');
const DisconnectionsPage = named(() => import('./DisconnectionsPage'), 'DisconnectionsPage');
const ManagerRemindersPage = named(() => import('./ManagerRemindersPage'), 'ManagerRemindersPage');

export const paymentsRoutes: RouteObject[] = [
  { path: 'payments/post', element: <PaymentPostPage /> },
  { path: 'payments', element: <PaymentsListPage /> },
  { path: 'payments/arrears', element: <ArrearsPage /> },
  { path: 'payments/collection-rate', element: <CollectionRatePage /> },
  { path: 'payments/refunds', element: <RefundsPage /> },
  { path: 'payments/withholding', element: <WithholdingPage /> },
  { path: 'payments/disconnections', element: <DisconnectionsPage /> },
  { path: 'payments/manager-reminders', element: <ManagerRemindersPage /> },
];
