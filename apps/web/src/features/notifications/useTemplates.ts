import { useQuery } from '@tanstack/react-query';
import type { NotificationTemplate } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';

/** GET /api/notifications/templates — the latest version of every template. */
export function useTemplates(params: { event?: string; channel?: string; language?: string }) {
  return useQuery({
    queryKey: ['notification-templates', params],
    queryFn: ({ signal }) =>
      api<{ items: NotificationTemplate[] }>(withQuery('/api/notifications/templates', params), { signal }),
  });
}
