import { Button, Card, Checkbox, Col, DatePicker, Form, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TARIFF_CATEGORY_LIST, VOLTAGE_LEVELS } from '@gridcare/domain';
import { isApiError } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { PageTitle } from '../../shared/PageTitle';
import { useNotifyError } from '../../shared/useNotifyError';
import { BillLinesTable } from './BillLinesTable';
import type { QuoteInput } from './types';
import { useQuote } from './useQuote';

interface Values {
  period: Dayjs;
  tariffCategory: QuoteInput['tariffCategory'];
  voltageLevel: QuoteInput['voltageLevel'];
  totalKwh: number;
  peakKwh?: number;
  flatKwh?: number;
  valleyKwh?: number;
  criticalPeakKwh?: number;
  reactiveKvarh?: number;
  maxDemandKw?: number;
  basicFeeMethod: NonNullable<QuoteInput['basicFeeMethod']>;
  pfStandard: NonNullable<QuoteInput['pfStandard']>;
  capacityKva?: number;
  contractDemandKw?: number;
  householdSize: number;
  lowIncome: boolean;
  kwhBilledInCycle: number;
  monthsOfService: number;
}

const num = (v: number | undefined | null) => (v === undefined || v === null ? undefined : v);

export function toQuoteInput(v: Values): QuoteInput {
  const residential = v.tariffCategory === 'residential';
  return {
    period: v.period.format('YYYY-MM'),
    tariffCategory: v.tariffCategory,
    voltageLevel: v.voltageLevel,
    energy: {
      totalKwh: v.totalKwh,
      peakKwh: num(v.peakKwh),
      flatKwh: num(v.flatKwh),
      valleyKwh: num(v.valleyKwh),
      criticalPeakKwh: num(v.criticalPeakKwh),
    },
    reactiveKvarh: num(v.reactiveKvarh),
    maxDemandKw: num(v.maxDemandKw),
    basicFeeMethod: residential ? 'none' : v.basicFeeMethod,
    pfStandard: residential ? 'none' : v.pfStandard,
    transformers: v.capacityKva
      ? [{ id: 'T1', capacityKva: v.capacityKva, state: 'running', sealed: false }]
      : [],
    contractDemandKw: num(v.contractDemandKw),
    residential: residential
      ? {
          cycle: 'annual',
          monthsOfServiceInCycle: v.monthsOfService,
          householdSize: v.householdSize,
          lowIncome: v.lowIncome,
          kwhBilledInCycle: v.kwhBilledInCycle,
        }
      : null,
  };
}

/** Server paths (energy.totalKwh, residential.householdSize) → this form's flat field names. */
const FIELD_OF: Record<string, string> = {
  'body.energy.totalKwh': 'totalKwh',
  'body.energy.peakKwh': 'peakKwh',
  'body.energy.valleyKwh': 'valleyKwh',
  'body.energy.flatKwh': 'flatKwh',
  'body.energy.criticalPeakKwh': 'criticalPeakKwh',
  'body.residential.householdSize': 'householdSize',
  'body.residential.kwhBilledInCycle': 'kwhBilledInCycle',
};

/** 电费试算 ("what would I pay"): nothing is saved. */
export function QuotePage() {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const quote = useQuote();
  const category = Form.useWatch('tariffCategory', form) ?? 'residential';
  const residential = category === 'residential';

  const submit = (v: Values) =>
    quote.mutate(toQuoteInput(v), {
      onError: (e) => {
        if (isApiError(e) && e.status === 400) {
          const left = applyServerErrors(
            form,
            e.details.map((d) => ({ ...d, path: FIELD_OF[d.path] ?? d.path })),
            (p) => p.length === 1,
          );
          if (left.length === 0) return;
        }
        notifyError(e);
      },
    });

  const kwh = (name: keyof Values, label: string) => (
    <Col xs={12} md={6}>
      <Form.Item name={name} label={label}>
        <InputNumber min={0} precision={2} style={{ width: '100%' }} />
      </Form.Item>
    </Col>
  );

  return (
    <div>
      <PageTitle title={t('billing.quote.title')} sub={t('billing.quote.sub')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          data-testid="quote-form"
          initialValues={{
            period: dayjs().subtract(1, 'month'),
            tariffCategory: 'residential',
            voltageLevel: '220V',
            totalKwh: 300,
            basicFeeMethod: 'none',
            pfStandard: 'none',
            householdSize: 3,
            lowIncome: false,
            kwhBilledInCycle: 0,
            monthsOfService: 12,
          }}
        >
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Form.Item name="period" label={t('billing.quote.period')} rules={[{ required: true }]}>
                <DatePicker picker="month" allowClear={false} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="tariffCategory" label={t('billing.quote.category')}>
                <Select
                  options={TARIFF_CATEGORY_LIST.map((c) => ({ value: c, label: t(`billing.category.${c}`) }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="voltageLevel" label={t('billing.quote.voltage')}>
                <Select options={VOLTAGE_LEVELS.map((v) => ({ value: v, label: v }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="totalKwh" label={t('billing.quote.total')} rules={[{ required: true }]}>
                <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="quote-total" />
              </Form.Item>
            </Col>
          </Row>
          {residential ? (
            <Row gutter={12}>
              <Col xs={12} md={6}>
                <Form.Item name="householdSize" label={t('billing.quote.householdSize')}>
                  <InputNumber min={1} max={50} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              {kwh('kwhBilledInCycle', t('billing.quote.billedInYear'))}
              <Col xs={12} md={6}>
                <Form.Item name="monthsOfService" label={t('billing.quote.months')}>
                  <InputNumber min={1} max={12} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item name="lowIncome" valuePropName="checked" label=" ">
                  <Checkbox>{t('billing.quote.lowIncome')}</Checkbox>
                </Form.Item>
              </Col>
            </Row>
          ) : (
            <>
              <Typography.Paragraph type="secondary">{t('billing.quote.touHint')}</Typography.Paragraph>
              <Row gutter={12}>
                {kwh('peakKwh', t('billing.quote.peak'))}
                {kwh('flatKwh', t('billing.quote.flat'))}
                {kwh('valleyKwh', t('billing.quote.valley'))}
                {kwh('criticalPeakKwh', t('billing.quote.criticalPeak'))}
              </Row>
              <Row gutter={12}>
                {kwh('reactiveKvarh', t('billing.quote.reactive'))}
                <Col xs={12} md={6}>
                  <Form.Item name="pfStandard" label={t('billing.quote.pfStandard')}>
                    <Select
                      options={['none', '0.90', '0.85', '0.80'].map((v) => ({
                        value: v,
                        label: t(`billing.pf.${v}`),
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="basicFeeMethod" label={t('billing.quote.basicFee')}>
                    <Select
                      options={['none', 'capacity', 'contract_demand', 'actual_demand'].map((v) => ({
                        value: v,
                        label: t(`billing.basicFee.${v}`),
                      }))}
                    />
                  </Form.Item>
                </Col>
                {kwh('capacityKva', t('billing.quote.capacity'))}
                {kwh('contractDemandKw', t('billing.quote.contractDemand'))}
                {kwh('maxDemandKw', t('billing.quote.maxDemand'))}
              </Row>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={quote.isPending} data-testid="quote-submit">
            {t('billing.quote.calculate')}
          </Button>
        </Form>
      </Card>
      {quote.data ? (
        <Card size="small" title={t('billing.quote.result', { tariff: quote.data.tariffVersion.name })}>
          <BillLinesTable
            lines={quote.data.bill.lines}
            totalFen={quote.data.bill.totalFen}
            testId="quote-lines"
          />
        </Card>
      ) : null}
    </div>
  );
}
