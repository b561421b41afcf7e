import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import type { OrgUnit } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { useOrgUnitsFlat } from './useOrgUnitsFlat';

interface TreeNode {
  value: number;
  title: string;
  children: TreeNode[];
}

function buildTree(units: OrgUnit[], lang: string): TreeNode[] {
  const byId = new Map<number, TreeNode>();
  for (const u of units)
    byId.set(u.id, { value: u.id, title: (lang === 'en-US' && u.nameEn) || u.name, children: [] });
  const roots: TreeNode[] = [];
  for (const u of units) {
    const node = byId.get(u.id)!;
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export interface OrgUnitSelectProps {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  style?: CSSProperties;
  'data-testid'?: string;
  /** Leave out some units (e.g. the one being edited). */
  exclude?: number;
}

/** Org units as a tree select, searchable by name. */
export function OrgUnitSelect({
  value,
  onChange,
  allowClear,
  placeholder,
  style,
  exclude,
  ...rest
}: OrgUnitSelectProps) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { data, isPending } = useOrgUnitsFlat();
  const treeData = useMemo(
    () =>
      buildTree(
        (data ?? []).filter((u) => u.id !== exclude),
        lang,
      ),
    [data, lang, exclude],
  );
  return (
    <TreeSelect
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
      loading={isPending}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      placeholder={placeholder ?? t('org.select')}
      style={{ minWidth: 200, ...style }}
      data-testid={rest['data-testid']}
      popupMatchSelectWidth={false}
    />
  );
}
