import { useEffect } from 'react';
import { Alert, Col, Form, Row, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useEnumLabel } from '../../shared/useEnumLabel';
import { useCustomerOverview } from '../customers/useCustomerOverview';
import { OrgUnitSelect } from '../org/OrgUnitSelect';
import { CustomerPicker } from './CustomerPicker';
import type { IntakeValues } from './useSubmitWorkOrder';

/**
 * 客户与服务地址: the customer, then one of their premises (service points decide the routing unit and
 * the area class of the clocks) and optionally the account; without a customer, the org unit concerned.
 */
export function IntakeCustomerFields({ form }: { form: FormInstance<IntakeValues> }) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const customerId = Form.useWatch('customerId', form);
  const premiseId = Form.useWatch('premiseId', form);
  const overview = useCustomerOverview(customerId ?? 0);
  const data = customerId ? overview.data : undefined;
  const premises = data?.premises ?? [];
  const accounts = (data?.accounts ?? []).filter((a) => !premiseId || a.premiseId === premiseId);

  // A customer with a single service point needs no choice.
  useEffect(() => {
    if (data && data.premises.length === 1 && !form.getFieldValue('premiseId'))
      form.setFieldValue('premiseId', data.premises[0].id);
  }, [data, form]);

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="customerId" label={t('wo.form.customer')}>
            <CustomerPicker
              knownLabel={data ? `${data.customer.name}（${data.customer.customerNo}）` : undefined}
              onChange={(v) => {
                form.setFieldsValue({ customerId: v, premiseId: undefined, accountNo: undefined });
              }}
              data-testid="wo-customer"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {customerId ? (
            <Form.Item name="premiseId" label={t('wo.form.premise')}>
              <Select
                allowClear
                loading={overview.isFetching}
                placeholder={t('wo.form.premisePick')}
                options={premises.map((p) => ({
                  value: p.id,
                  label: `${p.fullAddress}${p.areaClass ? `（${enumLabel('areaClass', p.areaClass)}）` : ''}`,
                }))}
                onChange={(v) => form.setFieldsValue({ premiseId: v, accountNo: undefined })}
                data-testid="wo-premise"
              />
            </Form.Item>
          ) : (
            <Form.Item name="orgUnitId" label={t('wo.form.orgUnit')} extra={t('wo.form.orgUnitHint')}>
              <OrgUnitSelect allowClear data-testid="wo-org-unit" />
            </Form.Item>
          )}
        </Col>
      </Row>
      {customerId && data ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="accountNo" label={t('wo.form.accountNo')}>
              <Select
                allowClear
                placeholder={t('wo.form.accountPick')}
                options={accounts.map((a) => ({ value: a.accountNo, label: a.accountNo }))}
                data-testid="wo-account"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Alert
              type="info"
              showIcon
              style={{ marginTop: 30 }}
              title={
                <span>
                  {t('wo.form.customerInfo', {
                    tier: enumLabel('importanceTier', data.customer.importanceTier),
                    phone: data.customer.phone ?? '—',
                  })}
                  {data.customer.vip ? ' · VIP' : ''}{' '}
                  <Link to={`/customers/${customerId}`} target="_blank">
                    {t('wo.form.open360')}
                  </Link>
                </span>
              }
            />
          </Col>
        </Row>
      ) : null}
    </>
  );
}
