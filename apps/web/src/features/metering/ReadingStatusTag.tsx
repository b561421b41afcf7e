import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOUR: Record<string, string> = {
  valid: 'green',
  exception: 'orange',
  estimated: 'blue',
  rejected: 'red',
  superseded: 'default',
};

export function ReadingStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLOUR[status] ?? 'default'}>{t(`metering.status.${status}`)}</Tag>;
}
