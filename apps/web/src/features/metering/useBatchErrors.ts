import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReadingBatchErrorPage } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';

export function useBatchErrors(batchId: number | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['metering', 'batch-errors', batchId, page, pageSize],
    queryFn: () =>
      api<ReadingBatchErrorPage>(withQuery(`/api/metering/batches/${batchId}/errors`, { page, pageSize })),
    enabled: Boolean(batchId),
    placeholderData: keepPreviousData,
  });
}
