import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';
import type { Page } from '../../api/types';

/** GET /api/users?q&page&pageSize */
export function useUsers(params: { q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['users', params],
    queryFn: ({ signal }) => api<Page<User>>(withQuery('/api/users', params), { signal }),
    placeholderData: keepPreviousData,
  });
}

/** POST /api/users or PATCH /api/users/:id (with version). */
export function useSaveUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: Record<string, unknown> }) =>
      id
        ? api<User>(`/api/users/${id}`, { method: 'PATCH', body })
        : api<User>('/api/users', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** POST /api/users/:id/unlock — clears a lock after too many failed logins. */
export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api(`/api/users/${id}/unlock`, { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
