// Submitting the intake form: the contract's zod schema first, one Idempotency-Key per submission
// (kept only to retry after a network failure), the server's 400 details under their fields.
import { useRef } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { WorkOrderCreate } from '@gridcare/contracts';
import { isApiError, newIdempotencyKey } from '../../api/client';
import { useLanguage } from '../../i18n/useLanguage';
import { applyServerErrors, zodIssuesToDetails } from '../../shared/formErrors';
import { useNotifyError } from '../../shared/useNotifyError';
import type { WorkOrderCreate as WorkOrderCreateBody } from './types';
import { useCreateWorkOrder } from './useCreateWorkOrder';

export type IntakeValues = Partial<Omit<WorkOrderCreateBody, 'urgent' | 'answeredOnSpot'>> & {
  urgent?: boolean;
  answeredOnSpot?: boolean;
};

const blankToNull = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export function toCreateBody(v: IntakeValues): Record<string, unknown> {
  return {
    type: v.type,
    subCategory: blankToNull(v.subCategory),
    channel: v.channel,
    customerId: v.customerId ?? null,
    premiseId: v.customerId ? (v.premiseId ?? null) : null,
    accountNo: v.customerId ? blankToNull(v.accountNo) : null,
    orgUnitId: v.customerId ? null : (v.orgUnitId ?? null),
    callerName: blankToNull(v.callerName),
    callerPhone: blankToNull(v.callerPhone),
    contactPhone: blankToNull(v.contactPhone),
    title: v.title?.trim() ?? '',
    description: v.description?.trim() ?? '',
    urgent: !!v.urgent,
    parentId: v.parentId ?? null,
    answeredOnSpot: !!v.answeredOnSpot,
    replyText: v.answeredOnSpot ? blankToNull(v.replyText) : null,
  };
}

export function useSubmitWorkOrder(form: FormInstance<IntakeValues>) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const create = useCreateWorkOrder();
  const attempt = useRef<{ key: string; body: string } | null>(null);

  const showProblems = (details: { path: string; message: string }[], headline: string) => {
    const unmatched = applyServerErrors(form, details);
    void message.error(
      unmatched.length ? `${headline}：${unmatched.map((d) => d.message).join('；')}` : headline,
    );
  };

  const submit = (values: IntakeValues) => {
    const raw = toCreateBody(values);
    const parsed = WorkOrderCreate.safeParse(raw);
    if (!parsed.success)
      return showProblems(zodIssuesToDetails(parsed.error.issues, lang), t('form.fixErrors'));
    const json = JSON.stringify(raw);
    if (!attempt.current || attempt.current.body !== json)
      attempt.current = { key: newIdempotencyKey(), body: json };
    create.mutate(
      { body: parsed.data, idempotencyKey: attempt.current.key },
      {
        onSuccess: (order) => {
          attempt.current = null;
          void message.success(t('wo.form.created', { caseNo: order.caseNo }));
          navigate(`/workorders/${order.id}`);
        },
        onError: (e) => {
          if (isApiError(e) && e.details.length) showProblems(e.details, e.message);
          else notifyError(e);
          // A network failure keeps the key so the retry is recognised; anything else gets a new one.
          if (!(isApiError(e) && e.code === 'network')) attempt.current = null;
        },
      },
    );
  };

  return { submit, saving: create.isPending };
}
