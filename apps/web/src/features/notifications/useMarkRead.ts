import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/** POST /api/notifications/inbox/:id/read, or /read-all when no id is given. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number | 'all') =>
      api(id === 'all' ? '/api/notifications/inbox/read-all' : `/api/notifications/inbox/${id}/read`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['inbox'] }),
  });
}
