import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Flex, Spin } from 'antd';
import { isApiError } from '../../api/client';
import { ErrorResult } from '../../shared/ErrorResult';
import { useMe } from './useMe';

/** Renders its children only for a logged-in user; otherwise sends them to /login?next=… */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data, error, isPending, refetch } = useMe();
  const location = useLocation();
  if (isPending) {
    return (
      <Flex style={{ height: '100vh' }} align="center" justify="center">
        <Spin size="large" />
      </Flex>
    );
  }
  if (error || !data) {
    if (isApiError(error) && error.status === 401) {
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`/login?next=${next}`} replace />;
    }
    return <ErrorResult error={error} onRetry={() => void refetch()} />;
  }
  return <>{children}</>;
}
