// The metering entries of the 电费 (meter-to-cash) menu group, spliced into app/useMenuItems.tsx.
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Permission } from '@gridcare/domain';
import { AlertOutlined, BookOutlined, CloudUploadOutlined, StopOutlined } from '@ant-design/icons';

export interface MenuEntry {
  key: string;
  label: string;
  icon?: ReactNode;
  anyOf?: Permission[];
}

export function meteringMenu(t: TFunction): MenuEntry[] {
  return [
    {
      key: '/metering/books',
      label: t('metering.menu.books'),
      icon: <BookOutlined />,
      anyOf: ['reading:write', 'billing:read'],
    },
    {
      key: '/metering/exceptions',
      label: t('metering.menu.exceptions'),
      icon: <AlertOutlined />,
      anyOf: ['reading:write'],
    },
    {
      key: '/metering/import',
      label: t('metering.menu.import'),
      icon: <CloudUploadOutlined />,
      anyOf: ['reading:write'],
    },
    {
      key: '/metering/unread',
      label: t('metering.menu.unread'),
      icon: <StopOutlined />,
      anyOf: ['billing:read'],
    },
  ];
}
