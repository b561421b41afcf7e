import { useQuery } from '@tanstack/react-query';
import type { InAppMessage } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';

/** GET /api/notifications/inbox — my latest in-app messages. */
export function useInbox(enabled: boolean) {
  return useQuery({
    queryKey: ['inbox', 'list'],
    enabled,
    queryFn: ({ signal }) =>
      api<Page<InAppMessage>>(withQuery('/api/notifications/inbox', { page: 1, pageSize: 10 }), { signal }),
  });
}
