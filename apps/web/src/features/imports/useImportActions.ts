import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { ImportJob, ImportMode } from '../../api/types';

/** POST /api/imports (multipart `file`) with an Idempotency-Key. */
export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, idempotencyKey }: { file: File; idempotencyKey: string }) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api<{ job: ImportJob }>('/api/imports', { method: 'POST', body, idempotencyKey }).then(
        (r) => r.job,
      );
    },
    onSuccess: (job) => {
      queryClient.setQueryData(['imports', 'job', job.id], job);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'history'] });
    },
  });
}

/** POST /api/imports/:id/commit {mode} — all_or_nothing or valid_rows. */
export function useCommitImport(id: number | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mode: ImportMode) =>
      api<{ job: ImportJob }>(`/api/imports/${id}/commit`, { method: 'POST', body: { mode } }).then(
        (r) => r.job,
      ),
    onSuccess: (job) => {
      queryClient.setQueryData(['imports', 'job', id], job);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'job', id] });
      void queryClient.invalidateQueries({ queryKey: ['imports', 'history'] });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}
