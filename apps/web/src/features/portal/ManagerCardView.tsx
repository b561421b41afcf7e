import { Avatar, Card, Flex, Typography } from 'antd';
import { PhoneOutlined, UserOutlined } from '@ant-design/icons';
import type { PortalManagerCard } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';

/** 我的客户经理: the card shown to customers (photo, name, 24-hour phone, service scope). */
export function ManagerCardView({ card }: { card: PortalManagerCard }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('portal.home.manager')} data-testid="portal-manager">
      <Flex gap={12} align="center">
        <Avatar size={56} src={card.photoUrl ?? undefined} icon={<UserOutlined />} />
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong data-testid="portal-manager-name">
            {card.name}
          </Typography.Text>
          {card.title && <Typography.Text type="secondary"> · {card.title}</Typography.Text>}
          {card.phone24h && (
            <div>
              <Typography.Link href={`tel:${card.phone24h}`}>
                <PhoneOutlined /> {card.phone24h}
              </Typography.Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                {t('portal.home.managerPhone')}
              </Typography.Text>
            </div>
          )}
          {card.serviceScope && (
            <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
              {card.serviceScope}
            </Typography.Paragraph>
          )}
        </div>
      </Flex>
    </Card>
  );
}
