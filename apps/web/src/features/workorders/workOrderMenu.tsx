// The service centre's menu entries, spliced into app/useMenuItems.tsx (same shape as its entries).
import type { ReactNode } from 'react';
import {
  AuditOutlined,
  BarChartOutlined,
  BranchesOutlined,
  FieldTimeOutlined,
  FundOutlined,
  PlusCircleOutlined,
} from '@ant-design/icons';
import type { TFunction } from 'i18next';
import type { Permission } from '@gridcare/domain';

interface MenuEntry {
  key: string;
  label: string;
  icon?: ReactNode;
  anyOf?: Permission[];
  children?: MenuEntry[];
}

const READ: Permission[] = ['workorder:create', 'workorder:handle', 'workorder:supervise', 'report:read'];

/**
 * 工单, 新建工单, 超时监控, 工单报表 — top-level entries like the archive's (客户档案, 新建客户), so the
 * desk is one click away and never hidden in a closed sub-menu.
 */
export function workOrderMenu(t: TFunction): MenuEntry[] {
  return [
    { key: '/workorders', label: t('wo.menu.root'), icon: <AuditOutlined />, anyOf: READ },
    {
      key: '/workorders/new',
      label: t('wo.menu.new'),
      icon: <PlusCircleOutlined />,
      anyOf: ['workorder:create'],
    },
    {
      key: '/workorders/board',
      label: t('wo.menu.board'),
      icon: <FundOutlined />,
      anyOf: ['workorder:supervise'],
    },
    {
      key: '/workorders/reports',
      label: t('wo.menu.reports'),
      icon: <BarChartOutlined />,
      anyOf: ['report:read'],
    },
  ];
}

/** 系统管理 → 派单规则, 时限标准. */
export function workOrderAdminMenu(t: TFunction): MenuEntry[] {
  return [
    {
      key: '/admin/routing-rules',
      label: t('wo.menu.routing'),
      icon: <BranchesOutlined />,
      anyOf: ['config:admin'],
    },
    {
      key: '/admin/time-limits',
      label: t('wo.menu.timeLimits'),
      icon: <FieldTimeOutlined />,
      anyOf: ['config:admin'],
    },
  ];
}
