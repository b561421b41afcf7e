import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** GET /api/notifications/inbox/unread-count, refreshed every 30 s for the header bell. */
export function useUnreadCount() {
  return useQuery({
    queryKey: ['inbox', 'unread'],
    queryFn: ({ signal }) => api<{ unread: number }>('/api/notifications/inbox/unread-count', { signal }),
    refetchInterval: 30_000,
  });
}
