import { useQuery } from '@tanstack/react-query';
import type { AccountReadings } from '@gridcare/contracts';
import { api, withQuery } from '../../api/client';

export function useAccountReadings(accountId: number | undefined, months = 24) {
  return useQuery({
    queryKey: ['metering', 'account', accountId, months],
    queryFn: () =>
      api<AccountReadings>(withQuery(`/api/metering/accounts/${accountId}/readings`, { months })),
    enabled: Boolean(accountId),
  });
}
