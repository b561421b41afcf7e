import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { NotificationDelivery } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';

export interface DeliveryFilters {
  status?: string;
  channel?: string;
  event?: string;
  from?: string;
  to?: string;
  q?: string;
}

/** GET /api/notifications/deliveries (or /dead-letters) with filters, paged through the server. */
export function useDeliveries(
  params: DeliveryFilters & { page: number; pageSize: number },
  deadOnly: boolean,
) {
  const path = deadOnly ? '/api/notifications/dead-letters' : '/api/notifications/deliveries';
  return useQuery({
    queryKey: ['notification-deliveries', deadOnly, params],
    queryFn: ({ signal }) => api<Page<NotificationDelivery>>(withQuery(path, { ...params }), { signal }),
    placeholderData: keepPreviousData,
  });
}
