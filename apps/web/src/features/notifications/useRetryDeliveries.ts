import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationRetryResult } from '@gridcare/contracts';
import { api } from '../../api/client';

/** POST /api/notifications/deliveries/retry — dead or failed messages go back in the queue now. */
export function useRetryDeliveries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: number[]) =>
      api<NotificationRetryResult>('/api/notifications/deliveries/retry', { method: 'POST', body: { ids } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notification-deliveries'] }),
  });
}
