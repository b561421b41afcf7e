import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgUnit, OrgUnitNode } from '@gridcare/contracts';
import { api } from '../../api/client';
import { ORG_UNITS_KEY } from '../org/useOrgUnitsFlat';

/** GET /api/org-units — the organisation as a tree. */
export function useOrgUnitTree() {
  return useQuery({
    queryKey: [...ORG_UNITS_KEY, 'tree'],
    queryFn: async ({ signal }) => {
      const res = await api<OrgUnitNode[] | OrgUnitNode | { items: OrgUnitNode[] }>('/api/org-units', {
        signal,
      });
      if (Array.isArray(res)) return res;
      return 'items' in res ? res.items : [res];
    },
  });
}

/** POST /api/org-units or PATCH /api/org-units/:id; both refresh every org-unit list. */
export function useSaveOrgUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: number; body: Record<string, unknown> }) =>
      id
        ? api<OrgUnit>(`/api/org-units/${id}`, { method: 'PATCH', body })
        : api<OrgUnit>('/api/org-units', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ORG_UNITS_KEY }),
  });
}
