import type { WorkOrderQueue } from './types';

/**
 * The queue a desk opens on: department handlers and crews work their unit's queue (本单位), supervisors
 * watch everything, agents their own orders.
 */
export function defaultQueue(
  can: (p: 'workorder:supervise' | 'workorder:create') => boolean,
  hasRole: (r: string) => boolean,
): WorkOrderQueue {
  if (hasRole('dept_staff') || hasRole('field_crew')) return 'team';
  if (can('workorder:supervise')) return 'all';
  return 'mine';
}
