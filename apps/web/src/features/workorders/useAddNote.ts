import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { WorkOrder, WorkOrderNoteBody } from './types';
import { useOrderSaved } from './useOrderSaved';

/** POST /api/workorders/:id/notes — a progress note (contacting the customer stops the first-contact clock). */
export function useAddNote(id: number) {
  const saved = useOrderSaved();
  return useMutation({
    mutationFn: (body: WorkOrderNoteBody) =>
      api<WorkOrder>(`/api/workorders/${id}/notes`, { method: 'POST', body }),
    onSuccess: saved,
  });
}
