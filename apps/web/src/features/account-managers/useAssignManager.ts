import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { customerKey } from '../customers/useCustomerOverview';

export function useAssignManager(customerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { managerId: number; reason: string }) =>
      api(`/api/customers/${customerId}/manager`, { method: 'POST', body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: customerKey(customerId) });
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void queryClient.invalidateQueries({ queryKey: ['manager-assignments'] });
    },
  });
}
