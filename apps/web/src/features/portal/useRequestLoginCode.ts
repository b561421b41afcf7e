import { useMutation } from '@tanstack/react-query';
import type { PortalCodeSent } from '@gridcare/contracts';
import { portalApi } from './portalApi';

/** POST /api/portal/login/code — the answer is the same whether or not the account exists. */
export function useRequestLoginCode() {
  return useMutation({
    mutationFn: (accountNo: string) =>
      portalApi<PortalCodeSent>('/api/portal/login/code', { method: 'POST', body: { accountNo } }),
  });
}
