import { Card, Col, Form, Input, Radio, Row, Select, Switch } from 'antd';
import { CustomerCreate, certificateIssue, translate } from '@gridcare/contracts';
import {
  CERT_TYPES,
  CUSTOMER_CLASSES,
  CUSTOMER_KINDS,
  IMPORTANCE_TIERS,
  RELATIONSHIPS,
} from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { useEnumOptions } from '../../shared/useEnumLabel';
import { zodRule } from '../../shared/zodRule';
import { OrgUnitSelect } from '../org/OrgUnitSelect';

const shape = CustomerCreate.shape;

/** 基本信息: org unit, name, kind, certificate with live check-digit validation, class, tier, VIP. */
export function BasicInfoSection({ certMasked }: { certMasked?: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const options = useEnumOptions();
  const vip = Form.useWatch('vip');

  return (
    <Card title={t('form.basic')} size="small" id="section-basic">
      <Row gutter={16}>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name="orgUnitId" label={t('customer.orgUnit')} rules={[{ required: true }]}>
            <OrgUnitSelect data-testid="cf-org" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item
            name="name"
            label={t('customer.name')}
            rules={[{ required: true, whitespace: true }, zodRule(shape.name, lang)]}
          >
            <Input maxLength={100} data-testid="cf-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name="kind" label={t('customer.kind')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={options('customerKind', CUSTOMER_KINDS)}
              data-testid="cf-kind"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name="certType" label={t('customer.certType')}>
            <Select allowClear options={options('certType', CERT_TYPES)} data-testid="cf-cert-type" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item
            name="certNo"
            label={t('customer.certNo')}
            dependencies={['certType']}
            hasFeedback
            extra={certMasked ? t('form.certMasked') : undefined}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_r, value: string | undefined) => {
                  if (certMasked && value && value.includes('*')) return;
                  const issue = certificateIssue(getFieldValue('certType'), value?.trim() || null);
                  if (issue) throw new Error(translate(issue, lang));
                },
              }),
            ]}
          >
            <Input maxLength={32} style={{ fontFamily: 'monospace' }} data-testid="cf-cert-no" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name="relationship" label={t('customer.relationship')}>
            <Radio.Group
              optionType="button"
              options={options('relationship', RELATIONSHIPS)}
              data-testid="cf-relationship"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name="customerClass" label={t('customer.customerClass')} rules={[{ required: true }]}>
            <Select options={options('customerClass', CUSTOMER_CLASSES)} data-testid="cf-class" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={8}>
          <Form.Item name="importanceTier" label={t('customer.importanceTier')} rules={[{ required: true }]}>
            <Select options={options('importanceTier', IMPORTANCE_TIERS)} data-testid="cf-tier" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6} lg={3}>
          <Form.Item name="vip" label="VIP" valuePropName="checked">
            <Switch data-testid="cf-vip" />
          </Form.Item>
        </Col>
        <Col xs={24} md={18} lg={5}>
          <Form.Item
            name="vipReason"
            label={t('customer.vipReason')}
            rules={[
              { required: !!vip, whitespace: true },
              zodRule(shape.vipReason, lang, { optional: true }),
            ]}
          >
            <Input disabled={!vip} data-testid="cf-vip-reason" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} lg={4}>
          <Form.Item
            name="industryCode"
            label={t('customer.industryCode')}
            rules={[zodRule(shape.industryCode, lang, { optional: true })]}
          >
            <Input maxLength={10} data-testid="cf-industry-code" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16} lg={12}>
          <Form.Item
            name="industryName"
            label={t('customer.industry')}
            rules={[zodRule(shape.industryName, lang, { optional: true })]}
          >
            <Input maxLength={50} data-testid="cf-industry" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item
            name="note"
            label={t('customer.note')}
            rules={[zodRule(shape.note, lang, { optional: true })]}
          >
            <Input.TextArea rows={2} maxLength={1000} data-testid="cf-note" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
