import { DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { MeterInput } from '@gridcare/contracts';
import { METER_TYPES, SEAL_STATUSES } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { FieldCol, fieldName, partRule, type PartFieldsProps } from './partFieldLayout';

const shape = MeterInput.shape;
const WIDE = { xs: 24, md: 8, lg: 6 };
const NARROW = { xs: 12, md: 8, lg: 4 };
const MEDIUM = { xs: 12, md: 8, lg: 6 };

export interface MeterFieldsProps extends PartFieldsProps {
  /** 'accountIndex' (an account of the create form, by position) or 'accountId' (a saved account). */
  accountField: 'accountIndex' | 'accountId';
  accountOptions: { value: number; label: string }[];
  /** A saved meter stays on its account (the PATCH does not move it). */
  accountLocked?: boolean;
}

/** 电能表 fields — one definition for the create form and the 360 page's meter dialog. */
export function MeterFields(props: MeterFieldsProps) {
  const { index, testId, loaded, accountField, accountOptions, accountLocked } = props;
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const options = useEnumOptions();
  const n = (field: string) => fieldName(index, field);
  const rule = partRule(lang, loaded);
  return (
    <Row gutter={12}>
      <FieldCol list={WIDE}>
        <Form.Item name={n(accountField)} label={t('form.forAccount')} rules={[{ required: true }]}>
          <Select
            options={accountOptions}
            disabled={accountLocked}
            notFoundContent={t('form.addAccountFirst')}
            data-testid={`${testId}-account`}
          />
        </Form.Item>
      </FieldCol>
      <FieldCol list={WIDE}>
        <Form.Item
          name={n('assetNo')}
          label={t('meter.assetNo')}
          rules={[{ required: true, whitespace: true }, rule('assetNo', shape.assetNo)]}
        >
          <Input maxLength={32} data-testid={`${testId}-asset`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={WIDE}>
        <Form.Item name={n('meterType')} label={t('meter.meterType')} rules={[{ required: true }]}>
          <Select options={options('meterType', METER_TYPES)} data-testid={`${testId}-type`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={MEDIUM}>
        <Form.Item name={n('touCapable')} label={t('meter.tou')} valuePropName="checked">
          <Switch data-testid={`${testId}-tou`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={NARROW}>
        <Form.Item name={n('ctRatio')} label={t('meter.ctRatio')} rules={[rule('ctRatio', shape.ctRatio)]}>
          <InputNumber min={0} style={{ width: '100%' }} data-testid={`${testId}-ct`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={NARROW}>
        <Form.Item name={n('ptRatio')} label={t('meter.ptRatio')} rules={[rule('ptRatio', shape.ptRatio)]}>
          <InputNumber min={0} style={{ width: '100%' }} data-testid={`${testId}-pt`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={NARROW}>
        <Form.Item name={n('sealStatus')} label={t('meter.sealStatus')}>
          <Select options={options('sealStatus', SEAL_STATUSES)} data-testid={`${testId}-seal`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={MEDIUM}>
        <Form.Item name={n('installDate')} label={t('meter.installDate')}>
          <DatePicker style={{ width: '100%' }} data-testid={`${testId}-install`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={MEDIUM}>
        <Form.Item name={n('lastTestDate')} label={t('meter.lastTestDate')}>
          <DatePicker style={{ width: '100%' }} data-testid={`${testId}-tested`} />
        </Form.Item>
      </FieldCol>
    </Row>
  );
}
