import { Breadcrumb, Card, Empty, Space, Tag, Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PremiseWithTopology } from '../../api/types';
import { useEnumLabel } from '../../shared/useEnumLabel';

/** Where each service point sits in the grid: 变电站 → 线路 → 台区 → 用电地址. */
export function TopologyPath({ premises }: { premises: PremiseWithTopology[] }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  return (
    <Card title={t('c360.topology')} size="small" data-testid="topology">
      {premises.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('c360.noPremises')} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          {premises.map((p) => {
            const topo = p.topology;
            const none = t('c360.unknown');
            return (
              <div key={p.id}>
                <Breadcrumb
                  separator="→"
                  items={[
                    {
                      title: (
                        <span>
                          {t('c360.substation')}：{topo?.substation?.name ?? none}
                        </span>
                      ),
                    },
                    {
                      title: (
                        <span>
                          {t('c360.feeder')}：{topo?.feeder?.name ?? none}
                        </span>
                      ),
                    },
                    ...(topo?.transformerArea || !topo?.feeder
                      ? [
                          {
                            title: (
                              <span>
                                {t('c360.transformerArea')}：{topo?.transformerArea?.name ?? none}
                              </span>
                            ),
                          },
                        ]
                      : [{ title: <Tag>{t('c360.directHv')}</Tag> }]),
                    {
                      title: (
                        <Typography.Text strong>
                          <EnvironmentOutlined /> {p.fullAddress}
                        </Typography.Text>
                      ),
                    },
                  ]}
                />
                <Tag style={{ marginTop: 4 }}>{label('areaClass', p.areaClass)}</Tag>
              </div>
            );
          })}
        </Space>
      )}
    </Card>
  );
}
