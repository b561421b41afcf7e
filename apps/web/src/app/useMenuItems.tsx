// The left menu: the modules of the platform. Entries the user may not use are hidden; modules
// still being built are shown greyed out as "coming soon".
import { useMemo, type ReactNode } from 'react';
import type { MenuProps } from 'antd';
import { Tag } from 'antd';
import {
  AlertOutlined,
  ApartmentOutlined,
  CalendarOutlined,
  BarChartOutlined,
  BookOutlined,
  CloudUploadOutlined,
  ContactsOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  MessageOutlined,
  MoneyCollectOutlined,
  NotificationOutlined,
  PlusCircleOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  ThunderboltOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@gridcare/domain';
import { usePermissions } from '../features/auth/usePermissions';
import { workOrderAdminMenu, workOrderMenu } from '../features/workorders/workOrderMenu';
import { meteringMenu } from '../features/metering/meteringMenu';
import { billingMenu } from '../features/billing/billingMenu';
import { paymentsMenu } from '../features/payments/paymentsMenu';

type MenuItem = Required<MenuProps>['items'][number];

interface Entry {
  key: string;
  label: string;
  icon?: ReactNode;
  /** Any one of these permissions shows the entry. */
  anyOf?: Permission[];
  children?: Entry[];
  soon?: boolean;
}

export function useMenuItems(): { items: MenuItem[]; routeKeys: string[] } {
  const { t } = useTranslation();
  const { can } = usePermissions();

  return useMemo(() => {
    const entries: Entry[] = [
      { key: '/', label: t('menu.home'), icon: <DashboardOutlined /> },
      { key: '/customers', label: t('menu.customers'), icon: <SearchOutlined />, anyOf: ['customer:read'] },
      {
        key: '/customers/new',
        label: t('menu.newCustomer'),
        icon: <PlusCircleOutlined />,
        anyOf: ['customer:write'],
      },
      {
        key: '/imports',
        label: t('menu.imports'),
        icon: <CloudUploadOutlined />,
        anyOf: ['customer:import'],
      },
      {
        key: 'managers',
        label: t('menu.managers'),
        icon: <SolutionOutlined />,
        children: [
          {
            key: '/my/customers',
            label: t('menu.myCustomers'),
            icon: <ContactsOutlined />,
            anyOf: ['manager:work'],
          },
          {
            key: '/visit-plans',
            label: t('menu.visitPlans'),
            icon: <FileProtectOutlined />,
            anyOf: ['manager:work', 'manager:assign'],
          },
          {
            key: '/managers/unassigned',
            label: t('menu.unassigned'),
            icon: <TeamOutlined />,
            anyOf: ['manager:assign'],
          },
        ],
      },
      { key: '/service-norms', label: t('norms.menu'), icon: <BookOutlined /> },
      { key: '/notices', label: t('notices.menu'), icon: <NotificationOutlined /> },
      ...workOrderMenu(t),
      { key: 'soon-outages', label: t('menu.outages'), icon: <AlertOutlined />, soon: true },
      { key: 'soon-connections', label: t('menu.connections'), icon: <ThunderboltOutlined />, soon: true },
      {
        key: 'billing',
        label: t('menu.billing'),
        icon: <MoneyCollectOutlined />,
        children: [...meteringMenu(t), ...billingMenu(t), ...paymentsMenu(t)],
      },
      { key: 'soon-credit', label: t('menu.credit'), icon: <SafetyCertificateOutlined />, soon: true },
      { key: 'soon-kpi', label: t('menu.kpi'), icon: <BarChartOutlined />, soon: true },
      {
        key: 'admin',
        label: t('menu.admin'),
        icon: <SettingOutlined />,
        children: [
          {
            key: '/admin/org-units',
            label: t('menu.orgUnits'),
            icon: <ApartmentOutlined />,
            anyOf: ['org:admin'],
          },
          { key: '/admin/users', label: t('menu.users'), icon: <UserOutlined />, anyOf: ['user:admin'] },
          ...workOrderAdminMenu(t),
          {
            key: '/admin/calendar',
            label: t('calendar.menu'),
            icon: <CalendarOutlined />,
            anyOf: ['config:admin'],
          },
          {
            key: '/admin/notifications',
            label: t('notifications.menu'),
            icon: <MessageOutlined />,
            anyOf: ['notification:admin'],
          },
        ],
      },
    ];

    const allowed = (e: Entry) => !e.anyOf || e.anyOf.some((p) => can(p));
    const routeKeys: string[] = [];
    const toItem = (e: Entry): MenuItem | null => {
      if (e.children) {
        const children = e.children.map(toItem).filter((c): c is MenuItem => c !== null);
        if (!children.length) return null;
        return { key: e.key, label: e.label, icon: e.icon, children };
      }
      if (!allowed(e)) return null;
      if (e.soon) {
        return {
          key: e.key,
          icon: e.icon,
          disabled: true,
          label: (
            <span data-testid={`menu-${e.key}`}>
              {e.label}{' '}
              <Tag variant="filled" style={{ marginInlineStart: 4, fontSize: 11 }}>
                {t('menu.comingSoon')}
              </Tag>
            </span>
          ),
        };
      }
      routeKeys.push(e.key);
      return {
        key: e.key,
        icon: e.icon,
        label: (
          <span data-testid={`menu-${e.key.replaceAll('/', '-').replace(/^-/, '') || 'home'}`}>
            {e.label}
          </span>
        ),
      };
    };
    const items = entries.map(toItem).filter((i): i is MenuItem => i !== null);
    return { items, routeKeys };
  }, [t, can]);
}
