import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';
import type { BillRun } from './types';
import { BILLING_KEY } from './useBills';

const RUNNING = new Set(['queued', 'running']);
export const isRunActive = (r: BillRun | undefined) => !!r && RUNNING.has(r.status);

/** GET /api/billing/runs — the run history; refreshed every 2 s while any run on the page is active. */
export function useBillRuns(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'runs', page, pageSize],
    queryFn: ({ signal }) =>
      api<Page<BillRun>>(withQuery('/api/billing/runs', { page, pageSize }), { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.items.some(isRunActive) ? 2000 : false),
  });
}

/** GET /api/billing/runs/:id, polled every second while the run is queued or running. */
export function useBillRun(id: number | undefined) {
  return useQuery({
    queryKey: [...BILLING_KEY, 'run', id],
    queryFn: ({ signal }) => api<BillRun>(`/api/billing/runs/${id}`, { signal }),
    enabled: !!id,
    refetchInterval: (q) => (isRunActive(q.state.data) || !q.state.data ? 1000 : false),
  });
}

export interface BillRunInput {
  period: string;
  settlement: 1 | 2;
  orgUnitId?: number;
  readingBook?: string;
  dueDays?: number;
}

/** POST /api/billing/runs with one Idempotency-Key per submission (a retried click starts no second run). */
export function useStartBillRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: BillRunInput; idempotencyKey: string }) =>
      api<BillRun>('/api/billing/runs', { method: 'POST', body, idempotencyKey }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...BILLING_KEY, 'runs'] }),
  });
}

export function useCancelBillRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<BillRun>(`/api/billing/runs/${id}/cancel`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: BILLING_KEY }),
  });
}

/** POST /api/billing/runs/:id/resume — a failed run continues where it stopped. */
export function useResumeBillRun() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api<BillRun>(`/api/billing/runs/${id}/resume`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: BILLING_KEY }),
  });
}
