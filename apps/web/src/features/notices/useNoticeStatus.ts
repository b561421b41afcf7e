import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Notice } from '@gridcare/contracts';
import { api } from '../../api/client';
import { NOTICES_KEY } from './useNotices';

/** POST /api/notices/:id/publish or /withdraw at the version shown. */
export function useNoticeStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      notice,
      action,
      reason,
    }: {
      notice: Pick<Notice, 'id' | 'version'>;
      action: 'publish' | 'withdraw';
      reason?: string | null;
    }) =>
      api<Notice>(`/api/notices/${notice.id}/${action}`, {
        method: 'POST',
        body:
          action === 'withdraw'
            ? { version: notice.version, reason: reason || null }
            : { version: notice.version },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTICES_KEY }),
  });
}
