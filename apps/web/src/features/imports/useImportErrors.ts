import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';
import type { ImportErrorRow, Page } from '../../api/types';

/** GET /api/imports/:id/errors — row-level problems, paged. */
export function useImportErrors(id: number | undefined, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: ['imports', 'job', id, 'errors', page, pageSize],
    queryFn: ({ signal }) =>
      api<Page<ImportErrorRow>>(withQuery(`/api/imports/${id}/errors`, { page, pageSize }), { signal }),
    enabled: !!id && enabled,
    placeholderData: keepPreviousData,
  });
}
