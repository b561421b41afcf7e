import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { ContactInput } from '@gridcare/contracts';
import { CHANNELS, CONTACT_ROLES } from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { zodRule } from '../../shared/zodRule';
import { ListSection } from './ListSection';

const shape = ContactInput.shape;

/** 联系人 */
export function ContactsSection() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const options = useEnumOptions();
  return (
    <ListSection
      name="contacts"
      title={t('form.contacts')}
      addLabel={t('form.addContact')}
      itemTitle={(i) => t('form.contactN', { n: i + 1 })}
      newItem={() => ({ role: 'other', preferredChannel: 'sms', isPrimary: false })}
      testId="contact"
    >
      {(name) => (
        <Row gutter={12}>
          <Col xs={24} md={8} lg={6}>
            <Form.Item
              name={[name, 'name']}
              label={t('contact.name')}
              rules={[{ required: true, whitespace: true }, zodRule(shape.name, lang)]}
            >
              <Input data-testid={`contact-${name}-name`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={6}>
            <Form.Item name={[name, 'role']} label={t('contact.role')}>
              <Select options={options('contactRole', CONTACT_ROLES)} data-testid={`contact-${name}-role`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={6}>
            <Form.Item
              name={[name, 'mobile']}
              label={t('contact.mobile')}
              rules={[zodRule(shape.mobile, lang, { optional: true })]}
            >
              <Input maxLength={16} data-testid={`contact-${name}-mobile`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={6}>
            <Form.Item
              name={[name, 'phone']}
              label={t('contact.phone')}
              rules={[zodRule(shape.phone, lang, { optional: true })]}
            >
              <Input maxLength={24} data-testid={`contact-${name}-phone`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={6}>
            <Form.Item
              name={[name, 'email']}
              label={t('contact.email')}
              rules={[zodRule(shape.email, lang, { optional: true })]}
            >
              <Input data-testid={`contact-${name}-email`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={6}>
            <Form.Item
              name={[name, 'wechat']}
              label={t('contact.wechat')}
              rules={[zodRule(shape.wechat, lang, { optional: true })]}
            >
              <Input data-testid={`contact-${name}-wechat`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={6}>
            <Form.Item name={[name, 'preferredChannel']} label={t('contact.preferredChannel')}>
              <Select options={options('channel', CHANNELS)} data-testid={`contact-${name}-channel`} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8} lg={6}>
            <Form.Item name={[name, 'isPrimary']} label=" " valuePropName="checked">
              <Checkbox data-testid={`contact-${name}-primary`}>{t('contact.isPrimary')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      )}
    </ListSection>
  );
}
