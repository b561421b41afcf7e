import { Form, Input, Row, Select } from 'antd';
import { PremiseInput } from '@gridcare/contracts';
import { AREA_CLASSES } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { FieldCol, fieldName, partRule, type PartFieldsProps } from './partFieldLayout';

const shape = PremiseInput.shape;
const SHORT = { xs: 12, md: 6, lg: 4 };

/** 用电地址 fields — one definition for the create form and the 360 page's premise dialog. */
export function PremiseFields({ index, testId, loaded }: PartFieldsProps) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const options = useEnumOptions();
  const n = (field: string) => fieldName(index, field);
  const rule = partRule(lang, loaded);
  const text = (field: 'province' | 'city' | 'district' | 'detail') => [
    { required: true, whitespace: true },
    rule(field, shape[field]),
  ];
  return (
    <Row gutter={12}>
      <FieldCol list={SHORT}>
        <Form.Item name={n('province')} label={t('premise.province')} rules={text('province')}>
          <Input data-testid={`${testId}-province`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={SHORT}>
        <Form.Item name={n('city')} label={t('premise.city')} rules={text('city')}>
          <Input data-testid={`${testId}-city`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={SHORT}>
        <Form.Item name={n('district')} label={t('premise.district')} rules={text('district')}>
          <Input data-testid={`${testId}-district`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={SHORT}>
        <Form.Item name={n('street')} label={t('premise.street')} rules={[rule('street', shape.street)]}>
          <Input data-testid={`${testId}-street`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={{ xs: 24, md: 16, lg: 5 }} modal={{ xs: 24 }}>
        <Form.Item name={n('detail')} label={t('premise.detail')} rules={text('detail')}>
          <Input data-testid={`${testId}-detail`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={{ xs: 24, md: 8, lg: 3 }}>
        <Form.Item name={n('areaClass')} label={t('premise.areaClass')} rules={[{ required: true }]}>
          <Select options={options('areaClass', AREA_CLASSES)} data-testid={`${testId}-area`} />
        </Form.Item>
      </FieldCol>
    </Row>
  );
}
