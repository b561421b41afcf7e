import { DatePicker, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { TransformerInput } from '@gridcare/contracts';
import { TRANSFORMER_STATES } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { FieldCol, fieldName, partRule, type PartFieldsProps } from './partFieldLayout';

const shape = TransformerInput.shape;
const WIDE = { xs: 24, md: 8, lg: 6 };
const NARROW = { xs: 12, md: 8, lg: 4 };
const MEDIUM = { xs: 12, md: 8, lg: 6 };

export interface TransformerFieldsProps extends PartFieldsProps {
  /** 'accountIndex' (an account of the create form, by position) or 'accountId' (a saved account). */
  accountField: 'accountIndex' | 'accountId';
  accountOptions: { value: number; label: string }[];
}

/** 受电变压器 fields — one definition for the create form and the 360 page's transformer dialog. */
export function TransformerFields(props: TransformerFieldsProps) {
  const { index, testId, loaded, accountField, accountOptions } = props;
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const options = useEnumOptions();
  const n = (field: string) => fieldName(index, field);
  const rule = partRule(lang, loaded);
  return (
    <Row gutter={12}>
      <FieldCol list={WIDE}>
        <Form.Item name={n(accountField)} label={t('form.forAccount')}>
          <Select allowClear options={accountOptions} data-testid={`${testId}-account`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={WIDE}>
        <Form.Item
          name={n('assetNo')}
          label={t('transformer.assetNo')}
          rules={[{ required: true, whitespace: true }, rule('assetNo', shape.assetNo)]}
        >
          <Input maxLength={32} data-testid={`${testId}-asset`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={NARROW}>
        <Form.Item
          name={n('capacityKva')}
          label={t('transformer.capacity')}
          rules={[{ required: true }, rule('capacityKva', shape.capacityKva)]}
        >
          <InputNumber min={0} suffix="kVA" style={{ width: '100%' }} data-testid={`${testId}-capacity`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={NARROW}>
        <Form.Item name={n('state')} label={t('transformer.state')}>
          <Select options={options('transformerState', TRANSFORMER_STATES)} data-testid={`${testId}-state`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={NARROW}>
        <Form.Item
          name={n('interlockGroup')}
          label={t('transformer.interlock')}
          rules={[rule('interlockGroup', shape.interlockGroup)]}
        >
          <Input maxLength={20} data-testid={`${testId}-interlock`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={MEDIUM}>
        <Form.Item name={n('sealed')} label={t('transformer.sealed')} valuePropName="checked">
          <Switch data-testid={`${testId}-sealed`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={MEDIUM}>
        <Form.Item name={n('sealedAt')} label={t('transformer.sealedAt')}>
          <DatePicker style={{ width: '100%' }} data-testid={`${testId}-sealed-at`} />
        </Form.Item>
      </FieldCol>
    </Row>
  );
}
