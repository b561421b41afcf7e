import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { TimeLimitVersion } from './types';

export const TIME_LIMITS_KEY = ['time-limits'] as const;

/** GET /api/workorders/time-limits — every version of the time-limit table, newest first. */
export function useTimeLimitVersions() {
  return useQuery({
    queryKey: TIME_LIMITS_KEY,
    queryFn: ({ signal }) => api<TimeLimitVersion[]>('/api/workorders/time-limits', { signal }),
  });
}

/** The version in force now: the newest whose effective date has come (later ones are scheduled). */
export function currentVersion(versions: TimeLimitVersion[], now = Date.now()): TimeLimitVersion | undefined {
  return versions.find((v) => new Date(v.effectiveFrom).getTime() <= now) ?? versions.at(-1);
}
