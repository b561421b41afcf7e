import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, withQuery } from '../../api/client';
import { PART_KINDS, type PartKind } from './partKinds';
import { customerKey } from './useCustomerOverview';

/**
 * DELETE /api/<parts>/:id?version=N (a premise still used by an account answers 409). Success — and
 * a stale version or a vanished row — refreshes the customer's overview, timeline and ledger.
 */
export function useDeletePart(customerId: number) {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: customerKey(customerId) });
    void queryClient.invalidateQueries({ queryKey: ['customers'] });
  };
  return useMutation({
    mutationFn: ({ kind, id, version }: { kind: PartKind; id: number; version: number }) =>
      api<unknown>(withQuery(`/api/${PART_KINDS[kind].path}/${id}`, { version }), { method: 'DELETE' }),
    onSuccess: refresh,
    onError: (e) => {
      if (isApiError(e) && (e.code === 'version_conflict' || e.status === 404)) refresh();
    },
  });
}
