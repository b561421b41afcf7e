import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { ImportJob, Page } from '../../api/types';

/** GET /api/imports — earlier imports, newest first. */
export function useImportHistory(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['imports', 'history', page, pageSize],
    queryFn: ({ signal }) => api<Page<ImportJob>>(withQuery('/api/imports', { page, pageSize }), { signal }),
    placeholderData: keepPreviousData,
  });
}
