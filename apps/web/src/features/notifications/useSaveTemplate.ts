import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationTemplate, NotificationTemplateUpdate } from '@gridcare/contracts';
import { api } from '../../api/client';

/** PUT /api/notifications/templates/:id — saves a new version (409 if someone edited it meanwhile). */
export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: NotificationTemplateUpdate }) =>
      api<NotificationTemplate>(`/api/notifications/templates/${id}`, { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notification-templates'] }),
  });
}
