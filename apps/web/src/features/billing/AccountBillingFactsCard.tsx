// The billing facts of a customer's accounts on the 360 page: household size (≥ 5 people get the larger
// tier 1), low-income household (free kWh each month), the tier cycle and the contract demand. A billing
// clerk records them from the customer's documents; the next bill run prices with them.
import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Radio, Select, Skeleton, Space, Switch } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { usePermissions } from '../auth/usePermissions';
import { BILLING_KEY } from './useBills';

interface Facts {
  accountId: number;
  householdSize: number | null;
  lowIncome: boolean;
  tierCycle: 'annual' | 'monthly';
  contractDemandKw: string | null;
  version: number;
}

type FormValues = Omit<Facts, 'accountId' | 'version'>;

function useFacts(accountId: number | undefined) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'facts', accountId],
    queryFn: ({ signal }) => api<Facts>(`/api/billing/accounts/${accountId}/facts`, { signal }),
    enabled: accountId !== undefined,
  });
}

export function AccountBillingFactsCard({ accounts }: { accounts: { id: number; accountNo: string }[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const qc = useQueryClient();
  const [accountId, setAccountId] = useState<number | undefined>(accounts[0]?.id);
  const facts = useFacts(accountId);
  const [form] = Form.useForm<FormValues>();
  const editable = can('billing:run');

  useEffect(() => {
    if (facts.data) form.setFieldsValue(facts.data);
  }, [facts.data, form]);

  const save = useMutation({
    mutationFn: (values: FormValues) =>
      api<Facts>(`/api/billing/accounts/${accountId}/facts`, {
        method: 'PUT',
        body: {
          ...values,
          householdSize: values.householdSize ?? null,
          contractDemandKw: values.contractDemandKw ? String(values.contractDemandKw) : null,
          version: facts.data?.version ?? 0,
        },
      }),
    onSuccess: (saved) => {
      qc.setQueryData([...BILLING_KEY, 'facts', accountId], saved);
      void message.success(t('billing.facts.saved'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 400) applyServerErrors(form, e.details);
      else if (e instanceof ApiError && e.status === 409) {
        void message.warning(t('billing.facts.stale'));
        void facts.refetch();
      } else void message.error(e instanceof Error ? e.message : String(e));
    },
  });

  if (!accounts.length) return null;
  return (
    <Card
      size="small"
      title={t('billing.facts.title')}
      data-testid="billing-facts-card"
      extra={
        accounts.length > 1 && (
          <Select
            size="small"
            style={{ minWidth: 180 }}
            value={accountId}
            onChange={setAccountId}
            options={accounts.map((a) => ({ value: a.id, label: a.accountNo }))}
          />
        )
      }
    >
      {!facts.data ? (
        <Skeleton active />
      ) : (
        <Form<FormValues>
          form={form}
          layout="inline"
          disabled={!editable}
          onFinish={(v) => save.mutate(v)}
          initialValues={facts.data}
        >
          <Form.Item name="householdSize" label={t('billing.facts.householdSize')}>
            <InputNumber min={1} max={50} placeholder="1" data-testid="facts-household" />
          </Form.Item>
          <Form.Item name="lowIncome" label={t('billing.facts.lowIncome')} valuePropName="checked">
            <Switch data-testid="facts-low-income" />
          </Form.Item>
          <Form.Item name="tierCycle" label={t('billing.facts.tierCycle')}>
            <Radio.Group
              options={[
                { value: 'annual', label: t('billing.facts.annual') },
                { value: 'monthly', label: t('billing.facts.monthly') },
              ]}
            />
          </Form.Item>
          <Form.Item name="contractDemandKw" label={t('billing.facts.contractDemand')}>
            <Input style={{ width: 120 }} suffix="kW" />
          </Form.Item>
          {editable && (
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="facts-save">
                {t('common.save')}
              </Button>
            </Space>
          )}
        </Form>
      )}
    </Card>
  );
}
