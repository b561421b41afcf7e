import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { AccountInput } from '@gridcare/contracts';
import {
  ACCOUNT_STATUSES,
  BASIC_FEE_METHODS,
  PF_STANDARDS,
  SUPPLY_MODES,
  TARIFF_CATEGORIES,
  VOLTAGE_LEVELS,
} from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { zodRule } from '../../shared/zodRule';
import { ListSection } from './ListSection';
import { usePremiseIndexOptions } from './useIndexOptions';

const shape = AccountInput.shape;

/** 用电户: each refers to one of the premises above by its position. */
export function AccountsSection() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const options = useEnumOptions();
  const premiseOptions = usePremiseIndexOptions();
  return (
    <ListSection
      name="accounts"
      title={t('form.accounts')}
      addLabel={t('form.addAccount')}
      itemTitle={(i) => t('form.accountN', { n: i + 1 })}
      newItem={() => ({
        premiseIndex: premiseOptions.length ? 0 : undefined,
        status: 'active',
        supplyMode: 'single',
        contractCapacityKva: 0,
        basicFeeMethod: 'none',
        pfStandard: 'none',
      })}
      testId="account"
      max={50}
    >
      {(name) => (
        <Row gutter={12}>
          <Col xs={24} md={8} lg={6}>
            <Form.Item
              name={[name, 'accountNo']}
              label={t('account.accountNo')}
              extra={t('form.accountNoHint')}
              rules={[zodRule(shape.accountNo, lang, { optional: true })]}
            >
              <Input maxLength={10} data-testid={`account-${name}-no`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16} lg={10}>
            <Form.Item name={[name, 'premiseIndex']} label={t('account.premise')}>
              <Select
                allowClear
                options={premiseOptions}
                notFoundContent={t('form.addPremiseFirst')}
                data-testid={`account-${name}-premise`}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item name={[name, 'status']} label={t('account.status')}>
              <Select
                options={options('accountStatus', ACCOUNT_STATUSES)}
                data-testid={`account-${name}-status`}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item
              name={[name, 'voltageLevel']}
              label={t('account.voltageLevel')}
              rules={[{ required: true }]}
            >
              <Select
                options={VOLTAGE_LEVELS.map((v) => ({ value: v, label: v }))}
                data-testid={`account-${name}-voltage`}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item name={[name, 'supplyMode']} label={t('account.supplyMode')}>
              <Select options={options('supplyMode', SUPPLY_MODES)} data-testid={`account-${name}-supply`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item
              name={[name, 'contractCapacityKva']}
              label={t('account.capacity')}
              rules={[zodRule(shape.contractCapacityKva, lang, { optional: true })]}
            >
              <InputNumber
                min={0}
                max={10_000_000}
                suffix="kVA"
                style={{ width: '100%' }}
                data-testid={`account-${name}-capacity`}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item
              name={[name, 'tariffCategory']}
              label={t('account.tariffCategory')}
              rules={[{ required: true }]}
            >
              <Select
                options={options('tariffCategory', TARIFF_CATEGORIES)}
                data-testid={`account-${name}-tariff`}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item name={[name, 'basicFeeMethod']} label={t('account.basicFeeMethod')}>
              <Select
                options={options('basicFeeMethod', BASIC_FEE_METHODS)}
                data-testid={`account-${name}-basic-fee`}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item name={[name, 'pfStandard']} label={t('account.pfStandard')}>
              <Select options={options('pfStandard', PF_STANDARDS)} data-testid={`account-${name}-pf`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item
              name={[name, 'readingBook']}
              label={t('account.readingBookOnly')}
              rules={[zodRule(shape.readingBook, lang, { optional: true })]}
            >
              <Input maxLength={20} data-testid={`account-${name}-book`} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8} lg={4}>
            <Form.Item
              name={[name, 'readingDay']}
              label={t('account.readingDay')}
              rules={[zodRule(shape.readingDay, lang, { optional: true })]}
            >
              <InputNumber
                min={1}
                max={28}
                precision={0}
                style={{ width: '100%' }}
                data-testid={`account-${name}-day`}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
    </ListSection>
  );
}
