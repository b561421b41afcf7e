import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { PORTAL_LOGIN_PATH, portalApi } from './portalApi';
import { PORTAL_KEY } from './usePortalMe';

export function usePortalLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => portalApi('/api/portal/logout', { method: 'POST', body: {} }),
    onSettled: () => {
      queryClient.removeQueries({ queryKey: PORTAL_KEY });
      navigate(PORTAL_LOGIN_PATH, { replace: true });
    },
  });
}
