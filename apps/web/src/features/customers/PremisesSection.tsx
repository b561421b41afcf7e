import { Col, Form, Input, Row, Select } from 'antd';
import { PremiseInput } from '@gridcare/contracts';
import { AREA_CLASSES } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { zodRule } from '../../shared/zodRule';
import { ListSection } from './ListSection';

const shape = PremiseInput.shape;

/** 用电地址 */
export function PremisesSection() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const options = useEnumOptions();
  const text = (field: 'province' | 'city' | 'district' | 'detail') => [
    { required: true, whitespace: true },
    zodRule(shape[field], lang),
  ];
  return (
    <ListSection
      name="premises"
      title={t('form.premises')}
      addLabel={t('form.addPremise')}
      itemTitle={(i) => t('form.premiseN', { n: i + 1 })}
      newItem={() => ({ areaClass: 'urban' })}
      testId="premise"
    >
      {(name) => (
        <Row gutter={12}>
          <Col xs={12} md={6} lg={4}>
            <Form.Item name={[name, 'province']} label={t('premise.province')} rules={text('province')}>
              <Input data-testid={`premise-${name}-province`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item name={[name, 'city']} label={t('premise.city')} rules={text('city')}>
              <Input data-testid={`premise-${name}-city`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item name={[name, 'district']} label={t('premise.district')} rules={text('district')}>
              <Input data-testid={`premise-${name}-district`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6} lg={4}>
            <Form.Item
              name={[name, 'street']}
              label={t('premise.street')}
              rules={[zodRule(shape.street, lang, { optional: true })]}
            >
              <Input data-testid={`premise-${name}-street`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16} lg={5}>
            <Form.Item name={[name, 'detail']} label={t('premise.detail')} rules={text('detail')}>
              <Input data-testid={`premise-${name}-detail`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={3}>
            <Form.Item name={[name, 'areaClass']} label={t('premise.areaClass')} rules={[{ required: true }]}>
              <Select options={options('areaClass', AREA_CLASSES)} data-testid={`premise-${name}-area`} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </ListSection>
  );
}
