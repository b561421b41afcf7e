import { Col, DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { MeterInput, TransformerInput } from '@gridcare/contracts';
import { METER_TYPES, SEAL_STATUSES, TRANSFORMER_STATES } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { zodRule } from '../../shared/zodRule';
import { ListSection } from './ListSection';
import { useAccountIndexOptions } from './useIndexOptions';

const meter = MeterInput.shape;
const trafo = TransformerInput.shape;

/** 电能表: each belongs to one of the accounts above. */
export function MetersSection() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const options = useEnumOptions();
  const accountOptions = useAccountIndexOptions();
  return (
    <ListSection
      name="meters"
      title={t('form.meters')}
      addLabel={t('form.addMeter')}
      itemTitle={(i) => t('form.meterN', { n: i + 1 })}
      newItem={() => ({
        accountIndex: accountOptions.length ? 0 : undefined,
        touCapable: false,
        ctRatio: 1,
        ptRatio: 1,
        sealStatus: 'sealed',
      })}
      testId="meter"
      max={100}
    >
      {(name) => (
        <Row gutter={12}>
          <Col xs={24} md={8} lg={6}>
            <Form.Item
              name={[name, 'accountIndex']}
              label={t('form.forAccount')}
              rules={[{ required: true }]}
            >
              <Select
                options={accountOptions}
                notFoundContent={t('form.addAccountFirst')}
                data-testid={`meter-${name}-account`}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={6}>
            <Form.Item
              name={[name, 'assetNo']}
              label={t('meter.assetNo')}
              rules={[{ required: true, whitespace: true }, zodRule(meter.assetNo, lang)]}
            >
              <Input maxLength={32} data-testid={`meter-${name}-asset`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={6}>
            <Form.Item name={[name, 'meterType']} label={t('meter.meterType')} rules={[{ required: true }]}>
              <Select options={options('meterType', METER_TYPES)} data-testid={`meter-${name}-type`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={6}>
            <Form.Item name={[name, 'touCapable']} label={t('meter.tou')} valuePropName="checked">
              <Switch data-testid={`meter-${name}-tou`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item
              name={[name, 'ctRatio']}
              label={t('meter.ctRatio')}
              rules={[zodRule(meter.ctRatio, lang, { optional: true })]}
            >
              <InputNumber min={0} style={{ width: '100%' }} data-testid={`meter-${name}-ct`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item
              name={[name, 'ptRatio']}
              label={t('meter.ptRatio')}
              rules={[zodRule(meter.ptRatio, lang, { optional: true })]}
            >
              <InputNumber min={0} style={{ width: '100%' }} data-testid={`meter-${name}-pt`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item name={[name, 'sealStatus']} label={t('meter.sealStatus')}>
              <Select options={options('sealStatus', SEAL_STATUSES)} data-testid={`meter-${name}-seal`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={6}>
            <Form.Item name={[name, 'installDate']} label={t('meter.installDate')}>
              <DatePicker style={{ width: '100%' }} data-testid={`meter-${name}-install`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={6}>
            <Form.Item name={[name, 'lastTestDate']} label={t('meter.lastTestDate')}>
              <DatePicker style={{ width: '100%' }} data-testid={`meter-${name}-tested`} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </ListSection>
  );
}

/** 受电变压器: optionally tied to an account. */
export function TransformersSection() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const options = useEnumOptions();
  const accountOptions = useAccountIndexOptions();
  return (
    <ListSection
      name="transformers"
      title={t('form.transformers')}
      addLabel={t('form.addTransformer')}
      itemTitle={(i) => t('form.transformerN', { n: i + 1 })}
      newItem={() => ({
        accountIndex: accountOptions.length ? 0 : undefined,
        state: 'running',
        sealed: false,
      })}
      testId="transformer"
      max={50}
    >
      {(name) => (
        <Row gutter={12}>
          <Col xs={24} md={8} lg={6}>
            <Form.Item name={[name, 'accountIndex']} label={t('form.forAccount')}>
              <Select allowClear options={accountOptions} data-testid={`transformer-${name}-account`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={6}>
            <Form.Item
              name={[name, 'assetNo']}
              label={t('transformer.assetNo')}
              rules={[{ required: true, whitespace: true }, zodRule(trafo.assetNo, lang)]}
            >
              <Input maxLength={32} data-testid={`transformer-${name}-asset`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item
              name={[name, 'capacityKva']}
              label={t('transformer.capacity')}
              rules={[{ required: true }, zodRule(trafo.capacityKva, lang)]}
            >
              <InputNumber
                min={0}
                suffix="kVA"
                style={{ width: '100%' }}
                data-testid={`transformer-${name}-capacity`}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item name={[name, 'state']} label={t('transformer.state')}>
              <Select
                options={options('transformerState', TRANSFORMER_STATES)}
                data-testid={`transformer-${name}-state`}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item
              name={[name, 'interlockGroup']}
              label={t('transformer.interlock')}
              rules={[zodRule(trafo.interlockGroup, lang, { optional: true })]}
            >
              <Input maxLength={20} data-testid={`transformer-${name}-interlock`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={6}>
            <Form.Item name={[name, 'sealed']} label={t('transformer.sealed')} valuePropName="checked">
              <Switch data-testid={`transformer-${name}-sealed`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={6}>
            <Form.Item name={[name, 'sealedAt']} label={t('transformer.sealedAt')}>
              <DatePicker style={{ width: '100%' }} data-testid={`transformer-${name}-sealed-at`} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </ListSection>
  );
}
