import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ManualReadingsBody, ReadingBatch, ReadingSheet } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';

export function useReadingSheet(code: string, period: string, settlement: number) {
  return useQuery({
    queryKey: ['metering', 'sheet', code, period, settlement],
    queryFn: () =>
      api<ReadingSheet>(
        withQuery(`/api/metering/books/${encodeURIComponent(code)}/sheet`, { period, settlement }),
      ),
    enabled: Boolean(code && period),
  });
}

/** POST /api/metering/readings — a book's entered readings, validated like any intake. */
export function useSaveReadings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: ManualReadingsBody; idempotencyKey: string }) =>
      api<ReadingBatch>('/api/metering/readings', { method: 'POST', body, idempotencyKey }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['metering'] }),
  });
}
