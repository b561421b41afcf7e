import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { customerKey } from '../customers/useCustomerOverview';
import type { WorkOrder } from './types';
import { workOrderKey } from './useWorkOrder';
import { WORK_ORDERS_KEY } from './useWorkOrders';

/**
 * After any write that answers with the order: the detail shows the answer at once, lists and queue counts
 * refetch, and the customer's 360 page (timeline, orders tab) is refreshed too.
 */
export function useOrderSaved() {
  const queryClient = useQueryClient();
  return useCallback(
    (order: WorkOrder) => {
      queryClient.setQueryData(workOrderKey(order.id), order);
      void queryClient.invalidateQueries({
        queryKey: WORK_ORDERS_KEY,
        predicate: (q) => q.queryKey[1] !== 'detail' || q.queryKey[2] !== order.id,
      });
      if (order.customerId) void queryClient.invalidateQueries({ queryKey: customerKey(order.customerId) });
    },
    [queryClient],
  );
}
