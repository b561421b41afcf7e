import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import type { ReturnVisitCreate, WorkOrder } from './types';
import { useOrderSaved } from './useOrderSaved';
import { workOrderKey } from './useWorkOrder';

/** POST /api/workorders/:id/return-visits — 回访: satisfied closes, unsatisfied reopens, unreachable retries. */
export function useRecordReturnVisit(id: number) {
  const saved = useOrderSaved();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReturnVisitCreate) =>
      api<WorkOrder>(`/api/workorders/${id}/return-visits`, { method: 'POST', body }),
    onSuccess: saved,
    onError: (e) => {
      if (isApiError(e) && e.status === 409)
        void queryClient.invalidateQueries({ queryKey: workOrderKey(id) });
    },
  });
}
