import { useInfiniteQuery } from '@tanstack/react-query';
import type { TimelineEvent } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';
import { customerKey } from './useCustomerOverview';

const PAGE_SIZE = 20;

/** GET /api/customers/:id/timeline, newest first, a page at a time ("load more"). */
export function useCustomerTimeline(id: number) {
  return useInfiniteQuery({
    queryKey: [...customerKey(id), 'timeline'],
    initialPageParam: 1,
    queryFn: ({ pageParam, signal }) =>
      api<Page<TimelineEvent>>(
        withQuery(`/api/customers/${id}/timeline`, { page: pageParam, pageSize: PAGE_SIZE }),
        { signal },
      ),
    getNextPageParam: (last) =>
      last.page * last.pageSize < last.total && last.items.length > 0 ? last.page + 1 : undefined,
  });
}
