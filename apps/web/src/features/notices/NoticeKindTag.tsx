import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<string, string> = {
  policy: 'blue',
  product: 'cyan',
  promotion: 'gold',
  system_change: 'purple',
  fault_outage: 'red',
};

export function NoticeKindTag({ kind }: { kind: string }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[kind]}>{t(`notices.kind.${kind}`, { defaultValue: kind })}</Tag>;
}
