// The billing entries of the 电费 (meter-to-cash) menu group, spliced into app/useMenuItems.tsx.
import type { ReactNode } from 'react';
import {
  AccountBookOutlined,
  AuditOutlined,
  CalculatorOutlined,
  PlayCircleOutlined,
  ProfileOutlined,
} from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { Permission } from '@gridcare/domain';

export interface MenuEntry {
  key: string;
  label: string;
  icon?: ReactNode;
  anyOf?: Permission[];
}

export function billingMenu(t: TFunction): MenuEntry[] {
  return [
    {
      key: '/billing/bills',
      label: t('billing.menu.bills'),
      icon: <ProfileOutlined />,
      anyOf: ['billing:read'],
    },
    {
      key: '/billing/runs',
      label: t('billing.menu.runs'),
      icon: <PlayCircleOutlined />,
      anyOf: ['billing:run'],
    },
    {
      key: '/billing/quote',
      label: t('billing.menu.quote'),
      icon: <CalculatorOutlined />,
      anyOf: ['billing:read'],
    },
    {
      key: '/billing/adjustments',
      label: t('billing.menu.adjustments'),
      icon: <AuditOutlined />,
      anyOf: ['billing:run', 'billing:approve'],
    },
    {
      key: '/billing/tariffs',
      label: t('billing.menu.tariffs'),
      icon: <AccountBookOutlined />,
      anyOf: ['billing:read'],
    },
  ];
}
