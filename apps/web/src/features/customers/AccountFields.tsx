import { Form, Input, InputNumber, Row, Select } from 'antd';
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
import { FieldCol, fieldName, partRule, type PartFieldsProps } from './partFieldLayout';

const shape = AccountInput.shape;
const COL = { xs: 12, md: 8, lg: 4 };

export interface AccountFieldsProps extends PartFieldsProps {
  /** 'premiseIndex' (a premise of the create form, by position) or 'premiseId' (a saved premise). */
  premiseField: 'premiseIndex' | 'premiseId';
  premiseOptions: { value: number; label: string }[];
  /** An existing account keeps its 户号 (the PATCH does not accept one). */
  accountNoLocked?: boolean;
}

/** 用电户 fields — one definition for the create form and the 360 page's account dialog. */
export function AccountFields(props: AccountFieldsProps) {
  const { index, testId, loaded, premiseField, premiseOptions, accountNoLocked } = props;
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const options = useEnumOptions();
  const n = (field: string) => fieldName(index, field);
  const rule = partRule(lang, loaded);
  return (
    <Row gutter={12}>
      <FieldCol list={{ xs: 24, md: 8, lg: 6 }}>
        <Form.Item
          name={n('accountNo')}
          label={t('account.accountNo')}
          extra={accountNoLocked ? undefined : t('form.accountNoHint')}
          rules={[rule('accountNo', shape.accountNo)]}
        >
          <Input maxLength={10} disabled={accountNoLocked} data-testid={`${testId}-no`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={{ xs: 24, md: 16, lg: 10 }}>
        <Form.Item name={n(premiseField)} label={t('account.premise')}>
          <Select
            allowClear
            options={premiseOptions}
            notFoundContent={t('form.addPremiseFirst')}
            data-testid={`${testId}-premise`}
          />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item name={n('status')} label={t('account.status')}>
          <Select options={options('accountStatus', ACCOUNT_STATUSES)} data-testid={`${testId}-status`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item name={n('voltageLevel')} label={t('account.voltageLevel')} rules={[{ required: true }]}>
          <Select
            options={VOLTAGE_LEVELS.map((v) => ({ value: v, label: v }))}
            data-testid={`${testId}-voltage`}
          />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item name={n('supplyMode')} label={t('account.supplyMode')}>
          <Select options={options('supplyMode', SUPPLY_MODES)} data-testid={`${testId}-supply`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item
          name={n('contractCapacityKva')}
          label={t('account.capacity')}
          rules={[rule('contractCapacityKva', shape.contractCapacityKva)]}
        >
          <InputNumber
            min={0}
            max={10_000_000}
            suffix="kVA"
            style={{ width: '100%' }}
            data-testid={`${testId}-capacity`}
          />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item
          name={n('tariffCategory')}
          label={t('account.tariffCategory')}
          rules={[{ required: true }]}
        >
          <Select options={options('tariffCategory', TARIFF_CATEGORIES)} data-testid={`${testId}-tariff`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item name={n('basicFeeMethod')} label={t('account.basicFeeMethod')}>
          <Select
            options={options('basicFeeMethod', BASIC_FEE_METHODS)}
            data-testid={`${testId}-basic-fee`}
          />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item name={n('pfStandard')} label={t('account.pfStandard')}>
          <Select options={options('pfStandard', PF_STANDARDS)} data-testid={`${testId}-pf`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item
          name={n('readingBook')}
          label={t('account.readingBookOnly')}
          rules={[rule('readingBook', shape.readingBook)]}
        >
          <Input maxLength={20} data-testid={`${testId}-book`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item
          name={n('readingDay')}
          label={t('account.readingDay')}
          rules={[rule('readingDay', shape.readingDay)]}
        >
          <InputNumber
            min={1}
            max={28}
            precision={0}
            style={{ width: '100%' }}
            data-testid={`${testId}-day`}
          />
        </Form.Item>
      </FieldCol>
    </Row>
  );
}
