// The metering pages, lazy-loaded like every page; registered in app/routes.tsx with one line.
import { lazy, type ComponentType } from 'react';
import type { RouteObject } from 'react-router-dom';

const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const ReadingBooksPage = named(() => import('./ReadingBooksPage'), 'ReadingBooksPage');
const ReadingEntryPage = named(() => import('./ReadingEntryPage'), 'ReadingEntryPage');
const ReadingImportPage = named(() => import('./ReadingImportPage'), 'ReadingImportPage');
const ReadingExceptionsPage = named(() => import('./ReadingExceptionsPage'), 'ReadingExceptionsPage');
const AccountReadingsPage = named(() => import('./AccountReadingsPage'), 'AccountReadingsPage');
const UnreadTasksPage = named(() => import('./UnreadTasksPage'), 'UnreadTasksPage');

export const meteringRoutes: RouteObject[] = [
  { path: 'metering/books', element: <ReadingBooksPage /> },
  { path: 'metering/books/:code/entry', element: <ReadingEntryPage /> },
  { path: 'metering/import', element: <ReadingImportPage /> },
  { path: 'metering/exceptions', element: <ReadingExceptionsPage /> },
  { path: 'metering/accounts/:accountId', element: <AccountReadingsPage /> },
  { path: 'metering/unread', element: <UnreadTasksPage /> },
];
