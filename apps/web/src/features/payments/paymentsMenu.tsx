// The payments entries of the 电费 (meter-to-cash) menu group, spliced into app/useMenuItems.tsx.
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Permission } from '@gridcare/domain';

export interface MenuEntry {
  key: string;
  label: string;
  icon?: ReactNode;
  anyOf?: Permission[];
}

export function paymentsMenu(t: TFunction): MenuEntry[] {
  return [
    { key: '/payments/post', label: t('payments.menu.post'), anyOf: ['payment:post'] },
    { key: '/payments', label: t('payments.menu.list'), anyOf: ['billing:read'] },
    { key: '/payments/arrears', label: t('payments.menu.arrears'), anyOf: ['billing:read'] },
    { key: '/payments/manager-reminders', label: t('payments.menu.managers'), anyOf: ['billing:read'] },
    {
      key: '/payments/refunds',
      label: t('payments.menu.refunds'),
      anyOf: ['payment:post', 'billing:approve'],
    },
    { key: '/payments/withholding', label: t('payments.menu.withholding'), anyOf: ['payment:post'] },
    { key: '/payments/disconnections', label: t('payments.menu.disconnections'), anyOf: ['payment:post'] },
    { key: '/payments/collection-rate', label: t('payments.menu.rate'), anyOf: ['billing:read'] },
  ];
}
