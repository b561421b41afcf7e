// The payments pages, lazy-loaded like every page; registered in app/routes.tsx with one line.
import type { RouteObject } from 'react-router-dom';

export const paymentsRoutes: RouteObject[] = [];
