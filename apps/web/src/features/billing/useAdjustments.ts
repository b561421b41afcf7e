import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery, type QueryValue } from '../../api/client';
import type { Page } from '../../api/types';
import type { Adjustment } from './types';
import { BILLING_KEY } from './useBills';

export function useAdjustments(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'adjustments', params],
    queryFn: ({ signal }) => api<Page<Adjustment>>(withQuery('/api/billing/adjustments', params), { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface AdjustmentInput {
  billId: number;
  reason: string;
  reasonText: string;
  mode: 'recompute' | 'manual';
  corrections?: Record<string, unknown>;
  manualAmountFen?: number;
  manualDescription?: string;
}

/** POST /api/billing/adjustments (one Idempotency-Key per submission). */
export function useDraftAdjustment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: AdjustmentInput; idempotencyKey: string }) =>
      api<Adjustment>('/api/billing/adjustments', { method: 'POST', body, idempotencyKey }),
    onSuccess: () => qc.invalidateQueries({ queryKey: BILLING_KEY }),
  });
}

export function useDecideAdjustment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; version: number; decision: 'approve' | 'reject'; note?: string }) =>
      api<Adjustment>(`/api/billing/adjustments/${v.id}/decision`, {
        method: 'POST',
        body: { version: v.version, decision: v.decision, note: v.note },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: BILLING_KEY }),
  });
}
