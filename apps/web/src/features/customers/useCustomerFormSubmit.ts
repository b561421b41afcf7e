// Submitting the customer form: client-side check with the contract's zod schema, the
// Idempotency-Key per attempt, and the server's answers (400 fields, 409 duplicate / version conflict).
import { useRef, useState } from 'react';
import { App, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CustomerCreate, CustomerPatch, type Customer } from '@gridcare/contracts';
import { isApiError, newIdempotencyKey } from '../../api/client';
import type { DuplicateMatch } from '../../api/types';
import { useLanguage } from '../../i18n/useLanguage';
import { applyServerErrors, zodIssuesToDetails } from '../../shared/formErrors';
import { useNotifyError } from '../../shared/useNotifyError';
import { changedBasicFields, toCreatePayload, type CustomerFormValues } from './customerFormValues';
import { useCreateCustomer } from './useCreateCustomer';
import { useUpdateCustomer } from './useUpdateCustomer';

export interface DuplicateState {
  duplicates: DuplicateMatch[];
  message: string;
  values: CustomerFormValues;
}

export function useCustomerFormSubmit(
  form: FormInstance<CustomerFormValues>,
  original: Customer | undefined,
) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const create = useCreateCustomer();
  const update = useUpdateCustomer(original?.id ?? 0);
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const [duplicate, setDuplicate] = useState<DuplicateState | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  const showProblems = (details: { path: string; message: string }[], headline: string) => {
    const unmatched = applyServerErrors(form, details);
    void message.error(
      unmatched.length ? `${headline}：${unmatched.map((d) => d.message).join('；')}` : headline,
    );
  };

  const onError = (values: CustomerFormValues) => (e: unknown) => {
    if (isApiError(e) && e.code === 'duplicate') {
      const duplicates = (e.body.duplicates as DuplicateMatch[] | undefined) ?? [];
      setDuplicate({ duplicates, message: e.message, values });
    } else if (isApiError(e) && e.code === 'version_conflict') {
      setConflict(e.message);
    } else if (isApiError(e) && e.details.length) {
      showProblems(e.details, e.message);
    } else {
      notifyError(e);
    }
    // A network failure keeps the key so the retry is recognised; anything else gets a new one.
    if (!(isApiError(e) && e.code === 'network')) attempt.current = null;
  };

  const onSaved = (c: Customer) => {
    setDuplicate(null);
    void message.success(t('common.saved'));
    navigate(`/customers/${c.id}`);
  };

  const submitCreate = (values: CustomerFormValues, overrideReason?: string) => {
    const body = toCreatePayload(values);
    if (overrideReason) body.duplicateOverrideReason = overrideReason;
    const parsed = CustomerCreate.safeParse(body);
    if (!parsed.success)
      return showProblems(zodIssuesToDetails(parsed.error.issues, lang), t('form.fixErrors'));
    const json = JSON.stringify(body);
    if (!attempt.current || attempt.current.body !== json)
      attempt.current = { key: newIdempotencyKey(), body: json };
    create.mutate(
      { body, idempotencyKey: attempt.current.key },
      { onSuccess: onSaved, onError: onError(values) },
    );
  };

  const submitUpdate = (values: CustomerFormValues, overrideReason?: string) => {
    if (!original) return;
    const changes = changedBasicFields(original, values);
    if (!Object.keys(changes).length && !overrideReason) {
      void message.info(t('form.noChanges'));
      return;
    }
    const body: Record<string, unknown> = { ...changes, version: original.version };
    if (overrideReason) body.duplicateOverrideReason = overrideReason;
    const parsed = CustomerPatch.safeParse(body);
    if (!parsed.success)
      return showProblems(zodIssuesToDetails(parsed.error.issues, lang), t('form.fixErrors'));
    update.mutate(body, { onSuccess: onSaved, onError: onError(values) });
  };

  const submit = (values: CustomerFormValues, overrideReason?: string) =>
    original ? submitUpdate(values, overrideReason) : submitCreate(values, overrideReason);

  return {
    submit,
    saving: create.isPending || update.isPending,
    duplicate,
    closeDuplicate: () => setDuplicate(null),
    confirmDuplicate: (reason: string) => duplicate && submit(duplicate.values, reason),
    conflict,
    clearConflict: () => setConflict(null),
  };
}
