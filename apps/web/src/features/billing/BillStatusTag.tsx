import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOUR: Record<string, string> = {
  issued: 'orange',
  partially_paid: 'gold',
  paid: 'green',
  superseded: 'default',
  cancelled: 'default',
};

export function BillStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLOUR[status]}>{t(`billing.status.${status}`)}</Tag>;
}
