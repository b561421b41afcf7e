// The portal's billing queries: bills of one account, its payments, an online order's status, and paying.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { PortalBilling, PortalPayOrder } from '@gridcare/contracts';
import { newIdempotencyKey } from '../../api/client';
import { portalApi } from './portalApi';
import { PORTAL_KEY } from './usePortalMe';

const BILLING_KEY = [...PORTAL_KEY, 'billing'] as const;

export function usePortalBills(accountNo: string | undefined) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'bills', accountNo],
    queryFn: ({ signal }) =>
      portalApi<PortalBilling>(`/api/portal/billing/bills?accountNo=${encodeURIComponent(accountNo!)}`, {
        signal,
      }),
    enabled: Boolean(accountNo),
  });
}

export interface PortalPaymentItem {
  paymentNo: string;
  receiptId: number | null;
  receiptNo: string | null;
  channel: string;
  amountFen: number;
  paidAt: string;
}

export function usePortalPayments(accountNo: string | undefined) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'payments', accountNo],
    queryFn: ({ signal }) =>
      portalApi<{ items: PortalPaymentItem[] }>(
        `/api/portal/billing/payments?accountNo=${encodeURIComponent(accountNo!)}`,
        {
          signal,
        },
      ),
    enabled: Boolean(accountNo),
  });
}

/** Polls an order until it is paid or closed (the gateway's callback may come a moment after the customer). */
export function usePortalOrder(orderNo: string | null) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'order', orderNo],
    queryFn: ({ signal }) =>
      portalApi<{
        orderNo: string;
        status: 'created' | 'paid' | 'closed';
        amountFen: number;
        paymentNo: string | null;
      }>(`/api/portal/billing/orders/${encodeURIComponent(orderNo!)}`, { signal }),
    enabled: Boolean(orderNo),
    refetchInterval: (q) => (q.state.data?.status === 'created' ? 2000 : false),
  });
}

/** Creates the gateway order and sends the browser to the gateway's pay page. */
export function usePortalPay() {
  return useMutation({
    mutationFn: (body: { accountNo: string; billIds?: number[] }) =>
      portalApi<PortalPayOrder>('/api/portal/billing/pay', {
        method: 'POST',
        body: { ...body, returnPath: '/portal/billing/return' },
        idempotencyKey: newIdempotencyKey(),
      }),
    onSuccess: (order) => window.location.assign(order.payUrl),
  });
}
