import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@gridcare/contracts';
import { api } from '../../api/client';
import { ME_KEY } from './useMe';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { username: string; password: string }) => {
      await api('/api/auth/login', { method: 'POST', body });
      return api<Me>('/api/auth/me');
    },
    onSuccess: (me) => {
      queryClient.clear();
      queryClient.setQueryData(ME_KEY, me);
    },
  });
}
