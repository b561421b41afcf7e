import { useMemo, useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Input, Row, Skeleton, Space, Tag, Tree } from 'antd';
import { ApartmentOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { OrgUnitNode } from '@gridcare/contracts';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { ErrorResult } from '../../shared/ErrorResult';
import { PageTitle } from '../../shared/PageTitle';
import { useEnumLabel } from '../../shared/useEnumLabel';
import { OrgUnitFormModal, type OrgUnitModalState } from './OrgUnitFormModal';
import { useOrgUnitTree } from './useOrgUnitTree';

function index(nodes: OrgUnitNode[], into = new Map<number, OrgUnitNode>()) {
  for (const n of nodes) {
    into.set(n.id, n);
    index(n.children ?? [], into);
  }
  return into;
}

/** 组织机构: company → branches → supply offices / halls, with departments anywhere. */
export function OrgUnitsPage() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const label = useEnumLabel();
  const { data, isPending, error, refetch } = useOrgUnitTree();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [filter, setFilter] = useState('');
  const [modal, setModal] = useState<OrgUnitModalState>(null);
  const byId = useMemo(() => index(data ?? []), [data]);
  const selected = selectedId ? byId.get(selectedId) : undefined;

  const treeData = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const matches = (n: OrgUnitNode): boolean =>
      !f ||
      n.name.toLowerCase().includes(f) ||
      n.code.toLowerCase().includes(f) ||
      (n.nameEn ?? '').toLowerCase().includes(f) ||
      (n.children ?? []).some(matches);
    const toNode = (n: OrgUnitNode): DataNode => ({
      key: n.id,
      title: (
        <span data-testid="org-node">
          {(lang === 'en-US' && n.nameEn) || n.name}{' '}
          <Tag style={{ marginInlineStart: 4 }}>{label('orgKind', n.kind)}</Tag>
          {!n.active && <Tag color="default">{t('org.inactive')}</Tag>}
        </span>
      ),
      children: (n.children ?? []).filter(matches).map(toNode),
    });
    return (data ?? []).filter(matches).map(toNode);
  }, [data, filter, lang, label, t]);

  if (isPending) return <Skeleton active />;
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;

  return (
    <div>
      <PageTitle title={t('menu.orgUnits')} sub={t('org.subtitle')} />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card
            title={
              <Space>
                <ApartmentOutlined />
                {t('org.tree')}
              </Space>
            }
            size="small"
          >
            <Input.Search
              allowClear
              placeholder={t('org.filter')}
              onChange={(e) => setFilter(e.target.value)}
              style={{ marginBottom: 12 }}
              data-testid="org-filter"
            />
            {treeData.length ? (
              <Tree
                key={filter ? 'filtered' : 'all'}
                treeData={treeData}
                defaultExpandAll
                showLine
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => setSelectedId(keys.length ? Number(keys[0]) : null)}
                data-testid="org-tree"
              />
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={selected ? selected.name : t('org.details')}
            extra={
              selected ? (
                <Space>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setModal({ mode: 'edit', unit: selected })}
                    data-testid="org-edit"
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="small"
                    type="primary"
                    icon={<PlusOutlined />}
                    onClick={() => setModal({ mode: 'create', parent: selected })}
                    data-testid="org-add-child"
                  >
                    {t('org.addChild')}
                  </Button>
                </Space>
              ) : null
            }
          >
            {selected ? (
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('org.code')}>{selected.code}</Descriptions.Item>
                <Descriptions.Item label={t('org.name')}>{selected.name}</Descriptions.Item>
                <Descriptions.Item label={t('org.nameEn')}>{selected.nameEn || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('org.kind')}>{label('orgKind', selected.kind)}</Descriptions.Item>
                <Descriptions.Item label={t('org.deptKind')}>
                  {label('deptKind', selected.deptKind) || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('premise.areaClass')}>
                  {label('areaClass', selected.areaClass) || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('org.active')}>
                  {selected.active ? t('common.yes') : t('common.no')}
                </Descriptions.Item>
                <Descriptions.Item label={t('org.children')}>
                  {selected.children?.length ?? 0}
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty description={t('org.pickOne')} />
            )}
          </Card>
        </Col>
      </Row>
      <OrgUnitFormModal state={modal} onClose={() => setModal(null)} />
    </div>
  );
}
