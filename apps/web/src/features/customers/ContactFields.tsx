import { Checkbox, Form, Input, Row, Select } from 'antd';
import { ContactInput } from '@gridcare/contracts';
import { CHANNELS, CONTACT_ROLES } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { FieldCol, fieldName, partRule, type PartFieldsProps } from './partFieldLayout';

const shape = ContactInput.shape;
const COL = { xs: 24, md: 8, lg: 6 };

/** 联系人 fields — one definition for the create form and the 360 page's contact dialog. */
export function ContactFields({ index, testId, loaded }: PartFieldsProps) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const options = useEnumOptions();
  const n = (field: string) => fieldName(index, field);
  const rule = partRule(lang, loaded);
  return (
    <Row gutter={12}>
      <FieldCol list={COL}>
        <Form.Item
          name={n('name')}
          label={t('contact.name')}
          rules={[{ required: true, whitespace: true }, rule('name', shape.name)]}
        >
          <Input data-testid={`${testId}-name`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item name={n('role')} label={t('contact.role')}>
          <Select options={options('contactRole', CONTACT_ROLES)} data-testid={`${testId}-role`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item name={n('mobile')} label={t('contact.mobile')} rules={[rule('mobile', shape.mobile)]}>
          <Input maxLength={16} data-testid={`${testId}-mobile`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item name={n('phone')} label={t('contact.phone')} rules={[rule('phone', shape.phone)]}>
          <Input maxLength={24} data-testid={`${testId}-phone`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item name={n('email')} label={t('contact.email')} rules={[rule('email', shape.email)]}>
          <Input data-testid={`${testId}-email`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item name={n('wechat')} label={t('contact.wechat')} rules={[rule('wechat', shape.wechat)]}>
          <Input data-testid={`${testId}-wechat`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item name={n('preferredChannel')} label={t('contact.preferredChannel')}>
          <Select options={options('channel', CHANNELS)} data-testid={`${testId}-channel`} />
        </Form.Item>
      </FieldCol>
      <FieldCol list={COL}>
        <Form.Item name={n('isPrimary')} label=" " valuePropName="checked">
          <Checkbox data-testid={`${testId}-primary`}>{t('contact.isPrimary')}</Checkbox>
        </Form.Item>
      </FieldCol>
    </Row>
  );
}
