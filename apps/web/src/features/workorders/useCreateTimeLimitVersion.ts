import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { TimeLimitVersion, TimeLimitVersionCreate } from './types';
import { TIME_LIMITS_KEY } from './useTimeLimitVersions';

/** POST /api/workorders/time-limits — a new version of the whole table; orders accepted from then on use it. */
export function useCreateTimeLimitVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: TimeLimitVersionCreate; idempotencyKey: string }) =>
      api<TimeLimitVersion>('/api/workorders/time-limits', { method: 'POST', body, idempotencyKey }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TIME_LIMITS_KEY }),
  });
}
