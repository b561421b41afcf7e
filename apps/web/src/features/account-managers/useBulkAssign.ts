import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BulkAssignResult } from '@gridcare/contracts';
import { api } from '../../api/client';

/** The body of POST /api/manager-assignments/bulk as the form builds it (contracts: BulkAssignBody). */
export interface BulkAssignRequest {
  managerId: number;
  reason: string;
  /** Either the chosen customers … */
  customerIds?: number[];
  /** … or every customer matching a filter (only the unassigned ones, from this page). */
  filter?: { orgUnitId?: number; customerClass?: string; importanceTier?: string; onlyUnassigned?: boolean };
}

export function useBulkAssign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkAssignRequest) =>
      api<BulkAssignResult>('/api/manager-assignments/bulk', { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['manager-assignments'] });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['customer'] });
      void queryClient.invalidateQueries({ queryKey: ['home'] });
    },
  });
}
