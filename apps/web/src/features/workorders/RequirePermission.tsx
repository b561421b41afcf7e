import type { ReactNode } from 'react';
import { Result } from 'antd';
import type { Permission } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../auth/usePermissions';

/** Pages for one permission (board, reports, configuration): others see 403 instead of failing requests. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const { me, can } = usePermissions();
  if (me && !can(permission)) return <Result status="403" title={t('common.forbidden')} />;
  return <>{children}</>;
}
