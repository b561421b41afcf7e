import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReadingBatch } from '@gridcare/contracts';
import { ApiError } from '../../api/client';
import { currentLanguage } from '../../i18n/language';

/**
 * Uploads a CSV with XMLHttpRequest (fetch cannot report upload progress): percent while sending, then
 * the batch — completed, or rejected with its row-level report.
 */
export function useUploadReadings() {
  const queryClient = useQueryClient();
  const [percent, setPercent] = useState<number | null>(null);
  const upload = (kind: 'register' | 'interval', file: File, idempotencyKey: string) =>
    new Promise<ReadingBatch>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', kind === 'register' ? '/api/metering/uploads' : '/api/metering/interval-uploads');
      xhr.setRequestHeader('Accept-Language', currentLanguage());
      xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
      xhr.upload.onprogress = (e) => e.lengthComputable && setPercent(Math.round((e.loaded / e.total) * 100));
      xhr.onload = () => {
        setPercent(null);
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          // not JSON
        }
        if (xhr.status >= 200 && xhr.status < 300) {
          void queryClient.invalidateQueries({ queryKey: ['metering'] });
          resolve(body as ReadingBatch);
        } else {
          const err = (
            body as {
              error?: { code: string; message: string; details?: { path: string; message: string }[] };
            }
          )?.error;
          reject(
            new ApiError(
              xhr.status,
              err?.code ?? 'http_' + xhr.status,
              err?.message ?? xhr.statusText,
              err?.details ?? [],
            ),
          );
        }
      };
      xhr.onerror = () => {
        setPercent(null);
        reject(new ApiError(0, 'network', 'network'));
      };
      const form = new FormData();
      form.append('file', file, file.name);
      setPercent(0);
      xhr.send(form);
    });
  return { upload, percent };
}
