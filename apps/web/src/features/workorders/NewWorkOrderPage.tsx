import { useMemo } from 'react';
import { Button, Card, Col, Flex, Form, Input, Radio, Row, Select, Switch } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { WorkOrderCreate } from '@gridcare/contracts';
import {
  ON_THE_SPOT_REPLY_TYPES,
  WORK_ORDER_CHANNELS,
  WORK_ORDER_TYPES,
  type WorkOrderChannel,
  type WorkOrderType,
} from '@gridcare/domain';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useLanguage } from '../../i18n/useLanguage';
import { PageTitle } from '../../shared/PageTitle';
import { zodRule } from '../../shared/zodRule';
import { IntakeCustomerFields } from './IntakeCustomerFields';
import { SUB_CATEGORIES } from './subCategories';
import { useSubmitWorkOrder, type IntakeValues } from './useSubmitWorkOrder';
import { useWorkOrderOptions } from './useWorkOrderLabel';

const positiveInt = (v: string | null) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined);

/** Prefill from the screen pop and the 360 page: ?customerId=…&channel=phone&caller=…&type=…&parentId=… */
function initialValuesFrom(params: URLSearchParams): IntakeValues {
  const channel = params.get('channel');
  const type = params.get('type');
  const caller = params.get('caller')?.trim() || undefined;
  return {
    type: (WORK_ORDER_TYPES as readonly string[]).includes(type ?? '') ? (type as WorkOrderType) : undefined,
    channel: (WORK_ORDER_CHANNELS as readonly string[]).includes(channel ?? '')
      ? (channel as WorkOrderChannel)
      : 'phone',
    customerId: positiveInt(params.get('customerId')),
    parentId: positiveInt(params.get('parentId')),
    callerPhone: caller,
    contactPhone: caller,
    urgent: false,
    answeredOnSpot: false,
  };
}

/** 新建工单: intake of a request by phone, counter, account manager, … with first-contact resolution. */
export function NewWorkOrderPage() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const navigate = useNavigate();
  const options = useWorkOrderOptions();
  const [params] = useSearchParams();
  const [form] = Form.useForm<IntakeValues>();
  const initialValues = useMemo(() => initialValuesFrom(params), [params]);
  const type = Form.useWatch('type', form);
  const answeredOnSpot = Form.useWatch('answeredOnSpot', form);
  const subCategories = type ? SUB_CATEGORIES[type] : undefined;
  const canAnswerOnSpot = !!type && ON_THE_SPOT_REPLY_TYPES.includes(type);
  const { submit, saving } = useSubmitWorkOrder(form);

  return (
    <div>
      <PageTitle title={t('wo.form.title')} sub={t('wo.form.subtitle')} />
      <Form<IntakeValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
        onFinishFailed={({ errorFields }) =>
          errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })
        }
        onValuesChange={(changed: IntakeValues) => {
          if ('type' in changed) {
            form.setFieldValue('subCategory', undefined);
            if (!changed.type || !ON_THE_SPOT_REPLY_TYPES.includes(changed.type))
              form.setFieldValue('answeredOnSpot', false);
          }
        }}
        data-testid="wo-form"
      >
        <Card title={t('wo.form.request')} style={{ marginBottom: 16 }}>
          <Form.Item
            name="type"
            label={t('wo.col.type')}
            rules={[{ required: true, message: t('wo.form.typeRequired') }]}
          >
            <Radio.Group optionType="button" buttonStyle="solid" data-testid="wo-type-input">
              {options('type', WORK_ORDER_TYPES).map((o) => (
                <Radio.Button key={o.value} value={o.value}>
                  <span data-testid={`wo-type-${o.value}`}>{o.label}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="channel" label={t('wo.col.channel')} rules={[{ required: true }]}>
                <Select options={options('channel', WORK_ORDER_CHANNELS)} data-testid="wo-channel" />
              </Form.Item>
            </Col>
            {subCategories ? (
              <Col xs={24} md={8}>
                <Form.Item
                  name="subCategory"
                  label={t('wo.form.subCategory')}
                  rules={[{ required: type === 'complaint', message: t('wo.form.subCategoryPick') }]}
                >
                  <Select
                    allowClear
                    options={options('subCategory', subCategories)}
                    placeholder={t('wo.form.subCategoryPick')}
                    data-testid="wo-subcategory"
                  />
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={24} md={8}>
              <Form.Item name="urgent" label={t('wo.urgent')} valuePropName="checked">
                <Switch data-testid="wo-urgent" />
              </Form.Item>
            </Col>
          </Row>
          <IntakeCustomerFields form={form} />
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="callerName" label={t('wo.form.callerName')} rules={[{ max: 50 }]}>
                <Input data-testid="wo-caller-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="callerPhone"
                label={t('wo.form.callerPhone')}
                rules={[zodRule(WorkOrderCreate.shape.callerPhone, lang, { optional: true })]}
              >
                <Input data-testid="wo-caller-phone" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="contactPhone"
                label={t('wo.form.contactPhone')}
                extra={t('wo.form.contactPhoneHint')}
                rules={[zodRule(WorkOrderCreate.shape.contactPhone, lang, { optional: true })]}
              >
                <Input data-testid="wo-contact-phone" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="title"
            label={t('wo.form.titleField')}
            rules={[{ required: true, whitespace: true }, { max: 100 }]}
          >
            <Input placeholder={t('wo.form.titleHint')} data-testid="wo-title" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('wo.form.description')}
            rules={[{ required: true, whitespace: true }, { max: 4000 }]}
          >
            <Input.TextArea
              rows={4}
              placeholder={t('wo.form.descriptionHint')}
              data-testid="wo-description"
            />
          </Form.Item>
        </Card>
        {canAnswerOnSpot ? (
          <Card title={t('wo.form.onSpot')} style={{ marginBottom: 16 }}>
            <Form.Item name="answeredOnSpot" valuePropName="checked" extra={t('wo.form.onSpotHint')}>
              <Switch data-testid="wo-on-spot" />
            </Form.Item>
            {answeredOnSpot ? (
              <Form.Item
                name="replyText"
                label={t('wo.form.replyText')}
                rules={[{ required: true, whitespace: true }, { max: 4000 }]}
              >
                <Input.TextArea rows={3} data-testid="wo-reply-text" />
              </Form.Item>
            ) : null}
          </Card>
        ) : null}
        <Form.Item name="parentId" hidden>
          <Input />
        </Form.Item>
        <Flex gap={8} justify="flex-end">
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={saving}
            data-testid="wo-submit"
          >
            {t('wo.form.submit')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
