import { Card, Collapse, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { BookOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../shared/ErrorResult';
import { useEnumLabel } from '../../shared/useEnumLabel';
import { NormStandard } from './NormStandard';
import { useNormLabels } from './useNormLabels';
import { useServiceNorms } from './useServiceNorms';

/**
 * 服务规范: the norms an agent follows on an order of this type (and sub-category) — responsible role,
 * time limit, assisting departments and the script. For the work-order page to embed.
 */
export function NormPanel({ type, subCategory }: { type: string; subCategory?: string | null }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const labels = useNormLabels();
  const { data, isPending, error, refetch } = useServiceNorms({
    type,
    subCategory: subCategory || undefined,
    page: 1,
    pageSize: 50,
  });
  const norms = data?.items ?? [];

  return (
    <Card
      size="small"
      loading={isPending}
      title={
        <Space>
          <BookOutlined />
          {t('norms.panelTitle')}
        </Space>
      }
      data-testid="norm-panel"
    >
      {error ? (
        <ErrorResult error={error} onRetry={() => void refetch()} />
      ) : norms.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('norms.noneForType')} />
      ) : (
        <Collapse
          size="small"
          defaultActiveKey={[norms[0].id]}
          items={norms.map((n) => ({
            key: n.id,
            label: (
              <Space wrap size={4}>
                <Typography.Text type="secondary">{n.code}</Typography.Text>
                <Typography.Text strong>{n.title}</Typography.Text>
                <Tag>{labels.category(n.category)}</Tag>
              </Space>
            ),
            children: (
              <>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: 'role',
                      label: t('norms.responsibleRole'),
                      children: label('role', n.responsibleRole),
                    },
                    { key: 'limit', label: t('norms.timeLimit'), children: n.timeLimitText },
                    {
                      key: 'assist',
                      label: t('norms.assisting'),
                      children: n.assistingDepartments.length
                        ? n.assistingDepartments.map((d) => label('deptKind', d)).join('、')
                        : t('norms.none'),
                    },
                  ]}
                />
                <Typography.Text strong>{t('norms.standard')}</Typography.Text>
                <NormStandard text={n.standard} />
              </>
            ),
          }))}
          data-testid="norm-panel-list"
        />
      )}
    </Card>
  );
}
