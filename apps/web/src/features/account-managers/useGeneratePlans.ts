import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** POST /api/visit-plans/generate {period} — creates the month's plans for every managed customer that is due. */
export function useGeneratePlans() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (period: string) =>
      api<{ created?: number; skipped?: number }>('/api/visit-plans/generate', {
        method: 'POST',
        body: { period },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['visit-plans'] });
      void queryClient.invalidateQueries({ queryKey: ['my'] });
    },
  });
}
