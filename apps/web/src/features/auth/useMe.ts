import { useQuery } from '@tanstack/react-query';
import type { Me } from '@gridcare/contracts';
import { api } from '../../api/client';

export const ME_KEY = ['auth', 'me'] as const;

export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: () => api<Me>('/api/auth/me'),
    staleTime: 5 * 60_000,
    retry: false,
  });
}
