import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import { PART_KINDS, type PartKind, type PartRecord } from './partKinds';
import { customerKey } from './useCustomerOverview';

export interface SavePartVars {
  kind: PartKind;
  /** Absent for a new part (POST), present for a change (PATCH with the body's version). */
  id?: number;
  body: Record<string, unknown>;
}

/**
 * Adds (POST /api/customers/:id/<parts>) or changes (PATCH /api/<parts>/:id) a contact, premise,
 * account, meter or transformer. Success — and a stale version or a vanished row — refreshes the
 * customer's overview, timeline and ledger, plus the search lists.
 */
export function useSavePart(customerId: number) {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: customerKey(customerId) });
    void queryClient.invalidateQueries({ queryKey: ['customers'] });
  };
  return useMutation({
    mutationFn: ({ kind, id, body }: SavePartVars) => {
      const { path } = PART_KINDS[kind];
      return id
        ? api<PartRecord>(`/api/${path}/${id}`, { method: 'PATCH', body })
        : api<PartRecord>(`/api/customers/${customerId}/${path}`, { method: 'POST', body });
    },
    onSuccess: refresh,
    onError: (e) => {
      if (isApiError(e) && (e.code === 'version_conflict' || e.status === 404)) refresh();
    },
  });
}
