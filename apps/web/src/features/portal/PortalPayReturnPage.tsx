// Where the payment gateway sends the customer back: waits for the order to be paid (the gateway's
// callback, or our query to it) and says so.
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatYuan } from '../payments/money';
import { usePortalOrder } from './usePortalBilling';

export function PortalPayReturnPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const orderNo = params.get('order');
  const { data, error } = usePortalOrder(orderNo);
  const back = (
    <Link to="/portal/billing" key="back">
      <Button type="primary">{t('payments.portal.backToBills')}</Button>
    </Link>
  );
  if (!orderNo || error)
    return <Result status="warning" title={t('payments.portal.orderUnknown')} extra={back} />;
  if (!data || data.status === 'created')
    return (
      <Result
        icon={<Spin size="large" />}
        title={t('payments.portal.waiting')}
        subTitle={orderNo}
        extra={back}
        data-testid="portal-pay-waiting"
      />
    );
  if (data.status === 'closed')
    return <Result status="info" title={t('payments.portal.closed')} extra={back} />;
  return (
    <Result
      status="success"
      title={t('payments.portal.paid', { amount: formatYuan(data.amountFen) })}
      subTitle={t('payments.portal.paidSub', { paymentNo: data.paymentNo })}
      extra={back}
      data-testid="portal-pay-done"
    />
  );
}
