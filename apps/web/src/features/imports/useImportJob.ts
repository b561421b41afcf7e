import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ImportJob } from '../../api/types';

const RUNNING = new Set(['validating', 'importing']);

export function isRunning(job: ImportJob | undefined): boolean {
  return !!job && RUNNING.has(job.status);
}

/** GET /api/imports/:id, polled every second while the job validates or imports. */
export function useImportJob(id: number | undefined) {
  return useQuery({
    queryKey: ['imports', 'job', id],
    queryFn: ({ signal }) => api<ImportJob>(`/api/imports/${id}`, { signal }),
    enabled: !!id,
    refetchInterval: (q) => (isRunning(q.state.data) ? 1000 : false),
  });
}
