import type { ReactNode } from 'react';
import { Flex, Spin } from 'antd';
import { Navigate, useLocation } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { ErrorResult } from '../../shared/ErrorResult';
import { PORTAL_LOGIN_PATH } from './portalApi';
import { usePortalMe } from './usePortalMe';

/** Renders its children for a logged-in customer; otherwise sends them to the portal login. */
export function RequirePortalAuth({ children }: { children: ReactNode }) {
  const { data, error, isPending, refetch } = usePortalMe();
  const location = useLocation();
  if (isPending) {
    return (
      <Flex style={{ minHeight: 240 }} align="center" justify="center">
        <Spin size="large" />
      </Flex>
    );
  }
  if (error || !data) {
    if (isApiError(error) && error.status === 401) {
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`${PORTAL_LOGIN_PATH}?next=${next}`} replace />;
    }
    return <ErrorResult error={error} onRetry={() => void refetch()} />;
  }
  return <>{children}</>;
}
