import { Avatar, Button, Card, Empty, Flex, Space, Typography } from 'antd';
import { PhoneOutlined, UserOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ManagerCard as ManagerCardData } from '../../api/types';

/** The account manager card (客户经理服务卡): photo, name, 24-hour phone, service scope. */
export function ManagerCard({
  manager,
  canAssign,
  onAssign,
  required,
}: {
  manager: ManagerCardData | null;
  canAssign: boolean;
  onAssign: () => void;
  required: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('manager.cardTitle')}
      size="small"
      data-testid="manager-card"
      extra={
        canAssign ? (
          <Button
            size="small"
            type="link"
            icon={<UserSwitchOutlined />}
            onClick={onAssign}
            data-testid="assign-manager"
          >
            {t('manager.assign')}
          </Button>
        ) : null
      }
    >
      {manager ? (
        <Flex gap={16} align="center">
          <Avatar size={64} src={manager.photoUrl || undefined} icon={<UserOutlined />} />
          <Space orientation="vertical" size={2}>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="manager-name">
              {manager.name}
            </Typography.Text>
            {manager.title ? <Typography.Text type="secondary">{manager.title}</Typography.Text> : null}
            {manager.phone24h ? (
              <Typography.Text>
                <PhoneOutlined /> {t('manager.phone24h')}：{manager.phone24h}
              </Typography.Text>
            ) : null}
            {manager.serviceScope ? (
              <Typography.Text type="secondary">
                {t('manager.scope')}：{manager.serviceScope}
              </Typography.Text>
            ) : null}
          </Space>
        </Flex>
      ) : (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            required ? (
              <Typography.Text type="danger">{t('manager.requiredNone')}</Typography.Text>
            ) : (
              t('manager.none')
            )
          }
        />
      )}
    </Card>
  );
}
