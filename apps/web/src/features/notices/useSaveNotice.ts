import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Notice, NoticeInput } from '@gridcare/contracts';
import { api } from '../../api/client';
import { NOTICES_KEY } from './useNotices';

/** POST /api/notices (a draft, with an Idempotency-Key) or PUT /api/notices/:id (with version). */
export function useSaveNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      body,
      idempotencyKey,
    }: {
      id?: number;
      body: NoticeInput & { version?: number };
      idempotencyKey?: string;
    }) =>
      id
        ? api<Notice>(`/api/notices/${id}`, { method: 'PUT', body })
        : api<Notice>('/api/notices', { method: 'POST', body, idempotencyKey }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTICES_KEY }),
  });
}
