// The payments pages' queries and mutations (TanStack Query over /api/payments).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountDue,
  ArrearsPage,
  CollectionRateReport,
  DisconnectionCase,
  Payment,
  PaymentPage,
  Refund,
  WithholdingBatch,
  WithholdingImportResult,
} from '@gridcare/contracts';
import { api, newIdempotencyKey, withQuery, type QueryValue } from '../../api/client';

export const PAYMENTS_KEY = ['payments'] as const;

interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function useAccountDue(accountNo: string | undefined) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, 'due', accountNo],
    queryFn: ({ signal }) =>
      api<AccountDue>(withQuery('/api/payments/accounts/due', { accountNo }), { signal }),
    enabled: Boolean(accountNo),
    retry: false,
  });
}

export function usePaymentList(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, 'list', params],
    queryFn: ({ signal }) => api<PaymentPage>(withQuery('/api/payments', params), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useArrears(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, 'arrears', params],
    queryFn: ({ signal }) => api<ArrearsPage>(withQuery('/api/payments/arrears', params), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCollectionRate(params: { from: string; to: string; orgUnitId?: number }) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, 'rate', params],
    queryFn: ({ signal }) =>
      api<CollectionRateReport>(withQuery('/api/payments/collection-rate', params), { signal }),
  });
}

export function useRefunds(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, 'refunds', params],
    queryFn: ({ signal }) => api<Page<Refund>>(withQuery('/api/payments/refunds', params), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useWithholdingBatches(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, 'withholding', params],
    queryFn: ({ signal }) =>
      api<Page<WithholdingBatch>>(withQuery('/api/payments/withholding/batches', params), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useDisconnections(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, 'disconnections', params],
    queryFn: ({ signal }) =>
      api<Page<DisconnectionCase>>(withQuery('/api/payments/disconnections', params), { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface ManagerReminder {
  customerId: number;
  customerName: string;
  accountId: number;
  accountNo: string;
  billId: number;
  billNo: string;
  period: string;
  dueDate: string;
  outstandingFen: number;
  daysToDue: number;
  managerName: string | null;
}

export function useManagerReminders(days: number) {
  return useQuery({
    queryKey: [...PAYMENTS_KEY, 'manager-reminders', days],
    queryFn: ({ signal }) =>
      api<{ asOf: string; items: ManagerReminder[] }>(
        withQuery('/api/payments/manager-reminders', { days }),
        { signal },
      ),
  });
}

/** A write under one idempotency key per attempt; every payments list is refreshed afterwards. */
function usePaymentsMutation<B, R>(path: (b: B) => string, body: (b: B) => unknown = (b) => b) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (b: B) =>
      api<R>(path(b), { method: 'POST', body: body(b), idempotencyKey: newIdempotencyKey() }),
    onSuccess: () => qc.invalidateQueries({ queryKey: PAYMENTS_KEY }),
  });
}

export const usePostPayment = () =>
  usePaymentsMutation<
    {
      accountId: number;
      amountFen: number;
      reference: string;
      channel: 'counter' | 'manager';
      payerName?: string;
    },
    Payment
  >(() => '/api/payments');

export const useRequestRefund = () =>
  usePaymentsMutation<{ accountId: number; amountFen: number; reason: string }, Refund>(
    () => '/api/payments/refunds',
  );

export const useDecideRefund = () =>
  usePaymentsMutation<{ id: number; approve: boolean; version: number; note?: string }, Refund>(
    (b) => `/api/payments/refunds/${b.id}/decision`,
    ({ approve, version, note }) => ({ approve, version, note }),
  );

export const useCreateBatch = () =>
  usePaymentsMutation<{ bankCode: string }, WithholdingBatch>(() => '/api/payments/withholding/batches');

export const useCreateDisconnection = () =>
  usePaymentsMutation<{ accountId: number; plannedAt: string; note?: string }, DisconnectionCase>(
    () => '/api/payments/disconnections',
  );

export const useDisconnectionAction = () =>
  usePaymentsMutation<
    { id: number; action: 'disconnect' | 'reconnect' | 'cancel'; version: number },
    DisconnectionCase
  >(
    (b) => `/api/payments/disconnections/${b.id}/actions`,
    ({ action, version }) => ({ action, version }),
  );

export function useImportResult() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ batchId, file }: { batchId: number; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return api<WithholdingImportResult>(`/api/payments/withholding/batches/${batchId}/result`, {
        method: 'POST',
        body: form,
      });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: PAYMENTS_KEY }),
  });
}
