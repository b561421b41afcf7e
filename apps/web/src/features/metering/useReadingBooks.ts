import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReadingBookPage } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';

export function useReadingBooks(params: { page: number; pageSize: number; q?: string }) {
  return useQuery({
    queryKey: ['metering', 'books', params],
    queryFn: () => api<ReadingBookPage>(withQuery('/api/metering/books', params)),
    placeholderData: keepPreviousData,
  });
}
