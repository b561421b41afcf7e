import { Card, List, Tag, Typography } from 'antd';
import type { PortalMe } from '@gridcare/contracts';
import { useTranslation } from 'react-i18next';
import { usePortalLabel } from './usePortalLabel';

/** 我的户号: the customer's accounts, the one logged in with marked. */
export function AccountsCard({ me }: { me: PortalMe }) {
  const { t } = useTranslation();
  const label = usePortalLabel();
  return (
    <Card
      size="small"
      title={t('portal.home.accounts')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {me.maskedPhone ? t('portal.home.phone', { phone: me.maskedPhone }) : null}
        </Typography.Text>
      }
      data-testid="portal-accounts"
    >
      <List
        size="small"
        dataSource={me.accounts}
        renderItem={(a) => (
          <List.Item key={a.accountNo} data-testid="portal-account">
            <List.Item.Meta
              title={
                <span>
                  {t('portal.home.accountNo', { accountNo: a.accountNo })}{' '}
                  {a.accountNo === me.accountNo && <Tag color="blue">{t('portal.home.current')}</Tag>}
                </span>
              }
              description={[a.voltageLevel, a.address].filter(Boolean).join(' · ')}
            />
            <Tag color={a.status === 'active' ? 'green' : 'default'}>{label('accountStatus', a.status)}</Tag>
          </List.Item>
        )}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('portal.home.customer', { name: me.customerName, customerNo: me.customerNo })}
      </Typography.Text>
    </Card>
  );
}
