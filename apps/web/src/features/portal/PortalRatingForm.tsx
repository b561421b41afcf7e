import { useRef } from 'react';
import { App, Button, Card, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { PORTAL_RATING_OUTCOMES, type PortalRatingOutcome } from '@gridcare/contracts';
import { isApiError, newIdempotencyKey } from '../../api/client';
import { applyServerErrors } from '../../shared/formErrors';
import { useNotifyError } from '../../shared/useNotifyError';
import { usePortalLabel } from './usePortalLabel';
import { useRatePortalRequest } from './useRatePortalRequest';

interface Values {
  outcome: PortalRatingOutcome;
  comment?: string;
}

/** 服务评价: the customer's own return visit; 不满意 sends the request back for another round. */
export function PortalRatingForm({ caseNo }: { caseNo: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const label = usePortalLabel();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const rate = useRatePortalRequest(caseNo);
  const key = useRef<string | null>(null);
  const outcome = Form.useWatch('outcome', form);

  const submit = (v: Values) => {
    key.current ??= newIdempotencyKey();
    rate.mutate(
      { body: { outcome: v.outcome, comment: v.comment?.trim() || null }, idempotencyKey: key.current },
      {
        onSuccess: () => {
          key.current = null;
          void message.success(
            t(v.outcome === 'unsatisfied' ? 'portal.rating.reopened' : 'portal.rating.thanks'),
          );
        },
        onError: (e) => {
          if (isApiError(e) && e.status !== 0) key.current = null;
          const unmatched = isApiError(e) ? applyServerErrors(form, e.details) : [];
          if (!isApiError(e) || !e.details.length || unmatched.length) notifyError(e);
        },
      },
    );
  };

  return (
    <Card size="small" title={t('portal.rating.title')} data-testid="portal-rating">
      <Form<Values> form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="outcome" rules={[{ required: true, message: t('portal.rating.required') }]}>
          <Radio.Group optionType="button" buttonStyle="solid" style={{ display: 'flex' }}>
            {PORTAL_RATING_OUTCOMES.map((o) => (
              <Radio.Button key={o} value={o} style={{ flex: 1, textAlign: 'center' }}>
                <span data-testid={`portal-rating-${o}`}>{label('outcome', o)}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="comment"
          rules={[{ max: 500 }]}
          extra={outcome === 'unsatisfied' ? t('portal.rating.unsatisfiedHint') : undefined}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t('portal.rating.comment')}
            data-testid="portal-rating-comment"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          loading={rate.isPending}
          data-testid="portal-rating-submit"
        >
          {t('portal.rating.submit')}
        </Button>
      </Form>
    </Card>
  );
}
