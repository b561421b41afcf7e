import { useQuery } from '@tanstack/react-query';
import type { NotificationTemplatePreview, NotificationTemplatePreviewBody } from '@gridcare/contracts';
import { api } from '../../api/client';

/** POST /api/notifications/templates/preview — the text as a recipient would read it (sample values). */
export function useTemplatePreview(body: NotificationTemplatePreviewBody | null) {
  return useQuery({
    queryKey: ['notification-template-preview', body],
    enabled: body !== null && body.body.trim() !== '',
    queryFn: ({ signal }) =>
      api<NotificationTemplatePreview>('/api/notifications/templates/preview', {
        method: 'POST',
        body,
        signal,
      }),
    retry: false,
  });
}
