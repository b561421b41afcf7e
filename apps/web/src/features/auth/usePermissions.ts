import { useCallback } from 'react';
import type { Permission } from '@gridcare/domain';
import { useMe } from './useMe';

/** `can('customer:write')` for the logged-in user; false while loading. */
export function usePermissions() {
  const { data: me } = useMe();
  const can = useCallback((p: Permission) => !!me?.permissions.includes(p), [me]);
  const hasRole = useCallback((r: string) => !!me?.roles.some((g) => g.role === r), [me]);
  return { me, can, hasRole };
}
