import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';
import type { WorkOrder, WorkOrderActionBody } from './types';
import { useOrderSaved } from './useOrderSaved';
import { workOrderKey } from './useWorkOrder';

/**
 * POST /api/workorders/:id/actions — one lifecycle step, always with the version it was read at;
 * 409 `version_conflict` / `illegal_transition` when someone else moved the order first (then it reloads).
 */
export function useWorkOrderAction(id: number) {
  const saved = useOrderSaved();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkOrderActionBody) =>
      api<WorkOrder>(`/api/workorders/${id}/actions`, { method: 'POST', body }),
    onSuccess: saved,
    onError: (e) => {
      if (isApiError(e) && e.status === 409)
        void queryClient.invalidateQueries({ queryKey: workOrderKey(id) });
    },
  });
}
