import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReadingException, ReadingExceptionPage } from '@gridcare/contracts';
import { api, withQuery, type QueryValue } from '../../api/client';

export function useReadingExceptions(params: Record<string, QueryValue>) {
  return useQuery({
    queryKey: ['metering', 'exceptions', params],
    queryFn: () => api<ReadingExceptionPage>(withQuery('/api/metering/exceptions', params)),
    placeholderData: keepPreviousData,
  });
}

export type ReviewAction = 'accept' | 'reject' | 'reread' | 'correct';

/** POST /api/metering/exceptions/:id/{accept|reject|reread|correct} with the version read. */
export function useReviewException() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      action,
      body,
    }: {
      id: number;
      action: ReviewAction;
      body: { version: number; note?: string; value?: string };
    }) => api<ReadingException>(`/api/metering/exceptions/${id}/${action}`, { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['metering'] }),
  });
}
