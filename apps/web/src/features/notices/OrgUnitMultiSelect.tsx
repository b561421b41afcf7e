import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { OrgUnit } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { useOrgUnitsFlat } from '../org/useOrgUnitsFlat';

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
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    if (parent) parent.children.push(byId.get(u.id)!);
    else roots.push(byId.get(u.id)!);
  }
  return roots;
}

/** Several org units from the caller's tree; each chosen unit stands for itself (not its children). */
export function OrgUnitMultiSelect({
  value,
  onChange,
  placeholder,
}: {
  value?: number[];
  onChange?: (value: number[]) => void;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { data, isPending } = useOrgUnitsFlat();
  const treeData = useMemo(() => buildTree(data ?? [], lang), [data, lang]);
  return (
    <TreeSelect
      multiple
      treeCheckable={false}
      value={value ?? []}
      onChange={(v) => onChange?.(v ?? [])}
      treeData={treeData}
      loading={isPending}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      placeholder={placeholder ?? t('org.select')}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      data-testid="notice-audience-units"
    />
  );
}
