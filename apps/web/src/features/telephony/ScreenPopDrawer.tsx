import { Alert, Button, Card, Drawer, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { FileAddOutlined, PhoneOutlined, SearchOutlined } from '@ant-design/icons';
import type { CustomerSummary } from '@gridcare/contracts';
import { isValidMobile, normaliseMobile } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { toQueryString } from '../../api/client';
import { ClassTag, TierTag, VipTag } from '../../shared/CustomerTags';
import { formatDateTime } from '../../shared/format';
import { usePermissions } from '../auth/usePermissions';
import { useScreenPop } from './useScreenPop';

const STATUS_COLOURS: Record<string, string> = {
  ringing: 'processing',
  answered: 'success',
  abandoned: 'warning',
  ended: 'default',
};

/** 来电弹屏: mounted once in the layout; only users who take calls (workorder:create) listen. */
export function ScreenPopDrawer() {
  const { can } = usePermissions();
  return can('workorder:create') ? <ScreenPopListener /> : null;
}

function ScreenPopListener() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { call, dismiss } = useScreenPop();
  const pop = call?.pop;
  const caller = pop
    ? isValidMobile(pop.callerNumber)
      ? normaliseMobile(pop.callerNumber)
      : pop.callerNumber
    : '';

  const newOrder = (customerId?: number) => {
    navigate(`/workorders/new?${toQueryString({ customerId, channel: 'phone', caller })}`);
    dismiss();
  };

  return (
    <Drawer
      open={!!pop}
      onClose={dismiss}
      placement="right"
      size={440}
      mask={false}
      title={
        <Space>
          <PhoneOutlined />
          {t('telephony.incoming')}
        </Space>
      }
      data-testid="screen-pop"
    >
      {pop && call && (
        <Flex vertical gap={16}>
          <div>
            <Typography.Title
              level={3}
              copyable={{ text: caller }}
              style={{ margin: 0 }}
              data-testid="screen-pop-caller"
            >
              {pop.callerNumber}
            </Typography.Title>
            <Space size={4} wrap>
              <Tag color={STATUS_COLOURS[call.status]} data-testid="screen-pop-status">
                {t(`telephony.status.${call.status}`)}
              </Tag>
              <Typography.Text type="secondary">{formatDateTime(pop.at)}</Typography.Text>
              {pop.queue && (
                <Typography.Text type="secondary">
                  {t('telephony.queue', { queue: pop.queue })}
                </Typography.Text>
              )}
            </Space>
          </div>
          {pop.customers.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('telephony.noMatch')} />
          ) : (
            <List<CustomerSummary>
              dataSource={pop.customers}
              header={t('telephony.matches', { count: pop.customers.length })}
              data-testid="screen-pop-customers"
              renderItem={(c) => (
                <Card
                  size="small"
                  style={{ marginBottom: 8 }}
                  title={
                    <Link to={`/customers/${c.id}`} onClick={dismiss} data-testid="screen-pop-customer">
                      {c.name}
                    </Link>
                  }
                  extra={<Typography.Text type="secondary">{c.customerNo}</Typography.Text>}
                >
                  <Flex vertical gap={6}>
                    <div>
                      <ClassTag value={c.customerClass} />
                      <TierTag value={c.importanceTier} />
                      <VipTag vip={c.vip} />
                    </div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {[c.phone, c.orgUnitName, c.address].filter(Boolean).join(' · ')}
                    </Typography.Text>
                    <Button
                      size="small"
                      type="primary"
                      icon={<FileAddOutlined />}
                      onClick={() => newOrder(c.id)}
                      style={{ alignSelf: 'flex-start' }}
                      data-testid="screen-pop-new-order"
                    >
                      {t('telephony.newOrder')}
                    </Button>
                  </Flex>
                </Card>
              )}
            />
          )}
          {pop.more && (
            <Alert
              type="info"
              showIcon
              title={t('telephony.more')}
              action={
                <Button
                  size="small"
                  icon={<SearchOutlined />}
                  onClick={() => navigate(`/customers?q=${encodeURIComponent(caller)}`)}
                >
                  {t('telephony.searchAll')}
                </Button>
              }
            />
          )}
          <Button
            block
            icon={<FileAddOutlined />}
            type={pop.customers.length === 0 ? 'primary' : 'default'}
            onClick={() => newOrder()}
            data-testid="screen-pop-new-order-blank"
          >
            {pop.customers.length === 0 ? t('telephony.newOrder') : t('telephony.newOrderOther')}
          </Button>
        </Flex>
      )}
    </Drawer>
  );
}
