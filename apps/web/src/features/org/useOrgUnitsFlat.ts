import { useQuery } from '@tanstack/react-query';
import type { OrgUnit } from '@gridcare/contracts';
import { api } from '../../api/client';

export const ORG_UNITS_KEY = ['org-units'] as const;

/** Every org unit the user can see, as a flat list (GET /api/org-units?flat=true). */
export function useOrgUnitsFlat() {
  return useQuery({
    queryKey: [...ORG_UNITS_KEY, 'flat'],
    queryFn: async () => {
      const res = await api<OrgUnit[] | { items: OrgUnit[] }>('/api/org-units?flat=true');
      return Array.isArray(res) ? res : res.items;
    },
    staleTime: 5 * 60_000,
  });
}
