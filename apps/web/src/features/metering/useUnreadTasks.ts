import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UnreadTaskPage } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';

export function useUnreadTasks(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['metering', 'unread', page, pageSize],
    queryFn: () => api<UnreadTaskPage>(withQuery('/api/metering/unread-tasks', { page, pageSize })),
    placeholderData: keepPreviousData,
  });
}

export function useRunUnreadCheck() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api<{ flagged: number; notified: number }>('/api/metering/unread-check', { method: 'POST', body: {} }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['metering', 'unread'] }),
  });
}
