import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { InAppMessage } from '@gridcare/contracts';
import { withQuery } from '../../api/client';
import type { Page } from '../../api/types';
import { portalApi } from './portalApi';
import { PORTAL_KEY } from './usePortalMe';

/** GET /api/portal/messages — in-app messages to the customer's accounts, newest first. */
export function usePortalMessages(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...PORTAL_KEY, 'messages', page, pageSize],
    queryFn: ({ signal }) =>
      portalApi<Page<InAppMessage>>(withQuery('/api/portal/messages', { page, pageSize }), { signal }),
    placeholderData: keepPreviousData,
  });
}
