// The metering entries of the 电费 (meter-to-cash) menu group, spliced into app/useMenuItems.tsx.
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Permission } from '@gridcare/domain';

export interface MenuEntry {
  key: string;
  label: string;
  icon?: ReactNode;
  anyOf?: Permission[];
}

export function meteringMenu(_t: TFunction): MenuEntry[] {
  return [];
}
