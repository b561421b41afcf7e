import { Space, Tag } from 'antd';
import { CrownFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useEnumLabel } from './useEnumLabel';

const TIER_COLOURS: Record<string, string> = {
  important: 'red',
  key: 'orange',
  grassroots: 'blue',
  residential: 'default',
};
const CLASS_COLOURS: Record<string, string> = {
  residential: 'green',
  lv_non_residential: 'cyan',
  hv: 'geekblue',
  large_industry: 'purple',
};

export function ClassTag({ value }: { value: string }) {
  const label = useEnumLabel();
  return <Tag color={CLASS_COLOURS[value]}>{label('customerClass', value)}</Tag>;
}

export function TierTag({ value }: { value: string }) {
  const label = useEnumLabel();
  return <Tag color={TIER_COLOURS[value]}>{label('importanceTier', value)}</Tag>;
}

export function VipTag({ vip }: { vip: boolean | undefined }) {
  const { t } = useTranslation();
  if (!vip) return null;
  return (
    <Tag color="gold" icon={<CrownFilled />} data-testid="vip-tag" title={t('customer.vip')}>
      VIP
    </Tag>
  );
}

export function CustomerTags(props: { customerClass: string; importanceTier: string; vip?: boolean }) {
  return (
    <Space size={4} wrap>
      <ClassTag value={props.customerClass} />
      <TierTag value={props.importanceTier} />
      <VipTag vip={props.vip} />
    </Space>
  );
}
