import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { TariffComponents, TariffVersionDetail, TariffVersionSummary } from './types';
import { BILLING_KEY } from './useBills';

const KEY = [...BILLING_KEY, 'tariffs'] as const;

export function useTariffVersions() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api<{ items: TariffVersionSummary[] }>('/api/billing/tariffs', { signal }),
  });
}

export function useTariffVersion(id: number | undefined) {
  return useQuery({
    queryKey: [...KEY, id],
    queryFn: ({ signal }) => api<TariffVersionDetail>(`/api/billing/tariffs/${id}`, { signal }),
    enabled: !!id,
  });
}

function useTariffMutation<I>(fn: (input: I) => Promise<TariffVersionDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (v) => {
      qc.setQueryData([...KEY, v.id], v);
      void qc.invalidateQueries({ queryKey: KEY });
    },
  });
}

export function useCreateTariffDraft() {
  return useTariffMutation(
    (body: { basedOnId?: number; code: string; name: string; effectiveFrom: string; note?: string }) =>
      api<TariffVersionDetail>('/api/billing/tariffs', { method: 'POST', body }),
  );
}

export function useSaveTariffDraft(id: number) {
  return useTariffMutation(
    (body: { version: number; name?: string; effectiveFrom?: string; components?: TariffComponents }) =>
      api<TariffVersionDetail>(`/api/billing/tariffs/${id}`, { method: 'PUT', body }),
  );
}

export function useTariffTransition(id: number) {
  return useTariffMutation(({ action, version }: { action: 'activate' | 'retire'; version: number }) =>
    api<TariffVersionDetail>(`/api/billing/tariffs/${id}/${action}`, { method: 'POST', body: { version } }),
  );
}
