import type { ReactNode } from 'react';
import { Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { CustomerOverview } from '../../api/types';
import { CustomerTags } from '../../shared/CustomerTags';
import { formatDateTime } from '../../shared/format';
import { useEnumLabel } from '../../shared/useEnumLabel';
import { usePermissions } from '../auth/usePermissions';
import { useOrgUnitsFlat } from '../org/useOrgUnitsFlat';

export function CustomerHeaderCard({ overview, extra }: { overview: CustomerOverview; extra?: ReactNode }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const c = overview.customer;
  const orgUnits = useOrgUnitsFlat();
  const orgName = orgUnits.data?.find((u) => u.id === c.orgUnitId)?.name;
  return (
    <Card>
      <Flex justify="space-between" align="flex-start" wrap gap={12}>
        <div>
          <Space align="center" wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="customer-name">
              {c.name}
            </Typography.Title>
            <CustomerTags customerClass={c.customerClass} importanceTier={c.importanceTier} vip={c.vip} />
            {c.status && c.status !== 'active' && <Tag>{label('accountStatus', c.status)}</Tag>}
          </Space>
          <div>
            <Typography.Text type="secondary" data-testid="customer-no">
              {t('customer.customerNo')}：{c.customerNo}
            </Typography.Text>
          </div>
        </div>
        <Space wrap>
          {extra}
          {can('customer:write') && (
            <Button
              icon={<EditOutlined />}
              onClick={() => navigate(`/customers/${c.id}/edit`)}
              data-testid="edit-customer"
            >
              {t('common.edit')}
            </Button>
          )}
        </Space>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginTop: 16 }}>
        <Descriptions.Item label={t('customer.kind')}>{label('customerKind', c.kind)}</Descriptions.Item>
        <Descriptions.Item label={t('customer.cert')}>
          {c.certType ? `${label('certType', c.certType)} ${c.certNo ?? ''}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('customer.creditGrade')}>
          {c.creditGrade ? <Tag color="blue">{c.creditGrade}</Tag> : t('customer.notRated')}
        </Descriptions.Item>
        <Descriptions.Item label={t('customer.orgUnit')}>{orgName ?? c.orgUnitId}</Descriptions.Item>
        <Descriptions.Item label={t('customer.relationship')}>
          {label('relationship', c.relationship)}
        </Descriptions.Item>
        <Descriptions.Item label={t('customer.industry')}>{c.industryName || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('customer.phone')}>{c.phone || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('customer.updatedAt')}>{formatDateTime(c.updatedAt)}</Descriptions.Item>
        {c.vip && c.vipReason ? (
          <Descriptions.Item label={t('customer.vipReason')}>{c.vipReason}</Descriptions.Item>
        ) : null}
        {c.note ? <Descriptions.Item label={t('customer.note')}>{c.note}</Descriptions.Item> : null}
      </Descriptions>
    </Card>
  );
}
